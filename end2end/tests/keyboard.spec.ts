import { test, expect, waitForHydration, uniqueEmail, PASSWORD, linkMailedTo } from './fixtures';
import type { Locator, Page } from '@playwright/test';

// The whole journey with the keyboard alone: Tab to move, typing, Enter to follow and send,
// Escape to close. Every stop must show where the focus is.

/// Presses Tab until `target` has the focus (or fails), then checks the focus can be seen.
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 80; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) {
      const outline = await target.evaluate((element) => getComputedStyle(element).outlineStyle);
      expect(outline, 'the focused control shows a focus ring').not.toBe('none');
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

async function settled(page: Page, hasJs: boolean) {
  if (hasJs) await waitForHydration(page);
}

test('sign up, plan a trip and change it with the keyboard alone', async ({ page, hasJs }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail();
  await page.goto('/signup');
  await settled(page, hasJs);
  await tabTo(page, page.getByLabel('Email'));
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel('Your name'));
  await page.keyboard.type('Kim Keyboard');
  await tabTo(page, page.getByLabel('Password', { exact: true }));
  await page.keyboard.type(PASSWORD);
  await tabTo(page, page.getByLabel('Confirm password'));
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  // The emailed link, then one button.
  await page.goto(await linkMailedTo(email, '/signup/'));
  await settled(page, hasJs);
  await tabTo(page, page.getByRole('button', { name: 'Create my account' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/trips$/);
  await settled(page, hasJs);

  await tabTo(page, page.getByRole('link', { name: 'Plan your first trip' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/trips\/new$/);
  await settled(page, hasJs);
  await tabTo(page, page.getByLabel('Trip name'));
  await page.keyboard.type('Spring in Lisbon');
  await tabTo(page, page.getByLabel('Destination'));
  await page.keyboard.type('Lisbon');
  await tabTo(page, page.getByLabel('First day'));
  await page.keyboard.type('03032027');
  await tabTo(page, page.getByLabel('Last day'));
  await page.keyboard.type('03052027');
  await tabTo(page, page.getByLabel('Budget (optional)'));
  await page.keyboard.type('900');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}$/);
  await settled(page, hasJs);
  await expect(page.getByRole('status')).toContainText('Trip created.');
  await expect(page.getByText('3–5 Mar 2027 · 3 days')).toBeVisible();

  // The day links jump to a day; its "Add an activity" opens the form.
  await tabTo(page, page.getByRole('link', { name: 'Day 2', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#day-2027-03-04$/);
  const secondDay = page.getByRole('region', { name: /^Day 2 · / });
  await tabTo(page, secondDay.getByRole('link', { name: 'Add an activity' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/activities\/new\?day=2027-03-04$/);
  await settled(page, hasJs);
  await tabTo(page, page.getByLabel('Title'));
  await page.keyboard.type('Tram 28');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#day-2027-03-04$/);
  await settled(page, hasJs);
  await expect(secondDay).toContainText('Tram 28');

  // Delete it: a dialog with JavaScript (Escape closes it), a page without.
  const remove = secondDay.getByRole('link', { name: 'Delete “Tram 28”' });
  if (hasJs) {
    await tabTo(page, remove);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete “Tram 28”?' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(remove).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await tabTo(page, dialog.getByRole('button', { name: 'Delete activity' }));
  } else {
    await tabTo(page, remove);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/delete$/);
    await tabTo(page, page.getByRole('button', { name: 'Delete activity' }));
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('status')).toContainText('Activity deleted.');
  await expect(page.getByText('Tram 28')).toHaveCount(0);
});
