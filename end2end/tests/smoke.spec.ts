import { test, expect, waitForHydration, expectAccessible } from './fixtures';

test.describe('landing page', () => {
  test('explains the product and leads to sign-up and log-in', async ({ page, hasJs }) => {
    const response = await page.goto('/');

    expect(response?.status()).toBe(200);
    if (hasJs) await waitForHydration(page);
    await expect(page).toHaveTitle('Travel Planner');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Plan every day of your trip in one place' }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Start planning — it’s free' })).toHaveAttribute('href', '/signup');
    await expect(page.getByRole('link', { name: 'I already have an account' })).toHaveAttribute('href', '/login');
    const main = page.getByRole('navigation', { name: 'Main' });
    await expect(main.getByRole('link', { name: 'Log in' })).toBeVisible();
    await expect(main.getByRole('link', { name: 'Sign up' })).toBeVisible();
  });

  test('links to the privacy and terms pages from the footer', async ({ page, hasJs }) => {
    await page.goto('/');
    if (hasJs) await waitForHydration(page);

    await page.getByRole('navigation', { name: 'Legal' }).getByRole('link', { name: 'Privacy' }).click();

    await expect(page).toHaveURL(/\/privacy$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
    await expect(page).toHaveTitle('Privacy · Travel Planner');

    await page.getByRole('navigation', { name: 'Legal' }).getByRole('link', { name: 'Terms' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Terms of use' })).toBeVisible();
  });

  test('has a working skip link for keyboard users', async ({ page, hasJs }) => {
    await page.goto('/');
    if (hasJs) await waitForHydration(page);

    await page.keyboard.press('Tab');

    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
  });

  test('is styled by the shipped stylesheet', async ({ page }) => {
    await page.goto('/');

    const button = page.getByRole('link', { name: 'Start planning — it’s free' });
    // The primary button colour comes from style/main.css; unstyled links would be transparent.
    await expect(button).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  });
});

test.describe('404 page', () => {
  test('answers 404 with a friendly way back', async ({ page, hasJs }) => {
    const response = await page.goto('/this/does/not/exist');

    expect(response?.status()).toBe(404);
    if (hasJs) await waitForHydration(page);
    await expect(page).toHaveTitle('Page not found · Travel Planner');
    await expect(page.getByRole('heading', { level: 1, name: 'We couldn’t find that page' })).toBeVisible();

    await page.getByRole('link', { name: 'Go to the home page' }).click();

    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan every day of your trip in one place');
  });
});

test.describe('accessibility', () => {
  for (const path of ['/', '/privacy', '/terms', '/missing-page']) {
    test(`${path} has no axe violations of any impact`, async ({ page, hasJs }) => {
      await page.goto(path);
      if (hasJs) await waitForHydration(page);

      await expectAccessible(page, hasJs);
    });
  }

  test('the layout fits a 360 px phone without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/');

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe('API reference', () => {
  test('is readable on a phone, accessible, and its contents lead to each operation', async ({ page, hasJs }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const response = await page.goto('/api/docs');

    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle('API reference · Travel Planner');
    // The page is plain HTML: no script is needed or shipped, with or without JavaScript.
    expect(await page.locator('script').count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, hasJs);

    await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'POST /api/v1/trips', exact: true }).click();

    await expect(page).toHaveURL(/#post-api-v1-trips$/);
    await expect(page.getByRole('heading', { level: 3, name: 'POST /api/v1/trips', exact: true })).toBeInViewport();
  });
});
