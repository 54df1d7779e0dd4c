import * as path from 'node:path';
import { test, expect, expectAccessible, open, signUp, uniqueEmail, linkMailedTo, waitForHydration, PASSWORD } from './fixtures';
import type { Browser, BrowserContext, Page } from '@playwright/test';

// Planning together, with two people in two browser contexts: invitations, sign-up through the
// link, live updates (JavaScript on) or reloads (off), what a viewer sees and may do, two
// editors on one activity, and the share link.

async function person(browser: Browser, hasJs: boolean): Promise<{ context: BrowserContext; page: Page; email: string }> {
  const context = await browser.newContext({ javaScriptEnabled: hasJs });
  const page = await context.newPage();
  return { context, page, email: uniqueEmail() };
}

/// A trip from 1 to 3 May 2027 with one activity on the 1st; returns its URL.
async function tripWithActivity(page: Page, hasJs: boolean): Promise<string> {
  await open(page, '/trips/new', hasJs);
  await page.getByLabel('Trip name').fill('Porto with friends');
  await page.getByLabel('Destination').fill('Porto');
  await page.getByLabel('First day').fill('2027-05-01');
  await page.getByLabel('Last day').fill('2027-05-03');
  await page.getByLabel('Time zone').selectOption('Europe/Lisbon');
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByLabel('Budget (optional)').fill('300');
  await page.getByLabel('Notes (optional)').fill('Only for us');
  await page.getByRole('button', { name: 'Create trip' }).click();
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}$/);
  const url = new URL(page.url()).pathname;
  await addActivity(page, hasJs, url, 'Livraria Lello');
  return url;
}

async function addActivity(page: Page, hasJs: boolean, tripUrl: string, title: string) {
  await open(page, `${tripUrl}/activities/new?day=2027-05-01`, hasJs);
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Add activity' }).click();
  await expect(page).toHaveURL(new RegExp(`${tripUrl}#day-2027-05-01$`));
}

async function invite(page: Page, hasJs: boolean, tripUrl: string, email: string, role: 'editor' | 'viewer') {
  await open(page, `${tripUrl}/members`, hasJs);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Role').selectOption(role);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
}

/// Follows the invitation link and creates an account through it; lands on the trip.
async function joinThroughLink(page: Page, hasJs: boolean, email: string, name: string) {
  await open(page, await linkMailedTo(email, '/invitations/'), hasJs);
  await expect(page.getByRole('heading', { name: /Plan “Porto with friends” together/ })).toBeVisible();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account and join' }).click();
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Welcome! You joined the trip.')).toBeVisible();
}

test('an editor joins through the link and their change reaches the owner', async ({ browser, page, hasJs }) => {
  test.setTimeout(120_000);
  const ana = { page, email: uniqueEmail() };
  await signUp(ana.page, hasJs, ana.email);
  const tripUrl = await tripWithActivity(ana.page, hasJs);
  const ben = await person(browser, hasJs);
  await invite(ana.page, hasJs, tripUrl, ben.email, 'editor');
  await expect(ana.page.getByText(ben.email, { exact: true })).toBeVisible();

  await joinThroughLink(ben.page, hasJs, ben.email, 'Ben Editor');
  await expect(ben.page.getByText('You can edit this trip.')).toBeVisible();
  // The trip is in Ben's list as Rosa's, with his role.
  await open(ben.page, '/trips?whose=shared', hasJs);
  await expect(ben.page.getByText('Rosa Traveler’s trip')).toBeVisible();
  await expect(ben.page.getByText('You’re an editor')).toBeVisible();

  // Ana has the trip open; Ben adds an activity.
  await open(ana.page, tripUrl, hasJs);
  await expect(ana.page.getByText('Ben Editor')).toBeVisible();
  await addActivity(ben.page, hasJs, tripUrl, 'Port wine cellar');
  if (hasJs) {
    // Live: it appears without a reload, and the page says who did what.
    await expect(ana.page.getByRole('heading', { name: 'Port wine cellar' })).toBeVisible({ timeout: 3_000 });
    await expect(ana.page.locator('[data-live-trip]')).toHaveText('Ben Editor added “Port wine cellar”.');
    await waitForHydration(ana.page);
  } else {
    await expect(ana.page.getByRole('heading', { name: 'Port wine cellar' })).toHaveCount(0);
    await ana.page.reload();
    await expect(ana.page.getByRole('heading', { name: 'Port wine cellar' })).toBeVisible();
  }
  // The history says who changed what.
  await open(ana.page, `${tripUrl}/history`, hasJs);
  await expect(ana.page.getByText('Ben Editor added “Port wine cellar”')).toBeVisible();
  await expect(ana.page.getByText('Ben Editor joined the trip')).toBeVisible();
  await ben.context.close();
});

