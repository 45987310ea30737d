// The entrant's page, reached from the prize mails: the entry's status, what the check found and
// the consent as agreed to; withdrawing deletes the vlog and the entry.
import { renderChrome, api, esc, problemNotice } from './site.js';

renderChrome('prijzen');

const params = new URLSearchParams(location.search);
const path = `/prizes/entries/${encodeURIComponent(params.get('entry') ?? '')}?token=${encodeURIComponent(params.get('token') ?? '')}`;
const details = document.getElementById('inzending');
const withdrawArea = document.getElementById('intrekken');
const confirmBox = document.getElementById('bevestig');
const outcome = document.getElementById('uitkomst');

const STATUS = { 'awaiting-upload': 'Wacht op je vlog', submitted: 'Ontvangen: doet mee', rejected: 'Niet aangenomen' };
const AGREED = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' });

async function load() {
  const { ok, body } = await api('GET', path);
  if (!ok) {
    details.innerHTML = problemNotice(body);
    return;
  }
  const video = body.video
    ? `${Math.round(body.video.durationSeconds)} seconden, ${body.video.width}×${body.video.height}` : null;
  const rows = [
    ['Status', `<span id="status">${esc(STATUS[body.status] ?? body.status)}</span>`],
    body.rejection ? ['Waarom', `${esc(body.rejection.message)} <a href="/vrijwilligersprijzen.html">Stuur je vlog opnieuw in</a>.`] : null,
    ['Titel', esc(body.title)],
    ['Initiatief', esc(body.initiative)],
    body.organisation ? ['Organisatie', esc(body.organisation)] : null,
    ['Gemeente', esc(body.municipality)],
    ['Contactpersoon', `${esc(body.contactName)} (${esc(body.email)})`],
    ['Bestand', esc(body.file.name)],
    video ? ['Video', esc(video)] : null,
    ['Toestemming', `Versie ${esc(body.consent.version)}, gegeven op ${esc(AGREED.format(new Date(body.consent.agreedAt)))}`
      + `${body.consent.minorsAppear ? '; met toestemming van ouders of voogden van de kinderen in de vlog' : ''}.`
      + `<br><span class="hint">${esc(body.consent.text)}</span>`],
  ].filter(Boolean);
  details.innerHTML = `<dl class="details">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
  withdrawArea.hidden = false;
}

document.getElementById('trek-in').addEventListener('click', () => {
  confirmBox.hidden = false;
  document.getElementById('ja-trek-in').focus();
});
document.getElementById('nee').addEventListener('click', () => {
  confirmBox.hidden = true;
  document.getElementById('trek-in').focus();
});
document.getElementById('ja-trek-in').addEventListener('click', async () => {
  const { ok, body } = await api('DELETE', path);
  if (!ok) {
    outcome.innerHTML = problemNotice(body);
    return;
  }
  withdrawArea.hidden = true;
  details.innerHTML = '';
  outcome.innerHTML = `<div class="notice ok"><h2 tabindex="-1" id="ingetrokken">Je inzending is ingetrokken</h2>
    <p>We hebben je vlog en je gegevens verwijderd. <a href="/vrijwilligersprijzen.html">Een nieuwe vlog insturen</a></p></div>`;
  document.getElementById('ingetrokken').focus();
});

load();
