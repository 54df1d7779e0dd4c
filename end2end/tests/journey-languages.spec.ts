import fs from 'node:fs';
import path from 'node:path';
import { test, expect, expectAccessible, uniqueEmail, waitForHydration, linkMailedTo, PASSWORD } from './fixtures';
import type { Page } from '@playwright/test';

// The main journey — sign up, a refused form, a trip, an activity, the trip and day pages —
// in German and in French, as a visitor whose browser asks for that language: every word on
// the way, the mail, the dates and the amounts (typed and shown) in that language. Axe on each
// page; the German pages at 360 px must not scroll sideways (screenshots kept).

const words = {
  de: {
    locale: 'de-DE',
    email: 'E-Mail', name: 'Dein Name', password: 'Passwort', confirm: 'Passwort bestätigen',
    signUp: 'Konto erstellen', sent: 'Schau in dein Postfach',
    mailSubject: 'Schließe die Registrierung bei Travel Planner ab', finish: 'Mein Konto erstellen',
    trips: 'Deine Reisen',
    tripName: 'Name der Reise', destination: 'Reiseziel', first: 'Erster Tag', last: 'Letzter Tag',
    zone: 'Zeitzone', currency: 'Währung', budget: 'Budget (optional)', createTrip: 'Reise anlegen',
    nameMissing: 'Gib der Reise einen Namen.',
    created: 'Reise angelegt. Unten kannst du jedem Tag Aktivitäten hinzufügen.',
    typedBudget: '1.500,50', shownBudget: '1.500,50\u00a0€', dates: '26.–30. März 2027 · 5 Tage',
    title: 'Titel', start: 'Beginn (optional)', cost: 'Kosten (optional)', add: 'Hinzufügen',
    added: 'Aktivität hinzugefügt.', typedCost: '25,50', shownCost: '25,50\u00a0€',
    day: 'Tag 3 · So., 28. März 2027', planned: 'Verplant',
  },
  fr: {
    locale: 'fr-FR',
    email: 'E-mail', name: 'Votre nom', password: 'Mot de passe', confirm: 'Confirmer le mot de passe',
    signUp: 'Créer le compte', sent: 'Consultez votre boîte de réception',
    mailSubject: 'Terminez la création de votre compte Travel Planner', finish: 'Créer mon compte',
    trips: 'Vos voyages',
    tripName: 'Nom du voyage', destination: 'Destination', first: 'Premier jour', last: 'Dernier jour',
    zone: 'Fuseau horaire', currency: 'Devise', budget: 'Budget (facultatif)', createTrip: 'Créer le voyage',
    nameMissing: 'Donnez un nom au voyage.',
    created: 'Voyage créé. Ajoutez des activités à n’importe quel jour ci-dessous.',
    typedBudget: '1 500,50', shownBudget: '1\u202f500,50\u00a0€', dates: '26–30 mars 2027 · 5 jours',
    title: 'Titre', start: 'Début (facultatif)', cost: 'Coût (facultatif)', add: 'Ajouter',
    added: 'Activité ajoutée.', typedCost: '25,50', shownCost: '25,50\u00a0€',
    day: 'Jour 3 · dim. 28 mars 2027', planned: 'Prévu',
  },
};

const outboxDir = process.env.E2E_OUTBOX_DIR!;

/// The subject of the newest mail to `email`.
function subjectMailedTo(email: string): string {
  for (const file of fs.readdirSync(outboxDir).sort().reverse()) {
    const text = fs.readFileSync(path.join(outboxDir, file), 'utf8');
    if (text.toLowerCase().startsWith(`to: ${email.toLowerCase()}\n`)) {
      const line = text.split('\n').find((l) => l.startsWith('Subject: '));
      return line ? line.slice('Subject: '.length) : '';
    }
  }
  return '';
}

async function go(page: Page, url: string, hasJs: boolean): Promise<void> {
  await page.goto(url);
  if (hasJs) await waitForHydration(page);
}