test('a viewer sees no controls and a forged change is refused', async ({ browser, page, hasJs }) => {
  test.setTimeout(120_000);
  await signUp(page, hasJs, uniqueEmail());
  const tripUrl = await tripWithActivity(page, hasJs);
  const cleo = await person(browser, hasJs);
  await invite(page, hasJs, tripUrl, cleo.email, 'viewer');
  await joinThroughLink(cleo.page, hasJs, cleo.email, 'Cleo Viewer');
  await expect(cleo.page.getByText('You can view this trip.')).toBeVisible();
  await expect(cleo.page.getByRole('heading', { name: 'Livraria Lello' })).toBeVisible();
  for (const control of ['Edit', 'Delete', 'Add an activity']) {
    await expect(cleo.page.getByRole('link', { name: control, exact: true })).toHaveCount(0);
  }
  await expect(cleo.page.getByRole('button', { name: /Move/ })).toHaveCount(0);
  // The trip's files are for every member; bringing things in is for those who edit.
  await expect(cleo.page.getByRole('link', { name: 'Trip pack' })).toBeVisible();
  await expect(cleo.page.getByRole('link', { name: 'Import into this trip…' })).toHaveCount(0);
  const edit = await cleo.page.goto(`${tripUrl}/edit`);
  expect(edit?.status()).toBe(403);
  // A forged form post, with the viewer's own session: refused, nothing added.
  const forged = await cleo.page.request.post('/api/itinerary/create', {
    headers: { accept: 'application/json', origin: new URL(cleo.page.url()).origin },
    form: { trip_id: tripUrl.split('/').pop()!, day: '2027-05-02', title: 'Sneaky', category: 'sight' },
  });
  expect(forged.status()).toBe(403);
  await open(page, tripUrl, hasJs);
  await expect(page.getByRole('heading', { name: 'Sneaky' })).toHaveCount(0);
  await cleo.context.close();
});

test('two editors change the same activity: the second is shown the conflict', async ({ browser, page, hasJs }) => {
  test.setTimeout(120_000);
  await signUp(page, hasJs, uniqueEmail());
  const tripUrl = await tripWithActivity(page, hasJs);
  const ben = await person(browser, hasJs);
  await invite(page, hasJs, tripUrl, ben.email, 'editor');
  await joinThroughLink(ben.page, hasJs, ben.email, 'Ben Editor');

  // Both open the activity's form.
  await open(page, tripUrl, hasJs);
  const editUrl = await page.getByRole('link', { name: 'Edit “Livraria Lello”' }).getAttribute('href');
  await open(page, editUrl!, hasJs);
  await open(ben.page, editUrl!, hasJs);
  await page.getByLabel('Title').fill('Lello bookshop at 10');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page).toHaveURL(new RegExp(`${tripUrl}#day-2027-05-01$`));

  await ben.page.getByLabel('Title').fill('Lello, skip the queue');
  await ben.page.getByRole('button', { name: 'Save activity' }).click();
  const conflict = ben.page.getByRole('alert').filter({ hasText: 'since you opened it' });
  await expect(conflict).toContainText('Changed by Rosa Traveler at');
  await expect(conflict.getByRole('cell', { name: 'Lello bookshop at 10' })).toBeVisible();
  await expect(conflict.getByRole('cell', { name: 'Lello, skip the queue' })).toBeVisible();
  await expect(ben.page.getByLabel('Title')).toHaveValue('Lello, skip the queue');
  await shoot(ben.page, 'conflict', hasJs);
  // Nothing was saved.
  await open(page, tripUrl, hasJs);
  await expect(page.getByRole('heading', { name: 'Lello bookshop at 10' })).toBeVisible();
  // Saving again is a choice: now it replaces theirs.
  await ben.page.getByRole('button', { name: 'Save activity' }).click();
  await expect(ben.page).toHaveURL(new RegExp(`${tripUrl}#day-2027-05-01$`));
  await expect(ben.page.getByRole('heading', { name: 'Lello, skip the queue' })).toBeVisible();
  await ben.context.close();
});

