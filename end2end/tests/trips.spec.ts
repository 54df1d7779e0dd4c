import { test, expect, waitForHydration, expectAccessible, uniqueEmail, open, signUp } from './fixtures';
import type { Page } from '@playwright/test';

const ATTACK = '<img src=x onerror=alert(1)>';

type Trip = { name: string; destination: string; start: string; end: string; zone: string; currency: string; budget: string };

async function fillTrip(page: Page, trip: Trip) {
  await page.getByLabel('Trip name').fill(trip.name);
  await page.getByLabel('Destination').fill(trip.destination);
  await page.getByLabel('First day').fill(trip.start);
  await page.getByLabel('Last day').fill(trip.end);
  await page.getByLabel('Time zone').selectOption(trip.zone);
  await page.getByLabel('Currency').selectOption(trip.currency);
  await page.getByLabel('Budget (optional)').fill(trip.budget);
}

/// Every navigation loads a page from the server; with JavaScript, wait for its islands.
async function settled(page: Page, hasJs: boolean) {
  if (hasJs) await waitForHydration(page);
}

test('create, find, edit and delete a trip', async ({ page, hasJs }) => {
  test.setTimeout(90_000);
  page.on('dialog', (dialog) => {
    throw new Error(`user text ran as code: ${dialog.message()}`);
  });
  await signUp(page, hasJs, uniqueEmail());
  await expect(page.getByText('No trips yet')).toBeVisible();
  await expectAccessible(page, hasJs);

  // A bad form: messages beside the fields, what was typed kept, nothing saved.
  await page.getByRole('link', { name: 'Plan your first trip' }).click();
  await expect(page).toHaveURL(/\/trips\/new$/);
  await settled(page, hasJs);
  await fillTrip(page, { name: '', destination: 'Lisbon', start: '2027-03-09', end: '2027-03-03', zone: 'Europe/Lisbon', currency: 'EUR', budget: '12.345' });
  await page.getByRole('button', { name: 'Create trip' }).click();
  await expect(page.getByText('Give the trip a name.')).toBeVisible();
  await expect(page.getByText('The last day can’t be before the first day.')).toBeVisible();
  await expect(page.getByText('EUR amounts have at most 2 decimal places.')).toBeVisible();
  await expect(page.getByLabel('Destination')).toHaveValue('Lisbon');
  await expect(page.getByLabel('Trip name')).toHaveAttribute('aria-invalid', 'true');
  // The form comes back with the focus on the first thing to fix.
  await expect(page.getByLabel('Trip name')).toBeFocused();
  await expectAccessible(page, hasJs);

  await fillTrip(page, { name: ATTACK, destination: 'Lisbon', start: '2027-03-03', end: '2027-03-09', zone: 'Europe/Lisbon', currency: 'EUR', budget: '1500.50' });
  await page.getByLabel('Notes (optional)').fill('Pack light.\nBook the tram tour.');
  await page.getByRole('button', { name: 'Create trip' }).click();
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}$/);
  await settled(page, hasJs);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ATTACK);
  await expect(page.getByRole('status')).toContainText('Trip created.');
  await expect(page.getByText('3–9 Mar 2027 · 7 days')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Budget' })).toContainText('Budget€1,500.50');
  await expect(page.getByText('Lisbon (Europe/Lisbon)')).toBeVisible();
  await expectAccessible(page, hasJs);

  await open(page, '/trips/new', hasJs);
  await fillTrip(page, { name: 'Autumn in Kyoto', destination: 'Kyoto', start: '2027-10-01', end: '2027-10-12', zone: 'Asia/Tokyo', currency: 'JPY', budget: '250000' });
  await page.getByRole('button', { name: 'Create trip' }).click();
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}$/);

  // The list, its search and its tabs.
  await open(page, '/trips', hasJs);
  const cards = page.locator('.trip-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.first()).toContainText(ATTACK);
  await expect(cards.last()).toContainText('¥250,000');
  await expectAccessible(page, hasJs);
  await page.getByLabel('Search').fill('kyoto');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/\/trips\?status=upcoming&q=kyoto/);
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText('Autumn in Kyoto');
  await expect(page.getByLabel('Search')).toHaveValue('kyoto');
  await page.getByLabel('From').fill('2027-03-01');
  await page.getByLabel('To').fill('2027-03-31');
  await page.getByLabel('Search').fill('');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/from=2027-03-01&to=2027-03-31/);
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText('Lisbon');
  await page.getByRole('link', { name: 'Past' }).click();
  await expect(page.getByText('No trips match these filters.')).toBeVisible();
  await page.getByRole('link', { name: 'Clear the filters' }).click();
  await expect(page.getByText('No past trips yet.')).toBeVisible();

  // Edit.
  await open(page, '/trips', hasJs);
  await page.getByRole('link', { name: ATTACK }).click();
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}$/);
  await settled(page, hasJs);
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page).toHaveURL(/\/edit$/);
  await settled(page, hasJs);
  await expect(page.getByLabel('Trip name')).toHaveValue(ATTACK);
  await expect(page.getByLabel('Budget (optional)')).toHaveValue('1500.50');
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Lisbon');
  await expectAccessible(page, hasJs);
  await page.getByLabel('Trip name').fill('Spring in Lisbon');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}$/);
  await settled(page, hasJs);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Spring in Lisbon');
  await expect(page.getByRole('status')).toContainText('Trip saved.');
  // A one-time message: reloading the page does not repeat it.
  await page.reload();
  await settled(page, hasJs);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Spring in Lisbon');
  await expect(page.getByText('Trip saved.')).toHaveCount(0);

  // Delete, after confirming.
  await page.getByRole('link', { name: 'Delete' }).click();
  if (hasJs) {
    const dialog = page.getByRole('dialog', { name: 'Delete “Spring in Lisbon”?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('link', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Delete trip' }).click();
  } else {
    await expect(page).toHaveURL(/\/delete$/);
    await expect(page.getByRole('heading', { name: 'Delete “Spring in Lisbon”?' })).toBeVisible();
    await expectAccessible(page, hasJs);
    await page.getByRole('button', { name: 'Delete trip' }).click();
  }
  await expect(page).toHaveURL(/\/trips$/);
  await expect(page.getByRole('status')).toContainText('Trip deleted.');
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText('Autumn in Kyoto');
});

