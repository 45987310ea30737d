// Shared by every page: the header and footer, calls to the campaign API and Dutch formatting.
// A new page is an HTML file with the same skeleton, its own script and one entry in PAGES.

const PAGES = [
  { href: '/', label: 'Activiteiten', id: 'kalender' },
  { href: '/oproep.html', label: 'De Oproep', id: 'oproep' },
  { href: '/vrijwilligersprijzen.html', label: 'Vrijwilligersprijzen', id: 'prijzen' },
];

export const EVENT_TYPES = {
  'kennisboost': 'Kennisboostweken',
  'week-van-het-vragen': 'Week van het Vragen',
  'expeditie': 'Expeditie Nieuwe Gezichten',
};

/** Fills the page's header and footer; `current` is the id of the page in PAGES (if any). */
export function renderChrome(current) {
  const header = document.querySelector('[data-site-header]');
  header.innerHTML = `
    <div class="bar">
      <a class="brand" href="/">Mensen maken Nederland<small>Nationaal Jaar Vrijwillige Inzet</small></a>
      <nav aria-label="Hoofdmenu"><ul>${PAGES.map(p =>
        `<li><a href="${p.href}"${p.id === current ? ' aria-current="page"' : ''}>${p.label}</a></li>`).join('')}</ul></nav>
    </div>`;
  document.querySelector('[data-site-footer]').innerHTML =
    '<p>Een campagne van Vereniging NOV. Dit is de demo-omgeving: er worden geen echte mails verstuurd.</p>';
}

/**
 * Calls the API. Resolves to {ok, status, body}; a problem document (application/problem+json)
 * arrives as body with title, detail and maybe errors[{field, message}]. Network failures become
 * a problem too, so pages handle one shape.
 */
export async function api(method, path, { json, headers = {} } = {}) {
  const init = { method, headers: { accept: 'application/json', ...headers } };
  if (json !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(json);
  }
  try {
    const response = await fetch(path, init);
    const text = await response.text();
    let body = {};
    try { body = text ? JSON.parse(text) : {}; } catch { body = { title: 'Onverwacht antwoord', detail: text.slice(0, 200) }; }
    return { ok: response.ok, status: response.status, body };
  } catch {
    return { ok: false, status: 0, body: { title: 'Geen verbinding', detail: 'De server is niet bereikbaar. Probeer het zo opnieuw.' } };
  }
}

const DATE = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });

/** "dinsdag 12 januari 2027, 19.30 – 21.00 uur" in Amsterdam time. */
export function when(startsAt, endsAt) {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  return `${DATE.format(start)}, ${TIME.format(start)} – ${TIME.format(end)} uur`;
}

export function seatsText(event) {
  if (event.seatsLeft > 0) {
    return event.seatsLeft === 1 ? 'Nog 1 plek vrij' : `Nog ${event.seatsLeft} van ${event.capacity} plekken vrij`;
  }
  return event.waitlist ? 'Vol: je komt op de wachtlijst' : 'Vol';
}

/** Text into HTML, for values that come from the API. */
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** A problem document as a notice: its title and detail. */
export function problemNotice(problem) {
  return `<div class="notice problem" role="alert"><h2>${esc(problem.title || 'Er ging iets mis')}</h2>
    <p>${esc(problem.detail || 'Probeer het later opnieuw.')}</p></div>`;
}
