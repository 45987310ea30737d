// The event calendar: upcoming events with seats left, filtered per type (?type= in the address).
import { renderChrome, api, when, seatsText, esc, problemNotice, EVENT_TYPES } from './site.js';

renderChrome('kalender');

const select = document.getElementById('type');
const list = document.getElementById('activiteiten');
const status = document.getElementById('resultaat');

for (const [slug, label] of Object.entries(EVENT_TYPES)) {
  select.add(new Option(label, slug));
}
select.value = new URLSearchParams(location.search).get('type') ?? '';

select.addEventListener('change', () => {
  const url = new URL(location);
  if (select.value) url.searchParams.set('type', select.value); else url.searchParams.delete('type');
  history.replaceState(null, '', url);
  load();
});
document.querySelector('form.filter').addEventListener('submit', e => { e.preventDefault(); load(); });

async function load() {
  status.textContent = 'Activiteiten laden…';
  const query = select.value ? `?type=${encodeURIComponent(select.value)}` : '';
  const { ok, body } = await api('GET', `/events${query}`);
  if (!ok) {
    list.innerHTML = '';
    status.innerHTML = problemNotice(body);
    return;
  }
  list.innerHTML = body.events.map(card).join('');
  const n = body.events.length;
  status.textContent = n === 0 ? 'Er zijn geen activiteiten van deze soort gepland.'
    : n === 1 ? '1 activiteit gevonden.' : `${n} activiteiten gevonden.`;
}

function card(event) {
  const full = event.seatsLeft === 0;
  const action = !event.registrationOpen
    ? '<p>Aanmelden is gesloten.</p>'
    : full && !event.waitlist
      ? '<p>Deze activiteit is vol.</p>'
      : `<a class="button" href="/aanmelden.html?activiteit=${encodeURIComponent(event.id)}">${full ? 'Op de wachtlijst' : 'Aanmelden'}<span class="visually-hidden"> voor ${esc(event.title)}</span></a>`;
  return `<li class="event" data-event-id="${esc(event.id)}">
    <p><span class="badge">${esc(EVENT_TYPES[event.type] ?? event.type)}</span></p>
    <h2>${esc(event.title)}</h2>
    <p class="when"><time datetime="${esc(event.startsAt)}">${esc(when(event.startsAt, event.endsAt))}</time></p>
    <p class="where">${esc(event.online ? 'Online' : event.location ?? '')}</p>
    <p class="seats${full ? ' full' : ''}">${esc(seatsText(event))}</p>
    ${event.description ? `<p>${esc(event.description)}</p>` : ''}
    <div class="actions">${action}</div>
  </li>`;
}

load();
