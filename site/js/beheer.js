// The manage page, reached from the confirmation mail: view the registration, cancel it.
import { renderChrome, api, when, esc, problemNotice } from './site.js';

renderChrome();

const params = new URLSearchParams(location.search);
const id = params.get('registration') ?? '';
const token = params.get('token') ?? '';
const path = `/registrations/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`;
const details = document.getElementById('aanmelding');
const cancelArea = document.getElementById('annuleren');
const confirmBox = document.getElementById('bevestig');
const outcome = document.getElementById('uitkomst');

const STATUS = { confirmed: 'Aangemeld', waitlisted: 'Op de wachtlijst', cancelled: 'Geannuleerd' };

async function load() {
  const { ok, status, body } = await api('GET', path);
  if (!ok) {
    // The API says why a link is refused (not valid, expired, or signed with a retired key).
    details.innerHTML = status === 403 && !body?.detail
      ? problemNotice({ title: 'Deze link werkt niet', detail: 'Gebruik de link uit je bevestigingsmail; hij hoort bij één aanmelding.' })
      : problemNotice(body);
    return;
  }
  const event = body.event ?? {};
  const rows = [
    ['Activiteit', esc(event.title ?? '')],
    event.startsAt ? ['Wanneer', esc(when(event.startsAt, event.endsAt))] : null,
    // The online link is only given to confirmed registrations (the API leaves it out otherwise).
    ['Waar', event.online && event.onlineUrl
      ? `Online: <a href="${esc(event.onlineUrl)}">${esc(event.onlineUrl)}</a>`
      : esc(event.online ? 'Online' : event.location ?? '')],
    ['Status', `<span id="status">${esc(STATUS[body.status] ?? body.status)}</span>`],
    body.status === 'waitlisted' && body.waitlistPosition ? ['Plaats op de wachtlijst', esc(body.waitlistPosition)] : null,
    // A cancelled registration keeps no name or address: those rows then fall away.
    body.name ? ['Naam', esc(body.name)] : null,
    body.email ? ['E-mailadres', esc(body.email)] : null,
    body.organisation ? ['Organisatie', esc(body.organisation)] : null,
    body.municipality ? ['Gemeente', esc(body.municipality)] : null,
    ['Aantal plaatsen', esc(body.seats ?? 1)],
  ].filter(Boolean);
  details.innerHTML = `<dl class="details">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
  cancelArea.hidden = body.status === 'cancelled';
}

document.getElementById('annuleer').addEventListener('click', () => {
  confirmBox.hidden = false;
  document.getElementById('ja-annuleer').focus();
});
document.getElementById('nee').addEventListener('click', () => {
  confirmBox.hidden = true;
  document.getElementById('annuleer').focus();
});
document.getElementById('ja-annuleer').addEventListener('click', async () => {
  const { ok, body } = await api('DELETE', path);
  if (!ok) {
    outcome.innerHTML = problemNotice(body);
    return;
  }
  cancelArea.hidden = true;
  outcome.innerHTML = `<div class="notice ok"><h2 tabindex="-1" id="geannuleerd">Je aanmelding is geannuleerd</h2>
    <p>Jammer dat je niet kunt. Je ontvangt een bevestiging per mail. <a href="/">Bekijk andere activiteiten</a></p></div>`;
  await load();
  document.getElementById('geannuleerd').focus();
});

load();
