import { test, expect, waitForHydration, expectAccessible, uniqueEmail, open, signUp, PASSWORD } from './fixtures';
import type { Page } from '@playwright/test';

const ATTACK = '<img src=x onerror=alert(1)>';

async function settled(page: Page, hasJs: boolean) {
  if (hasJs) await waitForHydration(page);
}

function day(page: Page, n: number) {
  return page.getByRole('region', { name: new RegExp(`^Day ${n} · `) });
}

test('sign up, log in, plan a trip day by day and watch the budget', async ({ page, hasJs }) => {
  // The whole journey, with accessibility scans along the way.
  test.setTimeout(90_000);
  page.on('dialog', (dialog) => {
    throw new Error(`user text ran as code: ${dialog.message()}`);
  });
  const email = uniqueEmail();
  await signUp(page, hasJs, email);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await open(page, '/login', hasJs);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/trips$/);

  await open(page, '/trips/new', hasJs);
  await page.getByLabel('Trip name').fill('Long weekend');
  await page.getByLabel('Destination').fill('Porto');
  await page.getByLabel('First day').fill('2027-05-01');
  await page.getByLabel('Last day').fill('2027-05-03');
  await page.getByLabel('Time zone').selectOption('Europe/Lisbon');
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByLabel('Budget (optional)').fill('100');
  await page.getByRole('button', { name: 'Create trip' }).click();
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}$/);
  await settled(page, hasJs);
  for (const n of [1, 2, 3]) await expect(day(page, n)).toContainText('Nothing planned yet.');
  await expectAccessible(page, hasJs);

  // Add an activity from the second day; a bad form first.
  await day(page, 2).getByRole('link', { name: 'Add an activity' }).click();
  await expect(page).toHaveURL(/\/activities\/new\?day=2027-05-02$/);
  await settled(page, hasJs);
  await expect(page.getByLabel('Day', { exact: true })).toHaveValue('2027-05-02');
  await page.getByLabel('Cost (optional)').fill('-5');
  await page.getByRole('button', { name: 'Add activity' }).click();
  await expect(page.getByText('Give the activity a title.')).toBeVisible();
  await expect(page.getByText('The cost can’t be negative.')).toBeVisible();
  await expectAccessible(page, hasJs);
  await page.getByLabel('Title').fill(ATTACK);
  await page.getByLabel('Starts at (optional)').fill('09:00');
  await page.getByLabel('Ends at (optional)').fill('11:30');
  await page.getByLabel('Kind').selectOption('food');
  await page.getByLabel('Place (optional)').fill(ATTACK);
  await page.getByLabel('Cost (optional)').fill('60');
  await page.getByLabel('Notes (optional)').fill(ATTACK);
  await page.getByRole('button', { name: 'Add activity' }).click();
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}#day-2027-05-02$/);
  await settled(page, hasJs);
  await expect(page.getByRole('status')).toContainText('Activity added.');
  await expect(day(page, 2).getByRole('heading', { name: ATTACK })).toBeVisible();
  await expect(day(page, 2)).toContainText('09:00–11:30');
  await expect(day(page, 2)).toContainText(`Food and drink${ATTACK}`);
  await expect(day(page, 2)).toContainText('€60.00');
  const budget = page.getByRole('region', { name: 'Budget' });
  await expect(budget).toContainText('Planned€60.00');
  await expect(budget).toContainText('Remaining€40.00');

  // The day on its own page.
  await day(page, 2).getByRole('link', { name: /^Day 2 · / }).click();
  await expect(page).toHaveURL(/\/days\/2027-05-02$/);
  await settled(page, hasJs);
  await expect(page.getByRole('heading', { name: ATTACK })).toBeVisible();
  await expect(page.getByRole('link', { name: /^← Day 1 · / })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Day 3 · .* →$/ })).toBeVisible();
  await expectAccessible(page, hasJs);

  // Edit: move it to the third day and make it cost more than the budget.
  await page.getByRole('link', { name: /^Edit/ }).click();
  await expect(page).toHaveURL(/\/edit$/);
  await settled(page, hasJs);
  await expect(page.getByLabel('Title')).toHaveValue(ATTACK);
  await expect(page.getByLabel('Cost (optional)')).toHaveValue('60.00');
  await page.getByLabel('Day', { exact: true }).selectOption('2027-05-03');
  await page.getByLabel('Cost (optional)').fill('150');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}#day-2027-05-03$/);
  await settled(page, hasJs);
  await expect(day(page, 2)).toContainText('Nothing planned yet.');
  await expect(day(page, 3).getByRole('heading', { name: ATTACK })).toBeVisible();
  await expect(day(page, 3)).toContainText('This day costs more than the average daily budget');
  await expect(budget).toContainText('Over by€50.00');

  // Delete, after confirming.
  await day(page, 3).getByRole('link', { name: /^Delete/ }).click();
  if (hasJs) {
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Delete activity' }).click();
  } else {
    await expect(page).toHaveURL(/\/delete$/);
    await page.getByRole('button', { name: 'Delete activity' }).click();
  }
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}$/);
  await expect(day(page, 3)).toContainText('Nothing planned yet.');
  await expect(budget).toContainText('Planned€0.00');
});

test('activities move up and down within a day', async ({ page, hasJs }) => {
  await signUp(page, hasJs, uniqueEmail());
  await open(page, '/trips/new', hasJs);
  await page.getByLabel('Trip name').fill('Day trip');
  await page.getByLabel('Destination').fill('Sintra');
  await page.getByLabel('First day').fill('2027-06-01');
  await page.getByLabel('Last day').fill('2027-06-01');
  await page.getByRole('button', { name: 'Create trip' }).click();
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}$/);
  const tripUrl = new URL(page.url()).pathname;
  for (const title of ['Palace', 'Gardens']) {
    await open(page, `${tripUrl}/activities/new?day=2027-06-01`, hasJs);
    await page.getByLabel('Title').fill(title);
    await page.getByRole('button', { name: 'Add activity' }).click();
    await expect(page).toHaveURL(/#day-2027-06-01$/);
  }
  await settled(page, hasJs);
  const titles = page.locator('.activity__title');
  await expect(titles).toHaveText(['Palace', 'Gardens']);
  await page.getByRole('button', { name: 'Move up: Gardens' }).click();
  await expect(titles).toHaveText(['Gardens', 'Palace']);
});
