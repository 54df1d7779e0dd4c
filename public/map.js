// The interactive map on the pages that show one (the trip and its days). The page already has
// everything without JavaScript: an SVG sketch of the places and a numbered list of them with
// their positions (`.map-legend__item`). This draws the same places, numbers and day colours
// over map tiles with Leaflet — vendored on this site, and loaded only once the map is open
// (on a phone, when the traveler opens it).
(() => {
  'use strict';
  const panel = document.querySelector('details.map-panel[data-tiles]');
  if (!panel) return;
  if (window.matchMedia('(min-width: 62rem)').matches) panel.open = true;

  const escape = (text) => {
    const span = document.createElement('span');
    span.textContent = text;
    return span.innerHTML.replace(/"/g, '&quot;');
  };

  const draw = () => {
    const L = window.L;
    const canvas = panel.querySelector('[data-map-canvas]');
    if (!L || !canvas) return;
    const live = document.createElement('div');
    live.className = 'map-panel__live';
    live.setAttribute('role', 'region');
    const words = JSON.parse(panel.dataset.words || '{}');
    live.setAttribute('aria-label', words.label || 'Interactive map: the places of the list below');
    canvas.append(live);
    const map = L.map(live, { scrollWheelZoom: false });
    const credit = panel.dataset.attribution || '';
    const creditUrl = panel.dataset.attributionUrl || '';
    L.tileLayer(panel.dataset.tiles, {
      maxZoom: Number(panel.dataset.maxZoom) || 19,
      attribution: creditUrl ? `<a href="${escape(creditUrl)}">${escape(credit)}</a>` : escape(credit),
    }).addTo(map);
    const days = new Map();
    const points = [];
    for (const item of panel.querySelectorAll('.map-legend__item')) {
      const at = [Number(item.dataset.lat), Number(item.dataset.lon)];
      const { number, day, title } = item.dataset;
      const destination = !number;
      points.push(at);
      const icon = L.divIcon({
        className: destination ? 'map-marker map-marker--destination' : `map-marker map-day-${day}`,
        html: destination ? '★' : escape(number),
        iconSize: [28, 28],
      });
      L.marker(at, {
        icon,
        title: destination ? (words.destination || 'Destination: {name}').replace('{name}', title) : `${number}. ${title}`,
        riseOnHover: true,
      }).addTo(map);
      if (!destination) {
        if (!days.has(day)) days.set(day, []);
        days.get(day).push(at);
      }
    }
    for (const [day, line] of days) {
      if (line.length > 1) L.polyline(line, { className: `map-route map-day-${day}`, weight: 3, opacity: 0.9 }).addTo(map);
    }
    if (points.length === 1) map.setView(points[0], 14);
    else map.fitBounds(points, { padding: [28, 28], maxZoom: 16 });
    panel.classList.add('map-panel--live');
  };

  let started = false;
  const start = () => {
    // Offline (a copy the service worker kept), the sketch is the map: tiles would only fail.
    if (started || !panel.open || !navigator.onLine) return;
    started = true;
    const base = panel.dataset.leaflet;
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = `${base}/leaflet.css`;
    document.head.append(style);
    const script = document.createElement('script');
    script.src = `${base}/leaflet.js`;
    script.addEventListener('load', draw);
    document.head.append(script);
  };
  panel.addEventListener('toggle', start);
  window.addEventListener('online', start);
  start();
})();
