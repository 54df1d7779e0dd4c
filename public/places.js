// The place search without leaving the page. Without JavaScript the same search is a GET
// form: the search page, whose results carry the form along and back. With it, on the activity
// and trip forms the results appear under the search field and choosing one fills the form's
// place fields; on the search page new results replace the old ones. It never searches as
// you type: only the Search button (or Enter in the search field) asks.
(() => {
  'use strict';
  // The page's words (in its language) come in `data-words`; English when a page has none.
  const source = document.querySelector('[data-place-search], form[data-place-search-form]');
  const words = {
    notAnswering: 'The place search is not answering; try again in a minute.',
    tooShort: 'Type at least 2 letters of the place’s name.',
    onForm: '“{name}” is on the form. Save to keep it.',
    foundOne: '1 place found: choose it to put it on the form.',
    foundMany: '{count} places found: choose one to put it on the form.',
    ...JSON.parse((source && source.dataset.words) || '{}'),
  };
  const NOT_ANSWERING = words.notAnswering;

  const fetchPage = async (url) => {
    const response = await fetch(url, { headers: { accept: 'text/html' }, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`status ${response.status}`);
    return new DOMParser().parseFromString(await response.text(), 'text/html');
  };

  const note = (text, alert) => {
    const p = document.createElement('p');
    p.className = alert ? 'place-results__message form-alert' : 'place-results__message';
    p.textContent = text;
    return p;
  };

  // The search page: new results in place of the old.
  const searchForm = document.querySelector('form[data-place-search-form]');
  if (searchForm) {
    const region = document.getElementById('place-results');
    searchForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const url = `${searchForm.action}?${new URLSearchParams(new FormData(searchForm))}`;
      region.setAttribute('aria-busy', 'true');
      try {
        const fresh = (await fetchPage(url)).getElementById('place-results');
        region.replaceChildren(...[...(fresh ? fresh.childNodes : [])].map((node) => document.importNode(node, true)));
        history.pushState(null, '', url);
      } catch {
        region.replaceChildren(note(NOT_ANSWERING, true));
      }
      region.removeAttribute('aria-busy');
    });
    window.addEventListener('popstate', () => window.location.reload());
  }

  // The forms: search in place, and a choice fills the fields.
  const picker = document.querySelector('[data-place-search]');
  if (!picker) return;
  const form = picker.closest('form');
  const input = picker.querySelector('input[type="search"]');
  const button = picker.querySelector('[data-place-search-button]');
  const results = picker.querySelector('.place-picker__results');
  const field = (name) => form.elements.namedItem(name);
  const set = (name, value) => {
    const element = field(name);
    if (element) element.value = value;
  };

  const choose = (place) => {
    set('place_name', place.name);
    set('place_address', place.address);
    set('place_ref', place.ref);
    set('latitude', String(place.lat));
    set('longitude', String(place.lon));
    const remove = field('remove_place');
    if (remove) remove.checked = false;
    for (const name of ['title', 'destination']) {
      const element = field(name);
      if (element && !element.value.trim()) element.value = place.name;
    }
    const chosen = form.querySelector('.place-picker__chosen');
    chosen.hidden = false;
    chosen.querySelector('[data-place-chosen-name]').textContent = place.name;
    chosen.querySelector('[data-place-chosen-address]').textContent = place.address;
    input.value = '';
    results.replaceChildren(note(words.onForm.replace('{name}', place.name)));
  };

  const list = (places) => {
    const items = document.createElement('ol');
    items.className = 'place-results';
    for (const place of places) {
      const item = document.createElement('li');
      item.className = 'place-result';
      const pick = document.createElement('button');
      pick.type = 'button';
      pick.className = 'place-result__choose';
      const name = document.createElement('strong');
      name.textContent = place.name;
      const address = document.createElement('span');
      address.className = 'place-result__address';
      address.textContent = place.address;
      pick.append(name, address);
      pick.addEventListener('click', () => choose(place));
      item.append(pick);
      items.append(item);
    }
    return items;
  };

  const search = async () => {
    const q = input.value.trim();
    if (q.length < 2) {
      results.replaceChildren(note(words.tooShort, true));
      return;
    }
    const url = `${picker.dataset.placeSearch}?${new URLSearchParams({ q, return: button.value })}`;
    button.disabled = true;
    results.setAttribute('aria-busy', 'true');
    try {
      const page = await fetchPage(url);
      const places = [...page.querySelectorAll('#place-results li[data-place]')].map((li) => JSON.parse(li.dataset.place));
      if (places.length > 0) {
        const count = places.length === 1 ? words.foundOne : words.foundMany.replace('{count}', String(places.length));
        results.replaceChildren(note(count), list(places));
      } else {
        const message = page.querySelector('#place-results .place-results__message');
        const alert = message ? message.classList.contains('form-alert') : true;
        results.replaceChildren(note(message ? message.textContent : NOT_ANSWERING, alert));
      }
    } catch {
      results.replaceChildren(note(NOT_ANSWERING, true));
    }
    button.disabled = false;
    results.removeAttribute('aria-busy');
  };

  button.addEventListener('click', (event) => {
    event.preventDefault();
    search();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      search();
    }
  });
})();