test('another traveler’s trip is not found', async ({ page, hasJs, browser }) => {
  await signUp(page, hasJs, uniqueEmail());
  await open(page, '/trips/new', hasJs);
  await fillTrip(page, { name: 'Private plans', destination: 'Reykjavík', start: '2027-02-01', end: '2027-02-03', zone: 'Atlantic/Reykjavik', currency: 'ISK', budget: '' });
  await page.getByRole('button', { name: 'Create trip' }).click();
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}$/);
  const tripUrl = new URL(page.url()).pathname;

  const other = await browser.newContext({ javaScriptEnabled: hasJs });
  const stranger = await other.newPage();
  await signUp(stranger, hasJs, uniqueEmail());
  const response = await stranger.goto(tripUrl);
  expect(response?.status()).toBe(404);
  await expect(stranger.getByRole('heading', { name: 'We couldn’t find that page' })).toBeVisible();
  await expect(stranger.getByText('Private plans')).toHaveCount(0);
  await other.close();
});

test('a form is sent once (with JavaScript it shows that it is on its way, and a second press does nothing)', async ({ page, hasJs }) => {
  await signUp(page, hasJs, uniqueEmail());
  await open(page, '/trips/new', hasJs);
  await fillTrip(page, { name: 'Only once', destination: 'Porto', start: '2027-04-01', end: '2027-04-03', zone: 'Europe/Lisbon', currency: 'EUR', budget: '' });
  let posts = 0;
  await page.route('**/api/trips/create', async (route) => {
    posts += 1;
    await route.continue();
  });
  if (hasJs) {
    // Two presses in a row, before the first has left: the second is held back, and the form
    // and the pressed button show the wait. (Recorded in sessionStorage: the page then goes.)
    await page.evaluate(() => {
      const form = document.querySelector('form.form') as HTMLFormElement;
      const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;
      const seen: string[] = [];
      window.addEventListener('submit', (event) => {
        seen.push(event.defaultPrevented ? 'held back' : 'sent');
        sessionStorage.setItem('submits', JSON.stringify(seen));
      });
      form.requestSubmit(button);
      const shown = button.classList.contains('is-pending') && form.getAttribute('aria-busy') === 'true';
      sessionStorage.setItem('pending shown', String(shown));
      form.requestSubmit(button);
    });
  } else {
    await page.getByRole('button', { name: 'Create trip' }).click();
  }
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}$/);
  if (hasJs) {
    const recorded = await page.evaluate(() => [sessionStorage.getItem('submits'), sessionStorage.getItem('pending shown')]);
    expect(recorded).toEqual([JSON.stringify(['sent', 'held back']), 'true']);
  }
  expect(posts, 'one request').toBe(1);
  await open(page, '/trips', hasJs);
  await expect(page.locator('.trip-card')).toHaveCount(1);
});