test('a share link shows the trip read-only until it is revoked', async ({ browser, page, hasJs }) => {
  test.setTimeout(120_000);
  await signUp(page, hasJs, uniqueEmail());
  const tripUrl = await tripWithActivity(page, hasJs);
  await open(page, `${tripUrl}/members`, hasJs);
  await page.getByRole('button', { name: 'Make a link' }).click();
  const link = await page.getByLabel(/Your new link/).inputValue();
  expect(link).toMatch(/\/shared\/[A-Za-z0-9_-]{43}$/);
  await shoot(page, 'members', hasJs);

  const visitor = await browser.newContext({ javaScriptEnabled: hasJs });
  const stranger = await visitor.newPage();
  const shown = await stranger.goto(link);
  expect(shown?.status()).toBe(200);
  expect(shown?.headers()['referrer-policy']).toBe('no-referrer');
  await expect(stranger.getByRole('heading', { name: 'Livraria Lello' })).toBeVisible();
  await expect(stranger.getByText('Only for us')).toHaveCount(0);
  await expect(stranger.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
  await expectAccessible(stranger, hasJs);

  await open(page, `${tripUrl}/members`, hasJs);
  await page.getByRole('button', { name: 'Delete the link' }).click();
  await expect(page.getByText('The share link was deleted')).toBeVisible();
  const gone = await stranger.goto(link);
  expect(gone?.status()).toBe(404);
  await visitor.close();
});

test('the shared trip in the list, and the members page, look right', async ({ browser, page, hasJs }) => {
  test.setTimeout(120_000);
  await signUp(page, hasJs, uniqueEmail());
  const tripUrl = await tripWithActivity(page, hasJs);
  const ben = await person(browser, hasJs);
  await invite(page, hasJs, tripUrl, ben.email, 'viewer');
  // Ben has an account already: the invitation waits on his trip list.
  await signUp(ben.page, hasJs, ben.email);
  await expect(ben.page.getByText('Rosa Traveler invited you to “Porto with friends”')).toBeVisible();
  await shoot(ben.page, 'invited-list', hasJs);
  await ben.page.getByRole('button', { name: /^Join/ }).click();
  await expect(ben.page).toHaveURL(new RegExp(`${tripUrl}$`));
  await open(ben.page, '/trips', hasJs);
  await expect(ben.page.getByText('Rosa Traveler’s trip')).toBeVisible();
  await shoot(ben.page, 'shared-list', hasJs);
  await open(page, `${tripUrl}/members`, hasJs);
  await expect(page.getByText('Rosa Traveler (you)')).toBeVisible();
  await shoot(page, 'members-owner', hasJs);
  await open(ben.page, `${tripUrl}/members`, hasJs);
  await expect(ben.page.getByRole('button', { name: 'Leave the trip' })).toBeVisible();
  await expect(ben.page.getByRole('button', { name: 'Send invitation' })).toHaveCount(0);
  await ben.context.close();
});

/// Screenshots at a phone's and a desktop's width (test-results/screens/…), no sideways
/// scrolling, and an accessibility scan.
async function shoot(page: Page, name: string, hasJs: boolean) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({
      path: path.join(test.info().project.outputDir, 'screens', hasJs ? 'js' : 'no-js', `together-${name}-${width}.png`),
      fullPage: true,
    });
  }
  await expectAccessible(page, hasJs);
}
