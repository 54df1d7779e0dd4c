import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { request as httpRequest, type Page } from '@playwright/test';
import { test, expect, expectAccessible, open, signUp, uniqueEmail } from './fixtures';
import { planLisbon } from './plans';

// Taking the trip along: the calendar feed (read back by an independent parser, Python's
// icalendar in tools/icalendar), the trip pack opened from disk with the network off, and the
// import page. With JavaScript and without.

type Parsed = { events: { summary: string; sequence: number; dtstart: string; dtend?: string }[] };

/// What the independent parser reads in a calendar (server/tests/api/ics_instants.py).
function parse(calendar: string): Parsed {
  const root = path.join(__dirname, '..', '..');
  const output = execFileSync(
    path.join(root, 'tools/icalendar/bin/python'),
    [path.join(root, 'server/tests/api/ics_instants.py')],
    { input: calendar },
  );
  return JSON.parse(output.toString());
}

function eventOf(parsed: Parsed, summary: string) {
  const event = parsed.events.find((e) => e.summary === summary);
  expect(event, `an event “${summary}”`).toBeTruthy();
  return event!;
}

async function shoot(page: Page, name: string, hasJs: boolean) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({
      path: path.join(test.info().project.outputDir, 'screens', hasJs ? 'js' : 'no-js', `${name}-${width}.png`),
      fullPage: true,
    });
  }
}

test('subscribe to a trip’s calendar; an edit grows the event’s SEQUENCE', async ({ page, hasJs }) => {
  test.setTimeout(60_000);
  await signUp(page, hasJs, uniqueEmail());
  const trip = await planLisbon(page, hasJs);

  const calendar = page.getByRole('region', { name: 'Take it along' });
  await calendar.getByRole('button', { name: 'Make a calendar address' }).click();
  await expect(page).toHaveURL(new RegExp(`${trip}#calendar$`));
  const field = page.getByLabel(/^Calendar address/);
  const address = await field.inputValue();
  expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(page.getByRole('link', { name: 'Subscribe in my calendar app' })).toHaveAttribute(
    'href',
    address.replace(/^http:/, 'webcal:'),
  );
  // The copy button is there with JavaScript; without it the address is selectable text.
  await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible({ visible: hasJs });
  await shoot(page, 'trip-calendar-address', hasJs);
  await expectAccessible(page, hasJs);

  // A calendar app: no cookies, just the address.
  const app = await httpRequest.newContext();
  const first = await app.get(address);
  expect(first.status()).toBe(200);
  expect(first.headers()['referrer-policy']).toBe('no-referrer');
  const before = eventOf(parse(await first.text()), 'Tile museum');
  // 09:30 in Lisbon on 28 March 2027 is summer time (UTC+1).
  expect(before.dtstart).toBe('2027-03-28T08:30:00Z');

  // Edit the time through the page.
  await open(page, trip, hasJs);
  await page.getByRole('link', { name: 'Edit “Tile museum”' }).click();
  await expect(page).toHaveURL(/\/edit$/);
  if (hasJs) await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await page.getByLabel('Starts at (optional)').fill('10:15');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page).toHaveURL(/#day-2027-03-28$/);

  const after = eventOf(parse(await (await app.get(address)).text()), 'Tile museum');
  expect(after.sequence).toBe(before.sequence + 1);
  expect(after.dtstart).toBe('2027-03-28T09:15:00Z');

  // Shown once: the trip page no longer shows the address, and says the feed is on.
  await open(page, trip, hasJs);
  await expect(page.getByLabel(/^Calendar address/)).toHaveCount(0);
  await expect(calendar).toContainText('Your calendar app follows this trip since');
  // Turning it off ends the address.
  await calendar.getByRole('button', { name: 'Turn off' }).click();
  await expect(page.getByRole('status')).toContainText('The calendar address is turned off.');
  expect((await app.get(address)).status()).toBe(404);
  await app.dispose();
});

