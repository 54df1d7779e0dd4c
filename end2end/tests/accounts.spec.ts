import { test, expect, waitForHydration, expectAccessible, PASSWORD, uniqueEmail, open, signUp, linkMailedTo } from './fixtures';
import type { Page } from '@playwright/test';

async function logIn(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/// The reset link in the newest outbox message for `email`.
async function resetLinkFor(email: string): Promise<string> {
  return linkMailedTo(email, '/reset-password/');
}

test('sign up, log out, log in and reach the account page', async ({ page, hasJs }) => {
  const email = uniqueEmail();
  await signUp(page, hasJs, email);
  const header = page.getByRole('navigation', { name: 'Main' });
  await expect(header.getByRole('link', { name: 'Rosa Traveler' })).toBeVisible();

  await header.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(header.getByRole('link', { name: 'Log in' })).toBeVisible();

  await header.getByRole('link', { name: 'Log in' }).click();
  if (hasJs) await waitForHydration(page);
  await logIn(page, email);
  await expect(page).toHaveURL(/\/trips$/);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rosa Traveler' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await expectAccessible(page, hasJs);
});

test('the password rules are explained, and the strength follows what is typed', async ({ page, hasJs }) => {
  await open(page, '/signup', hasJs);
  const password = page.getByLabel('Password', { exact: true });
  const strength = page.locator('.strength');
  await expect(page.getByText('At least 8 characters. A few unrelated words make a strong one.')).toBeVisible();

  await password.fill('short');
  // Without JavaScript the written rules are the guide; the live hint stays empty.
  await expect(strength).toHaveText(hasJs ? 'Too short' : '');
  await password.fill('twelve chars');
  await expect(strength).toHaveText(hasJs ? 'Long enough — longer is stronger' : '');
  await password.fill('violet kettle harbour');
  await expect(strength).toHaveText(hasJs ? 'Strong' : '');
});

test('a wrong password gets a clear message and keeps the email', async ({ page, hasJs }) => {
  const email = uniqueEmail();
  await signUp(page, hasJs, email);
  await page.context().clearCookies();

  await open(page, '/login', hasJs);
  await logIn(page, email, 'not my password');

  await expect(page.getByRole('alert')).toHaveText('Your email or password is incorrect.');
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await expect(page.getByLabel('Password')).toHaveValue('');
});

test('sign-up problems show next to their fields and nothing is created', async ({ page, hasJs }) => {
  await open(page, '/signup', hasJs);
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Your name').fill('Rosa');
  await page.getByLabel('Password', { exact: true }).fill('password1');
  await page.getByLabel('Confirm password').fill('password2');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page.locator('#field-email-error')).toHaveText('Enter an email address like name@example.com.');
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-describedby', 'field-email-error');
  await expect(page.locator('#field-password_confirmation-error')).toHaveText('The two passwords don’t match.');
  await expect(page.getByLabel('Email')).toHaveValue('not-an-email');
  await expect(page.getByLabel('Your name')).toHaveValue('Rosa');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log in' })).toBeVisible();
  await expectAccessible(page, hasJs);
});

test('forgot password: the emailed link sets a new password', async ({ page, hasJs }) => {
  const email = uniqueEmail();
  await signUp(page, hasJs, email);
  await page.context().clearCookies();

  await open(page, '/login', hasJs);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  if (hasJs) await waitForHydration(page);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText('a reset link is on its way');

  await open(page, await resetLinkFor(email), hasJs);
  const newPassword = 'amber lantern meadow';
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Confirm new password').fill(newPassword);
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page).toHaveURL(/\/trips$/);

  await page.context().clearCookies();
  await open(page, '/login', hasJs);
  await logIn(page, email, newPassword);
  await expect(page).toHaveURL(/\/trips$/);
});

test('a page that needs an account sends visitors to log in and back', async ({ page, hasJs }) => {
  const email = uniqueEmail();
  await signUp(page, hasJs, email);
  await page.context().clearCookies();

  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?next=\/account$/);
  if (hasJs) await waitForHydration(page);
  await logIn(page, email);

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
});

test('the dark theme is one press away and stays chosen on the account', async ({ page, hasJs }) => {
  await signUp(page, hasJs, uniqueEmail());
  if (hasJs) await waitForHydration(page);
  const html = page.locator('html');
  await expect(html).not.toHaveAttribute('data-theme', /.*/);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();

  await page.getByRole('button', { name: 'Use the dark theme' }).click();
  await expect(page).toHaveURL(/\/trips$/);
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await background(), 'the page turned dark').not.toEqual(light);
  await expect(page.getByRole('button', { name: 'Use the dark theme' })).toBeHidden();
  await expectAccessible(page, hasJs);

  // Remembered on the account: another page, still dark; then back to light.
  await open(page, '/account', hasJs);
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Use the light theme' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(html).toHaveAttribute('data-theme', 'light');
  expect(await background()).toEqual(light);

  // The account page offers the way back to following the device.
  await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
  await page.getByRole('radio', { name: 'Match this device' }).check();
  await page.getByRole('button', { name: 'Save theme' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(html).not.toHaveAttribute('data-theme', /.*/);
  await expect(page.getByRole('radio', { name: 'Match this device' })).toBeChecked();
});
