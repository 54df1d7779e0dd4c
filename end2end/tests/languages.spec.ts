import { test, expect, expectAccessible, uniqueEmail, open, signUp } from './fixtures';
import { planLisbon } from './plans';

// The language follows the traveler's choice (footer or account page), else the browser's.
// Pages not yet translated stay English; the frame, the trips list and the account's
// language choice are checked here in each language, with and without JavaScript.

test('switch the pages to German, then French, and back', async ({ page, hasJs }) => {
  test.setTimeout(90_000);
  await signUp(page, hasJs, uniqueEmail());
  await planLisbon(page, hasJs);
  await open(page, '/trips', hasJs);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your trips');

  // The footer's switcher: a plain form, each language named in itself.
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page).toHaveURL(/\/trips$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deine Reisen');
  await expect(page.getByText('26.–30. März 2027 · 5 Tage')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Neue Reise' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Deutsch' })).toHaveAttribute('aria-current', 'true');
  await expectAccessible(page, hasJs);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: test.info().outputPath('trips-de-360.png'), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow, 'nothing scrolls sideways at 360 px in German').toBe(false);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The account page: the language kept on the account, French this time.
  await open(page, '/account', hasJs);
  await expect(page.getByRole('heading', { name: 'Sprache' })).toBeVisible();
  await page.getByRole('radio', { name: 'Français' }).check();
  await page.getByRole('button', { name: 'Sprache speichern' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await open(page, '/trips', hasJs);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vos voyages');
  await expect(page.getByText('26–30 mars 2027 · 5 jours')).toBeVisible();
  await expectAccessible(page, hasJs);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your trips');
  await expect(page.getByText('26–30 Mar 2027 · 5 days')).toBeVisible();
});

test('a visitor gets the browser’s language until they pick one', async ({ browser, hasJs }) => {
  const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: hasJs });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Créer un compte' })).toBeVisible();
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('navigation', { name: 'Hauptmenü' }).getByRole('link', { name: 'Registrieren' })).toBeVisible();
  await context.close();
});
