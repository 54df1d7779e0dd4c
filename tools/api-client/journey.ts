// A client's journey through the JSON API, written against types generated from the server's
// own OpenAPI description (openapi-typescript) and sent with openapi-fetch. If the description
// is wrong — a field missing, a status undocumented — this does not compile or does not pass.
//
//   node build/journey.js BASE_URL OUTBOX_DIR
//
// Signs up (following the emailed link, as a person would in a browser), logs in, creates a
// trip (and retries it with the same Idempotency-Key), adds two activities, moves one, reads
// it, edits it with If-Match (and sees a stale edit refused), walks the list by its Link
// header, deletes, and logs out.

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/schema.js";

type Activity = components["schemas"]["Activity"];

const [baseUrl = "", outbox = ""] = process.argv.slice(2);
if (!baseUrl || !outbox) {
  throw new Error("usage: node build/journey.js BASE_URL OUTBOX_DIR");
}
const client = createClient<paths>({ baseUrl });
const email = `client-${randomUUID()}@example.com`;
const password = "violet kettle harbour";

/** The sign-up link mailed to `to`, once it has been written to the development outbox. */
async function linkMailedTo(to: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    for (const name of readdirSync(outbox)) {
      const mail = readFileSync(join(outbox, name), "utf8");
      const token = mail.includes(`To: ${to}`) && mail.match(/\/signup\/([A-Za-z0-9_-]+)/);
      if (token && token[1]) return token[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no sign-up link for ${to}`);
}

// Sign up and log in.
const registered = await client.POST("/api/v1/auth/register", {
  body: { email, display_name: "Client", password },
});
assert.equal(registered.response.status, 202, JSON.stringify(registered.error));
const token = await linkMailedTo(email);
// Opening the link is the browser's part: the web page's form posts it.
const opened = await fetch(`${baseUrl}/api/auth/complete_sign_up`, {
  method: "POST",
  headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({ token }),
});
assert.ok(opened.ok, `the sign-up link works (${opened.status})`);
const login = await client.POST("/api/v1/auth/login", { body: { email, password } });
assert.ok(login.data, JSON.stringify(login.error));
const auth = { Authorization: `Bearer ${login.data.access_token}` };

const me = await client.GET("/api/v1/me", { headers: auth });
assert.equal(me.data?.email, email);

// Create a trip; the same request again (a lost answer, retried) is answered, not repeated.
const key = randomUUID();
const trip = {
  name: "Spring in Lisbon",
  destination: "Lisbon",
  start_date: "2027-03-03",
  end_date: "2027-03-09",
  time_zone: "Europe/Lisbon",
  currency: "EUR",
  budget: 1500.5,
} as const;
const created = await client.POST("/api/v1/trips", {
  body: trip,
  headers: { ...auth, "Idempotency-Key": key },
});
assert.equal(created.response.status, 201, JSON.stringify(created.error));
assert.ok(created.data);
assert.equal(created.data.budget, "1500.50", "a JSON number, read exactly");
const retried = await client.POST("/api/v1/trips", {
  body: trip,
  headers: { ...auth, "Idempotency-Key": key },
});
assert.equal(retried.response.headers.get("idempotent-replayed"), "true");
assert.equal(retried.data?.id, created.data.id, "one trip, however many retries");
const tripId = created.data.id;

// Two activities on the same day; the second moves to the top.
async function add(title: string, start_time: string): Promise<Activity> {
  const added = await client.POST("/api/v1/trips/{id}/activities", {
    params: { path: { id: tripId } },
    body: { day: "2027-03-04", start_time, title, cost: "12.50" },
    headers: { ...auth, "Idempotency-Key": randomUUID() },
  });
  assert.equal(added.response.status, 201, JSON.stringify(added.error));
  assert.ok(added.data);
  return added.data;
}
const belem = await add("Pastéis de Belém", "09:30");
const tram = await add("Tram 28", "11:00");
assert.equal(belem.category, "other", "a missing kind is other");
assert.deepEqual([belem.position, tram.position], [0, 1]);

const moved = await client.POST("/api/v1/activities/{id}/move", {
  params: { path: { id: tram.id }, header: { "If-Match": `"${tram.version}"` } },
  body: { position: 0 },
  headers: auth,
});
assert.equal(moved.data?.position, 0, JSON.stringify(moved.error));

// Read it, edit it with If-Match; an edit from the old version is refused with the current one.
const read = await client.GET("/api/v1/activities/{id}", {
  params: { path: { id: tram.id } },
  headers: auth,
});
assert.ok(read.data, JSON.stringify(read.error));
const etag = read.response.headers.get("etag");
assert.equal(etag, `"${read.data.version}"`);
const edited = await client.PUT("/api/v1/activities/{id}", {
  params: { path: { id: tram.id }, header: { "If-Match": etag ?? "" } },
  // A PUT replaces every field: the start time is sent again, so its hand-made place stays.
  body: {
    day: read.data.day,
    start_time: read.data.start_time ?? "",
    title: "Tram 28 to Graça",
    category: "transport",
    cost: 3,
  },
  headers: auth,
});
assert.equal(edited.data?.title, "Tram 28 to Graça", JSON.stringify(edited.error));
assert.equal(edited.data?.cost, "3.00");
const stale = await client.PUT("/api/v1/activities/{id}", {
  params: { path: { id: tram.id }, header: { "If-Match": etag ?? "" } },
  body: { day: read.data.day, title: "An edit from before" },
  headers: auth,
});
assert.equal(stale.response.status, 412);
assert.equal(stale.error && "current" in stale.error ? stale.error.current.title : undefined, "Tram 28 to Graça");

// The list, page by page through its Link header.
const listed = await client.GET("/api/v1/trips/{id}/activities", {
  params: { path: { id: tripId }, query: { page: 1 } },
  headers: auth,
});
assert.deepEqual(
  listed.data?.activities.map((activity) => activity.title),
  ["Tram 28 to Graça", "Pastéis de Belém"],
);
assert.match(listed.response.headers.get("link") ?? "", /rel="first"/);
assert.doesNotMatch(listed.response.headers.get("link") ?? "", /rel="next"/);

// Delete with If-Match, then the trip; the activity is gone with it.
const deleted = await client.DELETE("/api/v1/activities/{id}", {
  params: { path: { id: belem.id }, header: { "If-Match": `"${belem.version}"` } },
  headers: auth,
});
assert.equal(deleted.response.status, 204, JSON.stringify(deleted.error));
const gone = await client.DELETE("/api/v1/trips/{id}", {
  params: { path: { id: tripId } },
  headers: auth,
});
assert.equal(gone.response.status, 204);
const missing = await client.GET("/api/v1/activities/{id}", {
  params: { path: { id: tram.id } },
  headers: auth,
});
assert.equal(missing.response.status, 404);
assert.equal(missing.error?.status, 404);

const logout = await client.POST("/api/v1/auth/logout", {
  body: { refresh_token: login.data.refresh_token },
});
assert.equal(logout.response.status, 204);
console.log("the generated client's journey passed: signed up, created, retried, added, moved, read, edited with If-Match, listed, deleted, logged out");
