import * as path from 'node:path';
import { test, expect, expectAccessible, open, uniqueEmail, linkMailedTo, PASSWORD } from './fixtures';
import type { Page } from '@playwright/test';

// Every page at a 360 px phone and a 1280 px desktop, light and dark: screenshots saved as
// artifacts (test-results/screens/<project>/) for people to look at, and checked for sideways
// scrolling and accessibility in each theme.

const widths = [360, 1280];
const schemes = ['light', 'dark'] as const;

async function shoot(page: Page, name: string, hasJs: boolean) {
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of widths) {
      await page.setViewportSize({ width, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: path.join(test.info().project.outputDir, 'screens', hasJs ? 'js' : 'no-js', `${name}-${width}-${scheme}.png`),
        fullPage: true,
      });
    }
    await expectAccessible(page, hasJs, scheme);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('every page looks right on a phone and a desktop, light and dark', async ({ page, hasJs }) => {
  test.setTimeout(180_000);
  await open(page, '/', hasJs);
  await shoot(page, 'landing', hasJs);
  await open(page, '/signup', hasJs);
  await shoot(page, 'signup', hasJs);
  await open(page, '/login', hasJs);
  await shoot(page, 'login', hasJs);

  const email = uniqueEmail();
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Your name').fill('Rosa Traveler');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  await shoot(page, 'signup-sent', hasJs);
  await open(page, await linkMailedTo(email, '/signup/'), hasJs);
  await shoot(page, 'signup-finish', hasJs);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/trips$/);
  await shoot(page, 'trips-empty', hasJs);
  await open(page, '/trips/new', hasJs);
  await page.getByRole('button', { name: 'Create trip' }).click();
  await expect(page.getByText('Give the trip a name.')).toBeVisible();
  await shoot(page, 'trip-form-errors', hasJs);

  await page.getByLabel('Trip name').fill('Spring in Lisbon');
  await page.getByLabel('Destination').fill('Lisbon, Portugal');
  await page.getByLabel('First day').fill('2027-03-03');
  await page.getByLabel('Last day').fill('2027-03-09');
  await page.getByLabel('Time zone').selectOption('Europe/Lisbon');
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByLabel('Budget (optional)').fill('1500');
  await page.getByRole('button', { name: 'Create trip' }).click();
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}$/);
  const trip = new URL(page.url()).pathname;
  const activities = [
    { title: 'Tram 28 across the old town', time: '09:30', cost: '3.00' },
    { title: 'Lunch at Time Out Market', time: '13:00', cost: '24.50' },
    { title: 'Fado evening in Alfama', time: '21:00', cost: '40.00' },
  ];
  for (const activity of activities) {
    await open(page, `${trip}/activities/new?day=2027-03-04`, hasJs);
    await page.getByLabel('Title').fill(activity.title);
    await page.getByLabel(/^Starts at/).fill(activity.time);
    await page.getByLabel(/^Cost/).fill(activity.cost);
    await page.getByRole('button', { name: 'Add activity' }).click();
    await expect(page).toHaveURL(/#day-2027-03-04$/);
  }
  await shoot(page, 'trip', hasJs);
  // Printed, the trip is a clean day-by-day plan: no navigation, buttons or forms.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Add an activity' }).first()).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Tram 28 across the old town' })).toBeVisible();
  await page.screenshot({
    path: path.join(test.info().project.outputDir, 'screens', hasJs ? 'js' : 'no-js', 'trip-print.png'),
    fullPage: true,
  });
  await page.emulateMedia({ media: 'screen' });
  await open(page, `${trip}/days/2027-03-04`, hasJs);
  await shoot(page, 'day', hasJs);
  await open(page, `${trip}/activities/new?day=2027-03-05`, hasJs);
  await shoot(page, 'activity-form', hasJs);
  await open(page, `${trip}/edit`, hasJs);
  await shoot(page, 'trip-edit', hasJs);
  await open(page, '/trips', hasJs);
  await shoot(page, 'trips', hasJs);
  await open(page, '/account', hasJs);
  await shoot(page, 'account', hasJs);
});
