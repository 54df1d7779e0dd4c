import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/// A page that fails the test on any console error or uncaught exception — which includes every
/// Content-Security-Policy violation (Chromium reports each as a console error; with JavaScript
/// the page also records `securitypolicyviolation` events, checked at the end) — and helpers
/// that know whether this run has JavaScript.
export const test = base.extend<{ page: Page; hasJs: boolean }>({
  hasJs: async ({ javaScriptEnabled }, use) => {
    await use(javaScriptEnabled !== false);
  },
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // A page that answers 404 on purpose logs its own status; missing sub-resources (a script,
      // a stylesheet) have other URLs and still fail the test.
      // Server functions answer bad input with 4xx on purpose (the form shows the message); a 5xx
      // from them still fails the test.
      const failedLoad = message.text().startsWith('Failed to load resource');
      const documentStatus = failedLoad && message.location().url === page.url();
      const expectedRefusal =
        failedLoad &&
        new URL(message.location().url).pathname.startsWith('/api/') &&
        / status of 4\d\d /.test(message.text());
      if (!documentStatus && !expectedRefusal) {
        problems.push(`console: ${message.text()} (${message.location().url})`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const seen = JSON.parse(sessionStorage.getItem('csp-violations') ?? '[]');
        seen.push(`${event.violatedDirective}: ${event.blockedURI}`);
        sessionStorage.setItem('csp-violations', JSON.stringify(seen));
      });
    });
    await use(page);
    if (!page.isClosed()) {
      const violations = await page
        .evaluate(() => sessionStorage.getItem('csp-violations'))
        .catch(() => null);
      if (violations) problems.push(`CSP violations: ${violations}`);
    }
    expect(problems, 'the browser reported errors').toEqual([]);
  },
});

export { expect };

/// Waits until the islands in the server-rendered page are interactive (JavaScript runs only).
export async function waitForHydration(page: Page): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
}

/// Fails on accessibility violations of any impact, listing them readably. axe runs as a
/// script, so without JavaScript the same URL is scanned in a page that has scripting but never
/// loads the app's own JS and WASM: the server's HTML, as a no-JS visitor gets it.
export async function expectAccessible(
  page: Page,
  hasJs: boolean,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<void> {
  let target = page;
  if (!hasJs) {
    // The same session (cookies) and colour scheme, so the page scanned is the page shown.
    const context = await page.context().browser()!.newContext({
      javaScriptEnabled: true,
      storageState: await page.context().storageState(),
      colorScheme,
    });
    await context.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
    target = await context.newPage();
    await target.goto(page.url());
  }
  const results = await new AxeBuilder({ page: target }).analyze();
  if (target !== page) await target.context().close();
  const violations = results.violations.map(
    (v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(violations, 'accessibility violations of any impact').toEqual([]);
}

export const PASSWORD = 'violet kettle harbour';

export function uniqueEmail(): string {
  return `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/// Goes to `url` and, with JavaScript, waits for the app to take over.
export async function open(page: Page, url: string, hasJs: boolean): Promise<void> {
  await page.goto(url);
  if (hasJs) await waitForHydration(page);
}

const outboxDir = process.env.E2E_OUTBOX_DIR!;

/// The path of the newest link to `linkPath` (such as `/signup/`) mailed to `email`: the server
/// writes mail to its development outbox, in the background.
export async function linkMailedTo(email: string, linkPath: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const files = fs.existsSync(outboxDir) ? fs.readdirSync(outboxDir).sort().reverse() : [];
    for (const file of files) {
      const text = fs.readFileSync(path.join(outboxDir, file), 'utf8');
      if (text.toLowerCase().startsWith(`to: ${email.toLowerCase()}\n`)) {
        const link = text.split('\n').find((line) => line.includes(linkPath));
        if (link) return new URL(link.trim()).pathname;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no email for ${email} with a link to ${linkPath}`);
}

/// Signs up as a person does: the form, then the link in the email, which logs in.
export async function signUp(page: Page, hasJs: boolean, email: string, password = PASSWORD): Promise<void> {
  await open(page, '/signup', hasJs);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Your name').fill('Rosa Traveler');
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  await open(page, await linkMailedTo(email, '/signup/'), hasJs);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/trips$/);
}
