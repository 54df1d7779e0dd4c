// A local stand-in for the outside providers the browser tests' server talks to: a
// Nominatim-compatible place search, Open-Meteo's forecast and archive, an OSRM router and
// map tiles. No network: every answer is made up here, the same for every request.
//   node fake-providers.mjs <port>
import http from 'node:http';
import zlib from 'node:zlib';

const port = Number(process.argv[2] ?? 3199);

// A 256 px tile in a pale green, so the map visibly has a background.
function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function tile(size, [r, g, b]) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.set([r, g, b], 1 + x * 3);
  const pixels = Buffer.concat(Array(size).fill(row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const TILE = tile(256, [224, 236, 218]);

const PLACES = [
  { name: 'Torre de Belém', address: 'Avenida Brasília, Belém, Lisboa, Portugal', lat: 38.6916, lon: -9.216, id: 8184476, type: 'way' },
  { name: 'Mosteiro dos Jerónimos', address: 'Praça do Império, Belém, Lisboa, Portugal', lat: 38.6979, lon: -9.2068, id: 23135896, type: 'way' },
  { name: 'Pastéis de Belém', address: 'Rua de Belém 84, Belém, Lisboa, Portugal', lat: 38.6975, lon: -9.2032, id: 1234567, type: 'node' },
];

function daily(first, days) {
  const time = [];
  for (let i = 0; i < days; i++) {
    const d = new Date(first.getTime() + i * 86_400_000);
    time.push(d.toISOString().slice(0, 10));
  }
  const n = time.length;
  return {
    latitude: 38.7,
    longitude: -9.1,
    daily: {
      time,
      weather_code: Array(n).fill(2),
      temperature_2m_max: Array(n).fill(19.4),
      temperature_2m_min: Array(n).fill(12.2),
      precipitation_sum: Array(n).fill(0.4),
      precipitation_probability_max: Array(n).fill(20),
    },
  };
}

function json(response, body) {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

http
  .createServer((request, response) => {
    const url = new URL(request.url, `http://127.0.0.1:${port}`);
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    if (url.pathname === '/search') {
      const found = PLACES.filter((p) => p.name.toLowerCase().includes(q) || p.address.toLowerCase().includes(q));
      return json(
        response,
        found.map((p, i) => ({
          place_id: i + 1,
          osm_type: p.type,
          osm_id: p.id,
          lat: String(p.lat),
          lon: String(p.lon),
          category: 'tourism',
          type: 'attraction',
          name: p.name,
          display_name: `${p.name}, ${p.address}`,
        })),
      );
    }
    if (url.pathname === '/forecast') {
      const today = new Date(new Date().toISOString().slice(0, 10));
      return json(response, daily(new Date(today.getTime() - 7 * 86_400_000), 23));
    }
    if (url.pathname === '/archive') {
      const from = new Date(url.searchParams.get('start_date'));
      const to = new Date(url.searchParams.get('end_date'));
      return json(response, daily(from, Math.min(800, (to - from) / 86_400_000 + 1)));
    }
    if (url.pathname.startsWith('/route/v1/')) {
      return json(response, { code: 'Ok', routes: [{ duration: 1500, distance: 1300 }] });
    }
    if (url.pathname.startsWith('/tiles/')) {
      response.writeHead(200, { 'content-type': 'image/png' });
      return response.end(TILE);
    }
    if (url.pathname === '/ready') return json(response, { ok: true });
    response.writeHead(404);
    response.end();
  })
  .listen(port, '127.0.0.1');
