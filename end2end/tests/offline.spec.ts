import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, signUp, uniqueEmail, waitForHydration } from './fixtures';
import { planLisbon } from './plans';

// Offline reading, which needs the service worker (so JavaScript: the no-JS project leaves
// this file out). A trip opened while signed in stays readable with the network off, marked
// as a kept copy; the network's answer always wins when there is one; forms sent offline say
// so and keep what was typed; after logging out nothing of the traveler's is readable.

/// Visits `url` once the service worker controls the page, so the visit goes through it.
async function visitThroughWorker(page: Page, url: string) {
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await page.goto(url);
  await waitForHydration(page);
  // The copy is kept after the answer: wait until it is.
  await expect
    .poll(() =>
      page.evaluate(async (pathname) => {
        for (const name of await caches.keys()) {
          if (name.startsWith('pages-') && (await (await caches.open(name)).match(pathname))) return true;
        }
        return false;
      }, new URL(url, page.url()).pathname),
    )
    .toBe(true);
}

async function keptPages(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const kept: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.startsWith('pages-')) continue;
      for (const request of await (await caches.open(name)).keys()) kept.push(new URL(request.url).pathname);
    }
    return kept;
  });
}

test('a trip opened online is readable offline, and the network wins when it answers', async ({ page, context, hasJs }) => {
  test.setTimeout(60_000);
  await signUp(page, hasJs, uniqueEmail());
  const trip = await planLisbon(page, hasJs);
  await visitThroughWorker(page, trip);
  expect(await keptPages(page)).toEqual([trip]);

  await context.setOffline(true);
  await page.reload();
  const note = page.getByRole('status').filter({ hasText: 'Offline' });
  await expect(note).toContainText(/^Offline — showing this trip as of \d\d:\d\d\. Changes need a connection\.$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Spring in Lisbon' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tile museum' })).toBeVisible();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: path.join(test.info().project.outputDir, 'screens', 'js', `trip-offline-${width}.png`), fullPage: true });
  }

  // A page never opened is not there.
  await page.goto(`${trip}/days/2027-03-27`);
  await expect(page.getByRole('heading', { name: 'You’re offline' })).toBeVisible();

  // Back online: the network's answer, not the kept copy.
  await context.setOffline(false);
  // Chromium hands the end of the emulated outage to the service worker a moment after the page
  // (playwright#2311): until it has, the worker still cannot reach the network and rightly
  // answers "You're offline". A traveler would try again; so does the test, until the network's
  // edit form is there (never a kept copy: edit pages are not kept).
  await expect(async () => {
    await page.goto(`${trip}/edit`);
    await expect(page.getByLabel('Trip name')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await waitForHydration(page);
  await page.getByLabel('Trip name').fill('Spring in Lisbon, again');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(new RegExp(`${trip}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Spring in Lisbon, again' })).toBeVisible();
  await expect(page.getByText(/^Offline — /)).toHaveCount(0);
});

test('a form sent offline says it needs a connection and keeps what was typed', async ({ page, context, hasJs }) => {
  await signUp(page, hasJs, uniqueEmail());
  const trip = await planLisbon(page, hasJs);
  await page.goto(`${trip}/activities/new?day=2027-03-27`);
  await waitForHydration(page);
  await context.setOffline(true);
  await page.getByLabel('Title').fill('Sunset at the miradouro');
  await page.getByLabel('Starts at (optional)').fill('19:10');
  await page.getByRole('button', { name: 'Add activity' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'You’re offline.' })).toContainText(
    'This needs a connection: what you typed stays here',
  );
  await expect(page).toHaveURL(/\/activities\/new\?day=2027-03-27$/);
  await expect(page.getByLabel('Title')).toHaveValue('Sunset at the miradouro');
  await expect(page.getByLabel('Starts at (optional)')).toHaveValue('19:10');
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Add activity' }).click();
  await expect(page).toHaveURL(/#day-2027-03-27$/);
  await expect(page.getByRole('heading', { name: 'Sunset at the miradouro' })).toBeVisible();
});

test('after logging out, nothing of the traveler’s is readable offline', async ({ page, context, hasJs }) => {
  test.setTimeout(60_000);
  await signUp(page, hasJs, uniqueEmail());
  const trip = await planLisbon(page, hasJs);
  await visitThroughWorker(page, trip);
  expect(await keptPages(page)).toEqual([trip]);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/$/);
  // The landing page's islands load once it is idle: let them, before the network goes.
  await waitForHydration(page);
  await expect.poll(() => keptPages(page)).toEqual([]);

  await context.setOffline(true);
  await page.goto(trip).catch(() => {});
  await expect(page.getByText('Tile museum')).toHaveCount(0);
  await expect(page.getByText('Spring in Lisbon')).toHaveCount(0);
});

test('another traveler signing in on the same browser never sees the first one’s trips offline', async ({ page, context, hasJs }) => {
  test.setTimeout(60_000);
  await signUp(page, hasJs, uniqueEmail());
  const trip = await planLisbon(page, hasJs);
  await visitThroughWorker(page, trip);
  // The session ends without the log-out button (it expired, or was ended elsewhere).
  await context.clearCookies();
  await page.goto('/login');
  await expect.poll(() => keptPages(page)).toEqual([]);
  await signUp(page, hasJs, uniqueEmail());
  await context.setOffline(true);
  await page.goto(trip).catch(() => {});
  await expect(page.getByText('Tile museum')).toHaveCount(0);
});
