import * as path from 'node:path';
import { test, expect, expectAccessible, open, signUp, uniqueEmail, waitForHydration } from './fixtures';
import type { Page } from '@playwright/test';

// Places, maps and weather against the local fake providers (fake-providers.mjs): a place found
// by name and put on an activity, the numbered marker on the map (Leaflet with JavaScript, the
// SVG sketch without), the way between two places with its warning, and each day's weather.

/// `days` from today, as a date field takes it.
function fromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function day(page: Page, n: number) {
  return page.getByRole('region', { name: new RegExp(`^Day ${n} · `) });
}

async function settled(page: Page, hasJs: boolean) {
  if (hasJs) await waitForHydration(page);
}

/// Adds an activity on day 1 at `time`, its place found by searching `query` and picking `name`.
async function addByPlace(page: Page, hasJs: boolean, tripUrl: string, query: string, name: string, time: string) {
  await open(page, tripUrl, hasJs);
  await day(page, 1).getByRole('link', { name: 'Add an activity' }).click();
  await settled(page, hasJs);
  await page.getByLabel('Starts at (optional)').fill(time);
  await page.getByLabel('Find a place by name').fill(query);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  if (hasJs) {
    // In place: the results under the field, a choice fills the form.
    await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
    await expect(page.getByText(`“${name}” is on the form. Save to keep it.`)).toBeVisible();
  } else {
    // The search page, carrying the form along; "Use this place" brings it back.
    await expect(page).toHaveURL(/\/places\?/);
    await expect(page.getByText(/places? found/)).toBeVisible();
    await page.getByRole('button', { name: new RegExp(`^Use this place\\s*: ${name}$`) }).click();
    await expect(page.getByText(`“${name}” is on the form below. Save to keep it.`)).toBeVisible();
    await expect(page.getByLabel('Starts at (optional)')).toHaveValue(time);
  }
  await expect(page.getByLabel('Title')).toHaveValue(name);
  await page.getByRole('button', { name: 'Add activity' }).click();
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}#day-/);
}

/// The trip page again until the refresher has filled in what `done` waits for.
async function reloadUntil(page: Page, hasJs: boolean, url: string, done: () => Promise<boolean>) {
  for (let attempt = 0; attempt < 40; attempt++) {
    await open(page, url, hasJs);
    if (await done()) return;
    await page.waitForTimeout(250);
  }
}

