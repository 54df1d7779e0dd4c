import { defineConfig } from '@playwright/test';

// The release build, started on a throwaway SQLite database. Every test runs twice: hydrated
// (JavaScript on) and as plain server-rendered HTML (JavaScript off) — but for the offline
// journeys, which need the service worker and so JavaScript.
const port = Number(process.env.E2E_PORT ?? 3107);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = process.env.E2E_DATA_DIR ?? `/tmp/travel-planner-e2e-${port}`;
// The outside providers (place search, weather, routing, map tiles): a local fake, no network.
const fakePort = Number(process.env.E2E_FAKE_PORT ?? port + 1);
const fake = `http://127.0.0.1:${fakePort}`;
// Tests read the development outbox to follow emailed links.
process.env.E2E_OUTBOX_DIR = `${dataDir}/outbox`;

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'js', use: { javaScriptEnabled: true } },
    // The service worker is JavaScript: its journeys (offline.spec.ts) have no no-JS twin.
    { name: 'no-js', use: { javaScriptEnabled: false }, testIgnore: /offline\.spec\.ts$/ },
  ],
  webServer: [
    {
      command: `exec node fake-providers.mjs ${fakePort}`,
      url: `${fake}/ready`,
      reuseExistingServer: false,
      timeout: 10_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `rm -rf ${dataDir} && mkdir -p ${dataDir} && exec ./target/release/travel-planner serve`,
      cwd: '..',
      url: `${baseURL}/readyz`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        BIND_ADDRESS: `127.0.0.1:${port}`,
        DATABASE_URL: `sqlite://${dataDir}/e2e.db`,
        LEPTOS_SITE_ROOT: 'target/site',
        OUTBOX_DIR: `${dataDir}/outbox`,
        // Every test logs in from 127.0.0.1; the per-address limit is tested in the Rust suite.
        AUTH_ATTEMPTS_PER_IP_PER_MINUTE: '10000',
        // Likewise the general per-minute limit (429s are tested there too).
        RATE_LIMIT_PER_MINUTE: '100000',
        RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '10000000',
        RUST_LOG: 'warn',
        PROVIDER_CONTACT: 'e2e@example.com',
        PLACES_URL: fake,
        PLACES_MIN_INTERVAL_MS: '0',
        MAP_TILES_URL: `${fake}/tiles/{z}/{x}/{y}.png`,
        MAP_TILES_ATTRIBUTION: '© Test tiles',
        WEATHER_FORECAST_URL: `${fake}/forecast`,
        WEATHER_ARCHIVE_URL: `${fake}/archive`,
        WEATHER_MIN_INTERVAL_MS: '0',
        ROUTING_FOOT_URL: fake,
        ROUTING_CAR_URL: fake,
        ROUTING_MIN_INTERVAL_MS: '0',
      },
    },
  ],
});
