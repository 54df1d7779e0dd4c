// What the pages do with JavaScript that is not an island: register the service worker (trips
// stay readable offline), keep forms from being sent without a connection (what was typed
// stays), and the copy buttons. Everything here is an extra: without it the pages work as
// they are.
'use strict';

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
  // A page for no one (signed out): nothing kept may outlive the session.
  if (document.documentElement.dataset.signedIn !== 'true') {
    navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage('forget')).catch(() => {});
  }
}

document.addEventListener(
  'submit',
  (event) => {
    if (navigator.onLine) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const form = event.target;
    let note = form.querySelector(':scope > .offline-form-note');
    if (!note) {
      note = document.createElement('p');
      note.className = 'form-alert offline-form-note';
      note.setAttribute('role', 'alert');
      form.prepend(note);
    }
    note.textContent =
      document.body.dataset.offlineNote ||
      'You’re offline. This needs a connection: what you typed stays here — send it again when you’re back online.';
  },
  true,
);

addEventListener('online', () => {
  for (const note of document.querySelectorAll('.offline-form-note')) note.remove();
});

for (const button of document.querySelectorAll('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const field = document.getElementById(button.dataset.copy);
    const status = document.querySelector(`[data-copied="${button.dataset.copy}"]`);
    try {
      await navigator.clipboard.writeText(field.value);
      if (status) status.textContent = button.dataset.copiedText || 'Copied.';
    } catch {
      field.select();
      if (status) status.textContent = button.dataset.selectedText || 'Selected: copy it with your device’s copy command.';
    }
  });
}
