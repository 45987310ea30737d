// Calls to the campaign API as the signed-in person: the ID token as bearer, answers in one shape
// ({ok, status, body}), and what the API refused as Dutch text on the page, never a raw status.
import { current, endSession } from './auth.js';
import { esc } from '/js/site.js';

const listeners = [];

/** Called when the session is over (expired here, or the API answered 401): the app shows the way back in. */
export function onSessionEnd(listener) {
  listeners.push(listener);
}

function sessionEnded() {
  endSession();
  listeners.forEach(listener => listener());
  return { ok: false, status: 401, body: { title: 'Je sessie is verlopen', detail: 'Log opnieuw in om verder te gaan.' } };
}

async function send(method, path, { json, accept }) {
  const signedIn = current();
  if (!signedIn) {
    return { response: null, ended: sessionEnded() };
  }
  const init = { method, headers: { accept, authorization: `Bearer ${signedIn.idToken}` } };
  if (json !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(json);
  }
  try {
    const response = await fetch(path, init);
    return response.status === 401 ? { response: null, ended: sessionEnded() } : { response };
  } catch {
    return { response: null, ended: { ok: false, status: 0, body: { title: 'Geen verbinding', detail: 'De server is niet bereikbaar. Probeer het zo opnieuw.' } } };
  }
}

/** JSON in, JSON out. A problem document (application/problem+json) arrives as body. */
export async function adminApi(method, path, { json } = {}) {
  const { response, ended } = await send(method, path, { json, accept: 'application/json' });
  if (!response) {
    return ended;
  }
  const text = await response.text();
  let body = {};
  try { body = text ? JSON.parse(text) : {}; } catch { body = { title: 'Onverwacht antwoord', detail: 'De server gaf een antwoord dat deze pagina niet kan lezen.' }; }
  if (response.status === 403 && !body.title) {
    body = { title: 'Geen toegang', detail: 'Je account hoort niet bij de groep die dit mag.' };
  }
  return { ok: response.ok, status: response.status, body };
}

/** Fetches a CSV export as the signed-in person and saves it under `filename`. */
export async function downloadCsv(path, filename) {
  const { response, ended } = await send('GET', path, { accept: 'text/csv' });
  if (!response) {
    return ended;
  }
  if (!response.ok) {
    return { ok: false, status: response.status, body: await response.json().catch(() => ({})) };
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return { ok: true, status: response.status, body: {} };
}

/** A problem document as an alert: its title, detail and the field messages. */
export function problemHtml(problem = {}) {
  const fields = Array.isArray(problem.errors) && problem.errors.length
    ? `<ul>${problem.errors.map(e => `<li>${esc(e.message)}</li>`).join('')}</ul>` : '';
  return `<div class="notice problem" role="alert"><h2>${esc(problem.title || 'Er ging iets mis')}</h2>
    <p>${esc(problem.detail || 'Probeer het later opnieuw.')}</p>${fields}</div>`;
}

/**
 * Puts a problem's field messages beside the form's fields: an element with id `<field>-error`
 * gets the message and its input `aria-invalid`. Returns the messages no field took.
 */
export function showFieldErrors(form, problem = {}) {
  form.querySelectorAll('[aria-invalid="true"]').forEach(input => input.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach(p => { p.textContent = ''; });
  const unplaced = [];
  for (const { field, message } of problem.errors ?? []) {
    const slot = form.querySelector(`#${CSS.escape(field)}-error`);
    const input = form.elements.namedItem(field);
    if (slot) {
      slot.textContent = message;
      if (input && 'setAttribute' in input) input.setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push(message);
    }
  }
  return unplaced;
}
