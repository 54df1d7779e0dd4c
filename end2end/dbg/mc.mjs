import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3300';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport: { width: 360, height: 800 } });
const page = await ctx.newPage();
await page.goto(base + '/login');
await page.getByLabel('Email').fill(process.argv[2]);
await page.getByLabel('Password').fill('correct horse battery staple 9');
await page.getByRole('button', { name: 'Log in' }).click();
await page.waitForTimeout(800);
await page.goto(base + process.argv[3]);
const r = await page.evaluate(() => {
  const out = [];
  const form = document.querySelector('form.form') || document.querySelector('main form');
  const probe = (el, depth) => {
    if (depth > 6) return;
    for (const c of el.children) {
      const saved = c.style.width;
      c.style.width = 'min-content';
      const w = c.getBoundingClientRect().width;
      c.style.width = saved;
      if (w > 300) out.push(`${'  '.repeat(depth)}${c.tagName.toLowerCase()}.${c.className} min=${Math.round(w)}`);
      probe(c, depth + 1);
    }
  };
  probe(form, 0);
  return out.slice(0, 40);
});
console.log(r.join('\n'));
await browser.close();
