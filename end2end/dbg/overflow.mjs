import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3300';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const js = process.argv[2] !== 'nojs';
const ctx = await browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: js });
const page = await ctx.newPage();
const email = `dbg${Date.now()}@example.com`;
await page.goto(base + '/signup');
await page.getByLabel('Your name').fill('Dee Bug');
await page.getByLabel('Email').fill(email);
await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple 9');
await page.getByLabel('Confirm password').fill('correct horse battery staple 9');
await page.getByRole('button', { name: 'Create account' }).click();
await page.waitForTimeout(1500);
const fs = await import('fs');
const files = fs.readdirSync('/tmp/dbg/data/outbox').map(f => '/tmp/dbg/data/outbox/' + f).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
const mail = fs.readFileSync(files[0], 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
const link = mail.match(/https?:\/\/[^\s"<>]*\/signup\/[A-Za-z0-9_-]+/)[0];
await page.goto(base + new URL(link).pathname);
await page.getByRole('button', { name: 'Create my account' }).click();
await page.waitForTimeout(1000);
await page.goto(base + '/trips/new');
await page.getByLabel('Trip name').fill('Spring in Lisbon');
await page.getByLabel('Destination').fill('Lisbon, Portugal');
await page.getByLabel('First day').fill('2027-03-26');
await page.getByLabel('Last day').fill('2027-03-30');
await page.getByLabel('Time zone').selectOption('Europe/Lisbon');
await page.getByLabel('Currency').selectOption('EUR');
await page.getByRole('button', { name: 'Create trip' }).click();
await page.waitForURL(/\/trips\/[0-9a-f-]{36}$/);
const trip = new URL(page.url()).pathname;
for (const path of process.argv.slice(3).length ? process.argv.slice(3) : [`/activities/new?day=2027-03-05`, `/edit`, ``, `/members`, `/import`, `/places`]) {
  if (path === 'place') {
    await page.goto(base + trip + '/activities/new?day=2027-03-28');
    await page.getByLabel('Title').fill('Tile museum');
    await page.getByLabel('Starts at (optional)').fill('09:30');
    await page.getByLabel('Ends at (optional)').fill('11:00');
    await page.getByLabel('Place (optional)').fill('Rua da Madre de Deus 4');
    await page.getByText('Map position by hand').click();
    await page.getByLabel('Latitude', { exact: true }).fill('38.7249');
    await page.getByLabel('Longitude', { exact: true }).fill('-9.1139');
    await page.getByRole('button', { name: 'Add activity' }).click();
    await page.waitForTimeout(800);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(base + trip);
    await page.getByRole('button', { name: 'Make a calendar address' }).click();
    await page.waitForTimeout(1500);
    await page.setViewportSize({ width: 360, height: 900 });
    await page.waitForTimeout(500);
  } else if (path === 'feed') {
    await page.goto(base + trip);
    await page.getByRole('button', { name: 'Make a calendar address' }).click();
    await page.waitForTimeout(800);
  } else {
    await page.goto(base + trip + path);
  }
  await page.waitForTimeout(500);
  const r = await page.evaluate(() => {
    const out = [];
    const w = window.innerWidth;
    for (const el of document.querySelectorAll('body *')) {
      const b = el.getBoundingClientRect();
      if (b.right > w + 0.5 && b.width > 0) out.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(b.right)} w=${Math.round(b.width)}`);
    }
    const mins = [];
    const form = document.querySelector('main form');
    const probe = (el, depth) => {
      if (!el || depth > 7) return;
      for (const c of el.children) {
        const saved = c.style.width;
        c.style.width = 'min-content';
        const mw = c.getBoundingClientRect().width;
        c.style.width = saved;
        if (mw > 250) mins.push(`${'  '.repeat(depth)}${c.tagName.toLowerCase()}.${c.className} min=${Math.round(mw)}`);
        probe(c, depth + 1);
      }
    };
    probe(form, 0);
    return { overflow: document.documentElement.scrollWidth - w, out: out.slice(0, 6), mins: mins.slice(0, 30) };
  });
  console.log(path || '(trip)', JSON.stringify(r, null, 1));
  await page.screenshot({ path: `/tmp/dbg/shot${path.replace(/[^a-z]/g, '_')}-${js ? 'js' : 'nojs'}.png`, fullPage: true });
}
await browser.close();