async function noSidewaysScroll(page: Page, name: string, language: string): Promise<void> {
  await page.setViewportSize({ width: 360, height: 800 });
  if (language === 'de') await page.screenshot({ path: test.info().outputPath(`${name}-de-360.png`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow, `${name} scrolls sideways at 360 px in ${language}`).toBe(false);
  await page.setViewportSize({ width: 1280, height: 800 });
}

for (const [language, w] of Object.entries(words)) {
  test(`the main journey in ${language}`, async ({ browser, hasJs }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ locale: w.locale, javaScriptEnabled: hasJs });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const email = uniqueEmail();

    // Sign up: the form, the mail and the link, all in the browser's language.
    await go(page, '/signup', hasJs);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await page.getByLabel(w.email).fill(email);
    await page.getByLabel(w.name).fill('Rosa');
    await page.getByLabel(w.password, { exact: true }).fill(PASSWORD);
    await page.getByLabel(w.confirm).fill(PASSWORD);
    await page.getByRole('button', { name: w.signUp }).click();
    await expect(page.getByRole('heading', { name: w.sent })).toBeVisible();
    const link = await linkMailedTo(email, '/signup/');
    expect(subjectMailedTo(email)).toBe(w.mailSubject);
    await go(page, link, hasJs);
    await page.getByRole('button', { name: w.finish }).click();
    await expect(page).toHaveURL(/\/trips$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.trips);

    // A trip: refused without a name (the core's message, translated), then made.
    await go(page, '/trips/new', hasJs);
    await page.getByLabel(w.destination, { exact: true }).fill('Lisboa, Portugal');
    await page.getByLabel(w.first).fill('2027-03-26');
    await page.getByLabel(w.last).fill('2027-03-30');
    await page.getByLabel(w.zone).selectOption('Europe/Lisbon');
    await page.getByLabel(w.currency).selectOption('EUR');
    await page.getByLabel(w.budget).fill(w.typedBudget);
    if (hasJs) {
      // The browser's own check stops an empty required field first; the server's is the one
      // under test, so the form is sent without it.
      await page.locator('form').filter({ has: page.getByLabel(w.tripName) }).evaluate((f) => f.setAttribute('novalidate', ''));
    }
    await page.getByLabel(w.tripName).fill('');
    await page.getByRole('button', { name: w.createTrip }).click();
    await expect(page.getByText(w.nameMissing).first()).toBeVisible();
    // What was typed comes back as the language writes it.
    await expect(page.getByLabel(w.budget)).toHaveValue('1500,50');
    await expectAccessible(page, hasJs);
    await noSidewaysScroll(page, 'trip-form-refused', language);
    await page.getByLabel(w.tripName).fill('Frühling in Lissabon');
    await page.getByRole('button', { name: w.createTrip }).click();
    await expect(page).toHaveURL(/\/trips\/[0-9a-f-]{36}$/);
    const trip = new URL(page.url()).pathname;
    await expect(page.getByText(w.created)).toBeVisible();
    await expect(page.getByText(w.dates)).toBeVisible();
    await expect(page.getByText(w.shownBudget).first()).toBeVisible();

    // An activity with a cost typed the language's way.
    await go(page, `${trip}/activities/new?day=2027-03-28`, hasJs);
    await page.getByLabel(w.title, { exact: true }).fill('Azulejo-Museum');
    await page.getByLabel(w.start).fill('09:30');
    await page.getByLabel(w.cost).fill(w.typedCost);
    await expectAccessible(page, hasJs);
    await noSidewaysScroll(page, 'activity-form', language);
    await page.getByRole('button', { name: w.add, exact: true }).click();
    await expect(page).toHaveURL(/#day-2027-03-28$/);
    await expect(page.getByText(w.added)).toBeVisible();
    await expect(page.getByRole('heading', { name: w.day })).toBeVisible();
    await expect(page.getByText(w.shownCost).first()).toBeVisible();
    await expect(page.getByText(w.planned, { exact: true }).first()).toBeVisible();
    await expectAccessible(page, hasJs);
    await noSidewaysScroll(page, 'trip', language);

    // The day page.
    await go(page, `${trip}/days/2027-03-28`, hasJs);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.getByText(w.day).first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Azulejo-Museum' })).toBeVisible();
    await expectAccessible(page, hasJs);
    await noSidewaysScroll(page, 'day', language);

    expect(problems, 'no script errors').toEqual([]);
    await context.close();
  });
}
