// Travel Planner's service worker: trips a traveler opened stay readable without a connection.
//
// - Pages always come from the network when it answers (whatever it answers): a kept copy is
//   shown only when the network cannot be reached, with a note saying when it was kept.
// - Only trip and day pages are kept, and only those of the traveler signed in: every page's
//   answer names its traveler (`X-Offline-Traveler`, an opaque key; none for visitors). Pages
//   are kept under that key, and an answer for someone else, or for no one (signed out, a
//   session that ended), forgets every page kept.
// - Logging out forgets everything at once (besides the server's `Clear-Site-Data`).
// - Nothing is fetched ahead, and nothing from other sites (map tiles) is touched or kept.
'use strict';

const VERSION = 'v1';
const ASSETS = `assets-${VERSION}`;
const PAGES = 'pages-';
const KEPT = /^\/trips\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\/days\/\d{4}-\d{2}-\d{2})?$/;
const ASSET = /^\/(pkg\/.+|favicon\.svg|app\.js|manifest\.webmanifest|icons\/.+)$/;

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith('assets-') && n !== ASSETS).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'forget') event.waitUntil(forgetPages(null));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && (url.pathname === '/api/auth/log_out' || url.pathname === '/api/auth/delete_account')) {
    event.respondWith(forgetPages(null).then(() => fetch(request)));
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') {
    event.respondWith(page(event));
  } else if (ASSET.test(url.pathname)) {
    event.respondWith(asset(request));
  }
});

/// Forgets every kept page except those of `traveler` (all of them for `null`).
async function forgetPages(traveler) {
  const keep = traveler ? PAGES + traveler : null;
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith(PAGES) && n !== keep).map((n) => caches.delete(n)));
}

async function page(event) {
  const request = event.request;
  const url = new URL(request.url);
  let response;
  try {
    response = await fetch(request);
  } catch (offline) {
    return keptCopy(url);
  }
  const traveler = response.headers.get('x-offline-traveler');
  // Cloned now: once the page has the response, its body is gone.
  const keep = traveler && response.status === 200 && response.type === 'basic' && KEPT.test(url.pathname);
  const copy = keep ? response.clone() : null;
  event.waitUntil(
    (async () => {
      await forgetPages(traveler);
      if (copy) {
        const headers = new Headers(copy.headers);
        headers.set('x-kept-at', new Date().toISOString());
        const body = await copy.arrayBuffer();
        const cache = await caches.open(PAGES + traveler);
        await cache.put(url.pathname, new Response(body, { status: 200, headers }));
      }
    })(),
  );
  return response;
}

/// The kept copy of `url` with a note saying it is one, or a page saying there is none.
async function keptCopy(url) {
  const names = (await caches.keys()).filter((n) => n.startsWith(PAGES));
  for (const name of names) {
    const kept = await (await caches.open(name)).match(url.pathname);
    if (!kept) continue;
    const html = await kept.text();
    const note =
      '<div class="offline-note" role="status"><p><strong>Offline</strong> — showing this trip as of ' +
      keptAt(kept.headers.get('x-kept-at')) +
      '. Changes need a connection.</p></div>';
    const headers = new Headers(kept.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(html.replace(/(<main\b[^>]*>)/, `$1${note}`), { status: 200, headers });
  }
  return new Response(
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      '<title>Offline · Travel Planner</title><link rel="icon" href="/favicon.svg" type="image/svg+xml">' +
      (await stylesheet()) +
      '</head>' +
      '<body><main id="main" class="page"><section class="notice"><h1>You’re offline</h1>' +
      '<p>This page isn’t kept for reading offline. Trips you opened while signed in are: go back to one of them, or try again when you’re connected.</p>' +
      '</section></main></body></html>',
    { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } },
  );
}

/// A link to the site's stylesheet if it is among the kept assets (else the page stays plain).
async function stylesheet() {
  const cache = await caches.open(ASSETS);
  const css = (await cache.keys()).map((r) => new URL(r.url).pathname).find((p) => p.endsWith('.css'));
  return css ? `<link rel="stylesheet" href="${css}">` : '';
}

/// `14:02`, or `Thu 4 Dec, 14:02` when it was not today.
function keptAt(iso) {
  const when = iso ? new Date(iso) : new Date();
  const time = when.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (when.toDateString() === new Date().toDateString()) return time;
  return when.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' }) + ', ' + time;
}

/// The site's own files: from the network when it answers (kept for offline pages), else kept.
async function asset(request) {
  const cache = await caches.open(ASSETS);
  const immutable = new URL(request.url).pathname.startsWith('/pkg/');
  if (immutable) {
    const kept = await cache.match(request);
    if (kept) return kept;
  }
  try {
    const response = await fetch(request);
    if (response.status === 200 && response.type === 'basic') await cache.put(request, response.clone());
    return response;
  } catch (offline) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw offline;
  }
}
