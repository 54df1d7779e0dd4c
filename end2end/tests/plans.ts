import type { Page } from '@playwright/test';
import { expect, open } from './fixtures';

/// A trip to Lisbon over the change to summer time, with one timed activity on the Sunday.
export async function planLisbon(page: Page, hasJs: boolean): Promise<string> {
  await open(page, '/trips/new', hasJs);
  await page.getByLabel('Trip name').fill('Spring in Lisbon');
  await page.getByLabel('Destination').fill('Lisbon, Portugal');
  await page.getByLabel('First day').fill('2027-03-26');
  await page.getByLabel('Last day').fill('2027-03-30');
  await page.getByLabel('Time zone').selectOption('Europe/Lisbon');
  await page.getByLabel('Currency').selectOption('EUR');
  await page.getByRole('button', { name: 'Create trip' }).click();
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}$/);
  const trip = new URL(page.url()).pathname;
  await open(page, `${trip}/activities/new?day=2027-03-28`, hasJs);
  await page.getByLabel('Title').fill('Tile museum');
  await page.getByLabel('Starts at (optional)').fill('09:30');
  await page.getByLabel('Ends at (optional)').fill('11:00');
  await page.getByLabel('Place (optional)').fill('Rua da Madre de Deus 4');
  await page.getByText('Map position by hand').click();
  await page.getByLabel('Latitude', { exact: true }).fill('38.7249');
  await page.getByLabel('Longitude', { exact: true }).fill('-9.1139');
  await page.getByRole('button', { name: 'Add activity' }).click();
  await expect(page).toHaveURL(/#day-2027-03-28$/);
  return trip;
}