async function shoot(page: Page, name: string, hasJs: boolean) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({
      path: path.join(test.info().project.outputDir, 'screens', hasJs ? 'js' : 'no-js', `${name}-${width}.png`),
      fullPage: true,
    });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('find places by name, see them on the map with the way between them, and the weather', async ({ page, hasJs }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signUp(page, hasJs, uniqueEmail());
  await open(page, '/trips/new', hasJs);
  await page.getByLabel('Trip name').fill('Belém in a day');
  await page.getByLabel('Destination').fill('Lisbon');
  await page.getByLabel('First day').fill(fromToday(2));
  await page.getByLabel('Last day').fill(fromToday(3));
  await page.getByLabel('Time zone').selectOption('Europe/Lisbon');
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByRole('button', { name: 'Create trip' }).click();
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}$/);
  const tripUrl = new URL(page.url()).pathname;
  // Nothing on the map yet: no map, and no map script.
  await expect(page.locator('details.map-panel')).toHaveCount(0);

  await addByPlace(page, hasJs, tripUrl, 'Torre', 'Torre de Belém', '10:00');
  await addByPlace(page, hasJs, tripUrl, 'Jerónimos', 'Mosteiro dos Jerónimos', '10:10');

  // The way between them: the fake router says 25 minutes on foot, the plan leaves 10.
  await reloadUntil(page, hasJs, tripUrl, async () => (await page.getByText(/on foot/).count()) > 0);
  const second = page.getByRole('listitem').filter({ hasText: 'Mosteiro dos Jerónimos' }).first();
  await expect(day(page, 1).getByText(/from “Torre de Belém” · about 25 min on foot/)).toBeVisible();
  await expect(
    day(page, 1).getByText('Only 10 min after “Torre de Belém”, but getting here takes about 25 min on foot.'),
  ).toBeVisible();
  await expect(second).toBeVisible();

  // Each day's weather at its first place, from the fake forecast: day 2 has no place (and the
  // trip's destination none), so no weather.
  await reloadUntil(page, hasJs, tripUrl, async () => (await page.locator('.day__weather').count()) > 0);
  await expect(day(page, 1).locator('.day__weather')).toContainText('Forecast');
  await expect(day(page, 1).locator('.day__weather')).toContainText('Partly cloudy · 12–19 °C · 0.4 mm, 20 % chance');
  await expect(day(page, 2).locator('.day__weather')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Weather data by Open-Meteo.com' })).toBeVisible();

  // The map: numbered places in a list with links out, and the drawing.
  const panel = page.locator('details.map-panel');
  await expect(panel.getByRole('link', { name: /^OpenStreetMap\s*: Torre de Belém/ })).toHaveAttribute(
    'href',
    'https://www.openstreetmap.org/?mlat=38.69160&mlon=-9.21600#map=17/38.69160/-9.21600',
  );
  await expect(panel.getByRole('link', { name: /^Map app\s*: Mosteiro dos Jerónimos/ })).toHaveAttribute(
    'href',
    'geo:38.69790,-9.20680',
  );
  if (hasJs) {
    // Open beside the plan at 1280 px, Leaflet drawn over the sketch, marker 1 and 2 in place.
    await expect(panel).toHaveAttribute('open', '');
    await expect(panel.locator('.leaflet-marker-icon', { hasText: '1' })).toBeVisible();
    await expect(panel.locator('.leaflet-marker-icon', { hasText: '2' })).toBeVisible();
    await expect(panel.locator('.leaflet-tile-loaded').first()).toBeVisible();
    await expect(panel.getByRole('link', { name: '© Test tiles' }).first()).toBeVisible();
  } else {
    // Beside the plan at 1280 px the map shows without being opened.
    const sketch = panel.getByRole('img', { name: /^Sketch map of the trip: 2 places/ });
    await expect(sketch).toBeVisible();
    await expect(sketch.locator('text', { hasText: '1' })).toHaveCount(1);
    await expect(sketch.locator('text', { hasText: '2' })).toHaveCount(1);
  }
  await expectAccessible(page, hasJs);
  await shoot(page, 'trip-map', hasJs);

  // On a phone the map is closed until opened.
  await page.setViewportSize({ width: 360, height: 800 });
  await open(page, tripUrl, hasJs);
  await expect(panel).not.toHaveAttribute('open', '');
  await panel.locator('summary').click();
  if (hasJs) await expect(panel.locator('.leaflet-marker-icon', { hasText: '1' })).toBeVisible();
  else await expect(panel.getByRole('img', { name: /^Sketch map/ })).toBeVisible();
  await page.screenshot({
    path: path.join(test.info().project.outputDir, 'screens', hasJs ? 'js' : 'no-js', 'trip-map-open-360.png'),
    fullPage: true,
  });
  await page.setViewportSize({ width: 1280, height: 900 });

  // The day page: the same places, the day's weather.
  await open(page, `${tripUrl}/days/${fromToday(2)}`, hasJs);
  await expect(page.locator('.day__weather')).toContainText('Partly cloudy');
  await expect(page.locator('details.map-panel .map-legend__item')).toHaveCount(2);
  await expectAccessible(page, hasJs);
  await shoot(page, 'day-map', hasJs);

  // The search page on its own, with its results and the attribution.
  await open(page, `${tripUrl}/places?return=new&q=Bel%C3%A9m`, hasJs);
  await expect(page.getByText('3 places found')).toBeVisible();
  await expect(page.getByRole('link', { name: /© OpenStreetMap contributors/ })).toBeVisible();
  await expectAccessible(page, hasJs);
  await shoot(page, 'place-search', hasJs);
});
