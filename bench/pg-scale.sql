-- A big Travel Planner database for bench/pg-scale.sh, made with generate_series on the schema
-- `travel-planner migrate up` creates. psql variables: `users`, `trips` (spread evenly over the
-- users) and `per_trip` (activities per trip, spread over 14 days).
--
-- Every row satisfies the schema's constraints by construction: ids are unique (a table number
-- and a counter, in UUID version 7 layout), every trip's owner and every activity's trip exist,
-- every trip's owner is its member. Foreign-key triggers are paused while loading (this session
-- only) because checking 20 million references one by one is most of the load time; the checks
-- at the end prove the references instead. Ids rise with the counter, so the indexes fill in
-- order.
\set ON_ERROR_STOP on

SET session_replication_role = replica;
SET synchronous_commit = off;
SET maintenance_work_mem = '512MB';

-- id(table, n): a UUID unique to table and n, version and variant bits as in UUID v7.
CREATE FUNCTION pg_temp.id(t int, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
  SELECT (lpad(to_hex(t), 8, '0') || '-0000-7000-8000-' || lpad(to_hex(n), 12, '0'))::uuid
$$;
-- The first day of trip n: spread over three years from June 2026, some past, most ahead.
CREATE FUNCTION pg_temp.start_of(n bigint) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT date '2026-06-01' + ((n * 37) % 1095)::int
$$;

INSERT INTO users (id, email, display_name, password_hash, email_verified_at, created_at, updated_at,
                   time_zone, theme)
SELECT pg_temp.id(1, g), 'scale-' || g || '@example.org', 'Traveler ' || g, 'no password', now(), now(), now(),
       'Europe/Lisbon', 'system'
FROM generate_series(1, :users) g;

-- Trip g belongs to user ((g - 1) % users) + 1; names and places from a short list, and a search
-- text as the app writes it (fields folded to lower case, joined by U+001F).
INSERT INTO trips (id, owner_id, name, destination, start_date, end_date, time_zone, budget_minor, currency,
                   notes, created_at, updated_at, revision, version, search_text)
SELECT pg_temp.id(2, g), pg_temp.id(1, (g - 1) % :users + 1), p.name || ' ' || g, p.destination,
       pg_temp.start_of(g), pg_temp.start_of(g) + 13, 'Europe/Lisbon', 150000 + (g % 50) * 1000, 'EUR',
       'Pack light. Tickets are in the shared folder.', now(), now(), 0, 1,
       lower(p.name || ' ' || g) || chr(31) || lower(p.destination) || chr(31)
FROM generate_series(1, :trips) g
CROSS JOIN LATERAL (
  SELECT (ARRAY['Spring in Lisbon', 'Porto weekend', 'Algarve coast', 'Madeira walks', 'Sintra day trips',
                'Douro valley', 'Azores islands', 'Coimbra visit'])[g % 8 + 1] AS name,
         (ARRAY['Lisbon, Portugal', 'Porto, Portugal', 'Faro, Portugal', 'Funchal, Portugal', 'Sintra, Portugal',
                'Peso da Régua, Portugal', 'Ponta Delgada, Portugal', 'Coimbra, Portugal'])[g % 8 + 1] AS destination
) p;

INSERT INTO trip_members (trip_id, user_id, role, joined_at)
SELECT pg_temp.id(2, g), pg_temp.id(1, (g - 1) % :users + 1), 'owner', now()
FROM generate_series(1, :trips) g;

INSERT INTO trip_changes (id, trip_id, user_id, user_name, kind, summary, created_at)
SELECT pg_temp.id(4, g), pg_temp.id(2, g), pg_temp.id(1, (g - 1) % :users + 1), 'Traveler ' || ((g - 1) % :users + 1),
       'trip_created', 'Created the trip', now()
FROM generate_series(1, :trips) g;

-- Activity n of trip g: day n % 14 of the trip, the (n / 14)th of its day.
INSERT INTO activities (id, trip_id, day, start_time, end_time, title, location, description, category, cost_minor,
                        position, created_at, updated_at, version, search_text)
SELECT pg_temp.id(3, (g - 1) * :per_trip + n + 1), pg_temp.id(2, g), pg_temp.start_of(g) + n % 14,
       time '08:00' + (n / 14 % 10) * interval '85 minutes', time '09:00' + (n / 14 % 10) * interval '85 minutes',
       a.title || ' ' || n, a.location, 'Meet at the tram stop; tickets at the door.', a.category, 1000 + n * 50,
       n / 14, now(), now(), 1,
       lower(a.title || ' ' || n) || chr(31) || lower(a.location) || chr(31)
FROM generate_series(1, :trips) g
CROSS JOIN generate_series(0, :per_trip - 1) n
CROSS JOIN LATERAL (
  SELECT (ARRAY['Castle visit', 'Lunch by the river', 'Train to the coast', 'Check in', 'Museum', 'Walk'])[n % 6 + 1] AS title,
         (ARRAY['Alfama, Lisbon', 'Cais do Sodré', 'Santa Apolónia station', 'Hotel Avenida', 'Belém', 'Bairro Alto'])[n % 6 + 1] AS location,
         (ARRAY['sight', 'food', 'transport', 'lodging', 'sight', 'other'])[n % 6 + 1] AS category
) a;

RESET session_replication_role;

-- The references the paused triggers would have checked.
SELECT (SELECT count(*) FROM activities a WHERE NOT EXISTS (SELECT 1 FROM trips t WHERE t.id = a.trip_id))
     + (SELECT count(*) FROM trips t WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.owner_id))
     + (SELECT count(*) FROM trips t WHERE NOT EXISTS
          (SELECT 1 FROM trip_members m WHERE m.trip_id = t.id AND m.user_id = t.owner_id)) AS broken \gset
\echo rows breaking a reference: :broken
SELECT :broken = 0 AS sound \gset
\if :sound
\else
DO $$ BEGIN RAISE EXCEPTION 'generated rows break a reference'; END $$;
\endif

VACUUM ANALYZE;