test('the trip pack opens from disk with the network off', async ({ page, hasJs, browser }) => {
  test.setTimeout(60_000);
  await signUp(page, hasJs, uniqueEmail());
  const trip = await planLisbon(page, hasJs);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Trip pack' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('spring-in-lisbon-trip-pack.html');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pack-')), download.suggestedFilename());
  await download.saveAs(file);
  expect(trip).toBeTruthy();

  const offline = await browser.newContext({ offline: true, javaScriptEnabled: hasJs });
  const reader = await offline.newPage();
  const requested: string[] = [];
  reader.on('request', (request) => requested.push(request.url()));
  await reader.goto(`file://${file}`);
  await expect(reader.getByRole('heading', { level: 1, name: 'Spring in Lisbon' })).toBeVisible();
  await expect(reader.getByRole('heading', { name: /^Day 3 · Sun 28 Mar 2027/ })).toBeVisible();
  await expect(reader.getByRole('heading', { name: 'Tile museum' })).toBeVisible();
  await expect(reader.getByText('Rua da Madre de Deus 4')).toBeVisible();
  await expect(reader.getByText('38.72490, -9.11390', { exact: true })).toBeVisible();
  await expect(reader.getByRole('img', { name: /sketch of the places/ })).toBeVisible();
  // Styled by the inline stylesheet, and nothing fetched but the file itself.
  const background = await reader.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(background).not.toBe('');
  expect(requested.filter((url) => !url.startsWith('file://'))).toEqual([]);
  await shoot(reader, 'trip-pack', hasJs);
  await offline.close();
});

test('the import page lists a bad file’s problems by line and imports nothing', async ({ page, hasJs }) => {
  await signUp(page, hasJs, uniqueEmail());
  const trip = await planLisbon(page, hasJs);
  await page.getByRole('link', { name: 'Import into this trip…' }).click();
  await expect(page).toHaveURL(new RegExp(`${trip}/import$`));
  const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'import-')), 'bad.ics');
  fs.writeFileSync(
    bad,
    'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Lunch\r\nDTSTART:20270327T120000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Broken\r\nDTSTART:tomorrow\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
  );
  await page.getByLabel('File').setInputFiles(bad);
  await page.getByRole('button', { name: 'Import' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await expect(problems).toContainText('Line 8: “tomorrow” is not a date or time we can read in DTSTART.');
  await shoot(page, 'import-problems', hasJs);
  await expectAccessible(page, hasJs);

  const good = bad.replace('bad.ics', 'good.ics');
  fs.writeFileSync(good, fs.readFileSync(bad, 'utf8').replace('DTSTART:tomorrow', 'DTSTART:20270329T190000Z'));
  await page.getByLabel('File').setInputFiles(good);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page).toHaveURL(new RegExp(`${trip}$`));
  await expect(page.getByRole('status')).toContainText('2 activities imported.');
  await expect(page.getByRole('heading', { name: 'Broken' })).toBeVisible();
});

test('the account’s calendar address holds every trip of the traveler', async ({ page, hasJs }) => {
  test.setTimeout(60_000);
  await signUp(page, hasJs, uniqueEmail());
  await planLisbon(page, hasJs);
  await open(page, '/account', hasJs);
  await page.getByRole('button', { name: 'Make a calendar address' }).click();
  await expect(page).toHaveURL(/\/account#calendar$/);
  const address = await page.getByLabel(/^Calendar address/).inputValue();
  expect(address).toMatch(/\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(page.getByText('Anyone with this address can see all your trips')).toBeVisible();
  await shoot(page, 'account-calendar-address', hasJs);
  await expectAccessible(page, hasJs);

  const app = await httpRequest.newContext();
  const parsed = parse(await (await app.get(address)).text());
  expect(eventOf(parsed, 'Tile museum').dtstart).toBe('2027-03-28T08:30:00Z');
  // The trip itself, all day, the last day included (the end is exclusive).
  const trip = eventOf(parsed, 'Spring in Lisbon');
  expect([trip.dtstart, trip.dtend]).toEqual(['2027-03-26', '2027-03-31']);
  await app.dispose();
});
