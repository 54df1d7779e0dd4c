import * as fs from 'node:fs';
import { test, expect, expectAccessible, uniqueEmail, open, signUp, PASSWORD } from './fixtures';

test('download my data, then delete the account for good', async ({ page, hasJs }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail();
  await signUp(page, hasJs, email);

  // The download: one JSON file with the profile (and no secrets).
  await open(page, '/account', hasJs);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download my data' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^travel-planner-export-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const exported = JSON.parse(fs.readFileSync(file!, 'utf8'));
  expect(exported.profile.email).toBe(email);
  expect(Array.isArray(exported.trips)).toBe(true);
  expect(JSON.stringify(exported)).not.toContain('argon2');

  // Deletion: a wrong password is refused beside the field, nothing happens.
  await page.getByRole('link', { name: 'Delete my account…' }).click();
  await expect(page).toHaveURL(/\/account\/delete$/);
  if (hasJs) await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await expectAccessible(page, hasJs);
  await page.getByLabel('Your password').fill('not my password at all');
  await page.getByLabel(/I understand/).check();
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByText('That isn’t your password.')).toBeVisible();
  await expect(page.getByLabel('Your password')).toHaveAttribute('aria-invalid', 'true');

  // The right password, confirmed: gone, logged out everywhere.
  await page.getByLabel('Your password').fill(PASSWORD);
  await page.getByLabel(/I understand/).check();
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page).toHaveURL(/\/goodbye$/);
  await expect(page.getByRole('heading', { name: 'Your account is deleted' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();

  await open(page, '/login', hasJs);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Your email or password is incorrect.');
});
