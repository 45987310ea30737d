// Events for admins: every event (past and closed ones too) with filters, a form to create or
// change one that shows what a new capacity does to the waiting line before saving, and the
// registrations per event with a search and a CSV download.
// #/activiteiten, #/activiteiten/nieuw, #/activiteiten/<id>, #/activiteiten/<id>/aanmeldingen
import { esc, EVENT_TYPES } from '/js/site.js';

const PHASES = { upcoming: 'Nog niet begonnen', running: 'Bezig', past: 'Afgelopen' };
const STATUSES = { confirmed: 'Bevestigd', waitlisted: 'Wachtlijst', cancelled: 'Geannuleerd' };
const ZONE = 'Europe/Amsterdam';
const SHOWN = new Intl.DateTimeFormat('nl-NL', { timeZone: ZONE, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const PARTS = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** An instant as the value of a datetime-local field, in Amsterdam time ("2027-01-12T19:30"). */
function toLocalInput(iso) {
  if (!iso) return '';
  const p = Object.fromEntries(PARTS.formatToParts(new Date(iso)).map(part => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** A datetime-local value read as Amsterdam time, as the API's UTC instant; null when empty. */
function fromLocalInput(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return value ? value : null;
  const wall = Date.UTC(match[1], match[2] - 1, match[3], match[4], match[5]);
  // The zone's offset at that moment: applied twice so that a guess across a clock change settles.
  let instant = wall;
  for (let i = 0; i < 2; i++) {
    instant = wall - (Date.parse(`${toLocalInput(new Date(instant).toISOString())}:00Z`) - instant);
  }
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}

/** The last save, shown once above the list it returns to, with how many moved up from the waiting line. */
let saved = null;

function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

function typeOptions(selected, any) {
  return (any ? `<option value="">${esc(any)}</option>` : '')
    + Object.entries(EVENT_TYPES).map(([slug, label]) =>
      `<option value="${esc(slug)}"${slug === selected ? ' selected' : ''}>${esc(label)}</option>`).join('');
}

function waitingText(event) {
  if (!event.waitlist) return 'Uit';
  return event.waiting ? `${plural(event.waiting, 'aanmelder', 'aanmelders')} (${plural(event.waitingSeats, 'plaats', 'plaatsen')})` : 'Niemand';
}

async function renderList(main, ctx) {
  main.innerHTML = `<h1>Activiteiten</h1>
    <p class="lead">Alle activiteiten, ook afgelopen en gesloten, met plaatsen en wachtlijst. Kies een titel om de activiteit te wijzigen.</p>
    <p><a class="button" href="#/activiteiten/nieuw">Nieuwe activiteit</a></p>
    <form class="toolbar" id="filters" role="search" aria-label="Activiteiten filteren">
      <div class="field"><label for="filter-type">Type</label>
        <select id="filter-type" name="type">${typeOptions('', 'Alle types')}</select></div>
      <div class="field"><label for="filter-when">Fase</label>
        <select id="filter-when" name="when"><option value="">Alle fases</option>${Object.entries(PHASES).map(([slug, label]) =>
          `<option value="${slug}">${esc(label)}</option>`).join('')}</select></div>
    </form>
    <div id="resultaat" aria-live="polite"></div>`;
  const filters = main.querySelector('#filters');
  const result = main.querySelector('#resultaat');
  let latest = 0;
  const load = async () => {
    const query = new URLSearchParams([...new FormData(filters)].filter(([, value]) => value));
    const chosen = [...filters.querySelectorAll('select')].filter(select => select.value)
      .map(select => select.selectedOptions[0].textContent.toLowerCase());
    const asked = ++latest;
    const { ok, body } = await ctx.api('GET', `/admin/events${query.size ? `?${query}` : ''}`);
    if (asked !== latest) {
      return; // a newer choice of filters is on its way
    }
    if (!ok) {
      result.innerHTML = ctx.problemHtml(body);
      return;
    }
    const events = body.events ?? [];
    result.innerHTML = `<p role="status" id="aantal">${plural(events.length, 'activiteit', 'activiteiten')}${chosen.length ? ` (${esc(chosen.join(', '))})` : ''}</p>
      ${events.length ? `<div class="table-wrap" tabindex="0" role="region" aria-label="Tabel activiteiten (schuift opzij)"><table class="data" id="activiteiten">
        <caption>Activiteiten, op begintijd</caption>
        <thead><tr><th scope="col">Activiteit</th><th scope="col">Type</th><th scope="col">Begint</th><th scope="col">Fase</th>
          <th scope="col" class="number">Bezet / capaciteit</th><th scope="col" class="number">Vrij</th><th scope="col">Wachtlijst</th>
          <th scope="col">Aanmelden</th></tr></thead>
        <tbody>${events.map(event => `<tr data-id="${esc(event.id)}" data-waiting="${esc(event.waiting)}">
          <th scope="row"><a href="#/activiteiten/${encodeURIComponent(event.id)}">${esc(event.title)}</a><br><small>${esc(event.id)}</small><br>
            <a href="#/activiteiten/${encodeURIComponent(event.id)}/aanmeldingen" aria-label="${esc(`Aanmeldingen: ${event.title}`)}">Aanmeldingen</a></th>
          <td>${esc(EVENT_TYPES[event.type] ?? event.type)}</td>
          <td>${esc(SHOWN.format(new Date(event.startsAt)))}</td>
          <td>${esc(PHASES[event.phase] ?? event.phase)}</td>
          <td class="number">${esc(event.confirmedSeats)} / ${esc(event.capacity)}</td>
          <td class="number">${esc(event.seatsLeft)}</td>
          <td>${esc(waitingText(event))}</td>
          <td>${event.registrationOpen ? 'Open' : 'Gesloten'}</td>
        </tr>`).join('')}</tbody></table></div>` : '<p>Geen activiteiten met deze filters.</p>'}`;
  };
  filters.addEventListener('change', load);
  filters.addEventListener('submit', event => { event.preventDefault(); load(); });
  await load();
}

function field(name, label, input, hint) {
  return `<div class="field"><label for="${name}">${label}</label>
    ${hint ? `<p class="hint" id="${name}-hint">${hint}</p>` : ''}${input}
    <p class="field-error" id="${name}-error"></p></div>`;
}

function describedBy(name, hint) {
  return `aria-describedby="${hint ? `${name}-hint ` : ''}${name}-error"`;
}

function text(name, label, value, { hint, type = 'text', extra = '' } = {}) {
  return field(name, label, `<input type="${type}" id="${name}" name="${name}" value="${esc(value ?? '')}" ${describedBy(name, hint)} ${extra}>`, hint);
}

function checkbox(name, label, checked) {
  return `<div class="field check"><input type="checkbox" id="${name}" name="${name}"${checked ? ' checked' : ''} aria-describedby="${name}-error">
    <label for="${name}">${label}</label></div><p class="field-error" id="${name}-error"></p>`;
}

function eventForm(event, creating) {
  const amsterdam = 'Nederlandse tijd.';
  return `<form id="activiteit" class="stacked" novalidate>
    ${creating ? text('id', 'Code', '', { hint: 'Kleine letters, cijfers en streepjes, zoals kb-2027-01-12-vrijwilligers-werven. Ligt vast na opslaan.' }) : ''}
    ${field('type', 'Type', `<select id="type" name="type" ${describedBy('type')}>${typeOptions(event.type, creating ? 'Kies een type' : '')}</select>`)}
    ${text('title', 'Titel', event.title)}
    ${field('description', 'Beschrijving (optioneel)', `<textarea id="description" name="description" rows="4" ${describedBy('description')}>${esc(event.description ?? '')}</textarea>`)}
    ${text('startsAt', 'Begint', toLocalInput(event.startsAt), { type: 'datetime-local', hint: amsterdam })}
    ${text('endsAt', 'Eindigt', toLocalInput(event.endsAt), { type: 'datetime-local', hint: amsterdam })}
    ${text('location', 'Locatie', event.location, { hint: 'Mag leeg bij een online activiteit.' })}
    ${checkbox('online', 'Online activiteit', event.online)}
    ${text('onlineUrl', 'Link naar de online sessie (optioneel)', event.onlineUrl, { type: 'url', hint: 'Alleen bevestigde aanmelders zien deze link.' })}
    ${text('capacity', 'Capaciteit (plaatsen)', event.capacity, { type: 'number', extra: 'min="1" inputmode="numeric"' })}
    ${creating ? '' : '<div id="capaciteit-gevolg" role="status" aria-live="polite"></div>'}
    ${text('maxSeatsPerRegistration', 'Maximaal aantal plaatsen per aanmelding', event.maxSeatsPerRegistration ?? 1, { type: 'number', extra: 'min="1" inputmode="numeric"' })}
    ${checkbox('waitlist', 'Wachtlijst als de activiteit vol is', event.waitlist)}
    ${text('registrationClosesAt', 'Aanmelding sluit (optioneel)', toLocalInput(event.registrationClosesAt), { type: 'datetime-local', hint: 'Nederlandse tijd. Leeg: bij het begin.' })}
    <div id="formulier-probleem"></div>
    <p><button type="submit">${creating ? 'Activiteit aanmaken' : 'Wijzigingen opslaan'}</button>
      <a class="button secondary" href="#/activiteiten">Annuleren</a></p>
  </form>`;
}

/** The form as the API takes it: numbers as numbers, times in UTC, empty optional fields left out. */
function formJson(form, creating) {
  const value = name => form.elements.namedItem(name).value.trim();
  const number = name => (value(name) === '' ? null : Number(value(name)));
  const json = {
    type: value('type'), title: value('title'), description: value('description') || null,
    startsAt: fromLocalInput(value('startsAt')), endsAt: fromLocalInput(value('endsAt')),
    location: value('location') || null, online: form.elements.namedItem('online').checked,
    onlineUrl: value('onlineUrl') || null, capacity: number('capacity'),
    maxSeatsPerRegistration: number('maxSeatsPerRegistration') ?? 1,
    waitlist: form.elements.namedItem('waitlist').checked,
    registrationClosesAt: fromLocalInput(value('registrationClosesAt')),
  };
  return creating ? { id: value('id'), ...json } : json;
}

/**
 * What a capacity change does, from the event's waiting line (GET /admin/events/{id}); the API
 * stays the authority. Below the confirmed seats it refuses as PUT does, with PUT's words.
 */
function capacityEffect(event, capacity) {
  if (!Number.isInteger(capacity)) return {};
  // Below one seat the API's field message says what is allowed; above it, the confirmed seats are the floor.
  if (capacity >= 1 && capacity < event.minimumCapacity) {
    return { refusal: `Er zijn al ${event.minimumCapacity} plaatsen bevestigd; de capaciteit kan niet lager worden. Annuleer eerst aanmeldingen.` };
  }
  const line = event.waitingLine ?? [];
  if (!line.length) return {};
  const moving = line.filter(turn => turn.promotedFromCapacity <= capacity);
  const staying = line.length - moving.length;
  const seats = turns => turns.reduce((sum, turn) => sum + turn.seats, 0);
  const moved = moving.length
    ? `Met capaciteit ${capacity} schuiven ${plural(moving.length, 'aanmelder', 'aanmelders')} (${plural(seats(moving), 'plaats', 'plaatsen')}) door van de wachtlijst`
    : `Met capaciteit ${capacity} schuift niemand door van de wachtlijst`;
  const next = line[moving.length];
  const rest = staying
    ? `; ${plural(staying, 'aanmelder blijft', 'aanmelders blijven')} wachten (de volgende past vanaf capaciteit ${next.promotedFromCapacity}).`
    : '; de wachtlijst is dan leeg.';
  return { text: moved + rest };
}

async function renderForm(main, ctx, id) {
  const creating = id === undefined;
  let event = { waitlist: true, maxSeatsPerRegistration: 1 };
  if (!creating) {
    const { ok, body } = await ctx.api('GET', `/admin/events/${encodeURIComponent(id)}`);
    if (!ok) {
      main.innerHTML = `<h1>Activiteit bewerken</h1>${ctx.problemHtml(body)}<p><a href="#/activiteiten">Terug naar de activiteiten</a></p>`;
      return;
    }
    event = body;
  }
  main.innerHTML = `<p><a href="#/activiteiten">← Alle activiteiten</a></p>
    <h1>${creating ? 'Nieuwe activiteit' : `Bewerken: ${esc(event.title)}`}</h1>
    ${creating ? '' : `<p>${esc(event.confirmedSeats)} van ${esc(event.capacity)} plaatsen bevestigd; op de wachtlijst: ${esc(waitingText(event).toLowerCase())}.
      <a href="#/activiteiten/${encodeURIComponent(id)}/aanmeldingen">Aanmeldingen bekijken</a></p>`}
    ${eventForm(event, creating)}`;
  const form = main.querySelector('#activiteit');
  const problem = main.querySelector('#formulier-probleem');
  const capacity = form.elements.namedItem('capacity');
  const capacityError = main.querySelector('#capacity-error');
  const typedCapacity = () => (capacity.value === '' ? NaN : Number(capacity.value));
  // The client-side refusals: the same words PUT answers with.
  const refusals = () => {
    const errors = [];
    if (creating) return errors;
    const effect = capacityEffect(event, typedCapacity());
    if (effect.refusal) errors.push({ field: 'capacity', message: effect.refusal });
    if (event.waitlistRequired && !form.elements.namedItem('waitlist').checked) {
      errors.push({ field: 'waitlist', message: `Er staan ${event.waiting} mensen op de wachtlijst; die kan nu niet uit.` });
    }
    return errors;
  };
  if (!creating) {
    const effectArea = main.querySelector('#capaciteit-gevolg');
    const showEffect = () => {
      const effect = capacityEffect(event, typedCapacity());
      effectArea.innerHTML = effect.text ? `<p class="notice" id="doorschuiven">${esc(effect.text)}</p>` : '';
      capacityError.textContent = effect.refusal ?? '';
      if (!refusals().length) problem.innerHTML = '';
      if (effect.refusal) capacity.setAttribute('aria-invalid', 'true'); else capacity.removeAttribute('aria-invalid');
    };
    capacity.addEventListener('input', showEffect);
  }
  form.addEventListener('submit', async submitted => {
    submitted.preventDefault();
    const refused = refusals();
    if (refused.length) {
      ctx.showFieldErrors(form, { errors: refused });
      problem.innerHTML = ctx.problemHtml({ title: 'Nog niet opgeslagen', detail: 'Pas de velden met een melding aan.' });
      form.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    const path = creating ? '/admin/events' : `/admin/events/${encodeURIComponent(id)}`;
    const { ok, body } = await ctx.api(creating ? 'POST' : 'PUT', path, { json: formJson(form, creating) });
    if (!ok) {
      const unplaced = ctx.showFieldErrors(form, body);
      problem.innerHTML = ctx.problemHtml({ ...body, errors: unplaced.map(message => ({ message })) });
      form.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    ctx.showFieldErrors(form, {});
    saved = { id: body.id, title: body.title, created: creating, waitingBefore: event.waiting ?? 0 };
    location.hash = '#/activiteiten';
  });
}

function searchable(row) {
  return [row.name, row.email, row.organisation, row.municipality, row.registrationId].filter(Boolean).join(' ').toLowerCase();
}

async function renderRegistrations(main, ctx, id) {
  const path = `/admin/events/${encodeURIComponent(id)}/registrations`;
  const [{ ok, body }, event] = await Promise.all([ctx.api('GET', path), ctx.api('GET', `/admin/events/${encodeURIComponent(id)}`)]);
  const title = event.ok ? event.body.title : id;
  if (!ok) {
    main.innerHTML = `<h1>Aanmeldingen</h1>${ctx.problemHtml(body)}<p><a href="#/activiteiten">Terug naar de activiteiten</a></p>`;
    return;
  }
  const rows = body.registrations ?? [];
  main.innerHTML = `<p><a href="#/activiteiten">← Alle activiteiten</a></p>
    <h1>Aanmeldingen: ${esc(title)}</h1>
    <div class="toolbar">
      <form role="search" id="zoeken" aria-label="Aanmeldingen doorzoeken"><div class="field">
        <label for="zoek">Zoek op naam, e-mail, organisatie of gemeente</label>
        <input type="search" id="zoek" name="zoek" autocomplete="off"></div></form>
      <button type="button" id="csv">Download als CSV (Excel)</button>
    </div>
    <div id="csv-uitkomst" aria-live="polite"></div>
    <p role="status" id="aantal"></p>
    <div class="table-wrap" tabindex="0" role="region" aria-label="Tabel aanmeldingen (schuift opzij)"><table class="data" id="aanmeldingen">
      <caption>Aanmeldingen voor ${esc(title)}</caption>
      <thead><tr><th scope="col">Naam</th><th scope="col">E-mail</th><th scope="col">Organisatie</th><th scope="col">Gemeente</th>
        <th scope="col">Status</th><th scope="col" class="number">Plaatsen</th><th scope="col" class="number">Wachtlijstplek</th>
        <th scope="col">Aangemeld</th><th scope="col">Mailprobleem</th></tr></thead>
      <tbody></tbody></table></div>`;
  const search = main.querySelector('#zoek');
  const tbody = main.querySelector('#aanmeldingen tbody');
  const count = main.querySelector('#aantal');
  const show = () => {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const found = rows.filter(row => words.every(word => searchable(row).includes(word)));
    tbody.innerHTML = found.map(row => `<tr>
      <th scope="row">${esc(row.name ?? '(verwijderd)')}</th><td>${esc(row.email ?? '')}</td><td>${esc(row.organisation ?? '')}</td>
      <td>${esc(row.municipality ?? '')}</td><td>${esc(STATUSES[row.status] ?? row.status)}</td>
      <td class="number">${esc(row.seats)}</td><td class="number">${esc(row.waitlistPosition ?? '')}</td>
      <td>${esc(SHOWN.format(new Date(row.createdAt)))}</td><td>${esc(row.mailProblem?.text ?? '')}</td></tr>`).join('');
    count.textContent = words.length
      ? `${found.length} van ${plural(rows.length, 'aanmelding', 'aanmeldingen')} gevonden`
      : plural(rows.length, 'aanmelding', 'aanmeldingen');
  };
  search.addEventListener('input', show);
  main.querySelector('#zoeken').addEventListener('submit', submitted => submitted.preventDefault());
  main.querySelector('#csv').addEventListener('click', async () => {
    const outcome = main.querySelector('#csv-uitkomst');
    const downloaded = await ctx.downloadCsv(path, `aanmeldingen-${id}.csv`);
    outcome.innerHTML = downloaded.ok ? '<p class="notice ok">Het CSV-bestand is gedownload.</p>' : ctx.problemHtml(downloaded.body);
  });
  show();
}

export default {
  path: 'activiteiten',
  title: 'Activiteiten',
  summary: 'activiteiten aanmaken en wijzigen, de wachtlijst en wie er komt',
  groups: ['admins'],
  async render(main, ctx) {
    const [id, sub] = ctx.params;
    if (id === 'nieuw') {
      await renderForm(main, ctx);
    } else if (id && sub === 'aanmeldingen') {
      await renderRegistrations(main, ctx, id);
    } else if (id) {
      await renderForm(main, ctx, id);
    } else {
      const notice = saved;
      saved = null;
      await renderList(main, ctx);
      if (notice) {
        const row = main.querySelector(`tr[data-id="${CSS.escape(notice.id)}"]`);
        const movedUp = row ? notice.waitingBefore - Number(row.dataset.waiting) : 0;
        const moved = movedUp > 0 ? ` ${plural(movedUp, 'aanmelder is', 'aanmelders zijn')} van de wachtlijst doorgeschoven.` : '';
        main.querySelector('h1').insertAdjacentHTML('afterend', `<div class="notice ok" role="status" id="opgeslagen">
          <p>${esc(notice.title)} is ${notice.created ? 'aangemaakt' : 'opgeslagen'}.${esc(moved)}</p></div>`);
      }
    }
  },
};
