// Registration: the form, inline field errors from the API's problem document, and the outcome
// (confirmed, or waitlisted with a position).
import { renderChrome, api, when, seatsText, esc, problemNotice, EVENT_TYPES } from './site.js';
import { emailSuggestion } from './email-suggestion.js';

renderChrome();

const eventId = new URLSearchParams(location.search).get('activiteit') ?? '';
const summary = document.getElementById('activiteit');
const form = document.getElementById('aanmelden');
const errorSummary = document.getElementById('fouten');
const outcome = document.getElementById('uitkomst');
const FIELDS = ['name', 'email', 'organisation', 'municipality', 'seats', 'consent'];
const emailHolds = emailSuggestion(document.getElementById('email'), document.getElementById('email-suggestion'), 'Aanmelden');
// One key per filled-in form: a retry after a lost answer cannot register twice.
let idempotencyKey = crypto.randomUUID();
form.addEventListener('input', () => { idempotencyKey = crypto.randomUUID(); });

async function loadEvent() {
  const { ok, body } = await api('GET', `/events/${encodeURIComponent(eventId)}`);
  if (!ok) {
    summary.innerHTML = problemNotice(body);
    return;
  }
  document.title = `Aanmelden: ${body.title} · Mensen maken Nederland`;
  summary.innerHTML = `<p><span class="badge">${esc(EVENT_TYPES[body.type] ?? body.type)}</span></p>
    <h2 id="activiteit-titel">${esc(body.title)}</h2>
    <p>${esc(when(body.startsAt, body.endsAt))} · ${esc(body.online ? 'Online' : body.location ?? '')}</p>
    <p class="seats${body.seatsLeft === 0 ? ' full' : ''}">${esc(seatsText(body))}</p>`;
  if (!body.registrationOpen) {
    summary.insertAdjacentHTML('beforeend', '<p class="notice">Aanmelden voor deze activiteit is gesloten.</p>');
    return;
  }
  if (body.maxSeatsPerRegistration > 1) {
    document.getElementById('seats-field').hidden = false;
    document.getElementById('seats').max = body.maxSeatsPerRegistration;
    document.getElementById('seats-hint').textContent =
      `Meld je met je organisatie aan: maximaal ${body.maxSeatsPerRegistration} plaatsen.`;
  }
  form.setAttribute('aria-labelledby', 'activiteit-titel');
  form.hidden = false;
}

form.addEventListener('submit', async e => {
  e.preventDefault();
  clearErrors();
  if (emailHolds()) return;
  const data = new FormData(form);
  const registration = {
    name: data.get('name').trim(),
    email: data.get('email').trim(),
    consent: document.getElementById('consent').checked,
  };
  for (const optional of ['organisation', 'municipality']) {
    if (data.get(optional).trim()) registration[optional] = data.get(optional).trim();
  }
  if (!document.getElementById('seats-field').hidden) registration.seats = Number(data.get('seats'));

  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  button.textContent = 'Bezig met aanmelden…';
  const { ok, status, body } = await api('POST', `/events/${encodeURIComponent(eventId)}/registrations`,
    { json: registration, headers: { 'idempotency-key': idempotencyKey } });
  button.disabled = false;
  button.textContent = 'Aanmelden';

  if (ok) {
    showOutcome(body, registration.email);
  } else if (status === 422 && Array.isArray(body.errors)) {
    showFieldErrors(body);
  } else {
    errorSummary.innerHTML = `<h2>${esc(body.title || 'Er ging iets mis')}</h2><p>${esc(body.detail || '')}</p>`;
    errorSummary.hidden = false;
    errorSummary.focus();
  }
});

function clearErrors() {
  errorSummary.hidden = true;
  errorSummary.innerHTML = '';
  for (const field of FIELDS) {
    document.getElementById(`${field}-error`).textContent = '';
    document.getElementById(field).removeAttribute('aria-invalid');
  }
}

/** Each error next to its field, and a summary on top linking to them (focus moves there). */
function showFieldErrors(problem) {
  const items = [];
  for (const { field, message } of problem.errors) {
    const input = document.getElementById(field);
    if (input && FIELDS.includes(field)) {
      document.getElementById(`${field}-error`).textContent = message;
      input.setAttribute('aria-invalid', 'true');
      items.push(`<li><a href="#${field}">${esc(message)}</a></li>`);
    } else {
      items.push(`<li>${esc(message)}</li>`);
    }
  }
  errorSummary.innerHTML = `<h2>${esc(problem.title || 'Controleer je gegevens')}</h2><ul>${items.join('')}</ul>`;
  errorSummary.hidden = false;
  errorSummary.focus();
}

function showOutcome(result, email) {
  form.hidden = true;
  const seats = result.seats > 1 ? ` voor ${result.seats} personen` : '';
  const heading = result.status === 'waitlisted' ? 'Je staat op de wachtlijst' : 'Je bent aangemeld!';
  // The place in line can be missing when it could not be read just then; the manage link shows it.
  const place = result.waitlistPosition
    ? `Je bent nummer <strong id="wachtlijstpositie">${esc(result.waitlistPosition)}</strong> op de wachtlijst${seats}.`
    : `Je staat op de wachtlijst${seats}.`;
  const position = result.status === 'waitlisted'
    ? `<p>${place}
       Komt er een plek vrij, dan schuif je automatisch door en krijg je een mail.</p>`
    : `<p>Je plek${seats} is gereserveerd.</p>`;
  const manage = result.manageUrl
    ? `<p><a href="${esc(result.manageUrl)}">Bekijk of annuleer je aanmelding</a></p>` : '';
  outcome.innerHTML = `<section class="notice ok" data-status="${esc(result.status)}" aria-labelledby="uitkomst-titel">
      <h2 id="uitkomst-titel" tabindex="-1">${heading}</h2>
      ${position}
      <p>We sturen een bevestiging naar <strong>${esc(email)}</strong>, met een link om je aanmelding te bekijken of te annuleren.</p>
      ${manage}
    </section>`;
  document.getElementById('uitkomst-titel').focus();
}

loadEvent();
