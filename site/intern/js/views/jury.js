// The jury's view: the entries before the jury (#/jury), and an entry's page (#/jury/<entryId>)
// with its vlog, its texts and the score form. A juror sees the others' scores only once their
// own is in: the API holds them back until then, and the page shows what it is given.
import { esc } from '/js/site.js';
import { GEMEENTEN } from '/js/gemeenten.js';
import { STATUSES, decimal, moment, statusLabel } from '../prizes.js';

/** The list's filter, kept while one moves between the list and an entry. */
const filter = { status: '', municipality: '' };
/** Which request for the list is the latest: only its answer is shown, not a slower earlier one's. */
let latest = 0;

export default {
  path: 'jury',
  title: 'Jury',
  summary: 'de vlogs voor de Vrijwilligersprijzen bekijken en scoren',
  groups: ['jury', 'admins'],
  async render(main, ctx) {
    await (ctx.params[0] ? renderEntry(main, ctx, ctx.params[0]) : renderList(main, ctx));
  },
};

/** Jurors score; admins look on (the API lets only the group jury score, and shows admins every score). */
function isJuror(caller) {
  return caller.groups.includes('jury');
}

async function renderList(main, ctx) {
  const juror = isJuror(ctx.caller);
  main.innerHTML = `<h1>Jury</h1>
    <p class="lead">${juror
      ? 'De vlogs voor de Nationale Vrijwilligersprijzen, de oudste eerst. Open een inzending om de vlog te bekijken en te scoren.'
      : 'De vlogs die bij de jury liggen, de oudste eerst. Beheerders kijken mee; scoren doet de jury.'}</p>
    <form class="toolbar" id="filter" role="search" aria-label="Inzendingen filteren">
      <div class="field"><label for="status">Status</label>
        <select id="status" name="status"><option value="">Alle</option>${Object.entries(STATUSES).map(([code, label]) =>
          `<option value="${esc(code)}"${code === filter.status ? ' selected' : ''}>${esc(label)}</option>`).join('')}</select></div>
      <div class="field"><label for="municipality">Gemeente</label>
        <input type="text" id="municipality" name="municipality" list="gemeenten" autocomplete="off" value="${esc(filter.municipality)}"></div>
      <datalist id="gemeenten">${GEMEENTEN.map(name => `<option value="${esc(name)}">`).join('')}</datalist>
      <button type="submit">Filteren</button>
    </form>
    <div id="inzendingen"></div>`;
  const form = main.querySelector('#filter');
  const list = main.querySelector('#inzendingen');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    filter.status = form.elements.status.value;
    filter.municipality = form.elements.municipality.value.trim();
    await showEntries(list, ctx, juror);
  });
  await showEntries(list, ctx, juror);
}

async function showEntries(list, ctx, juror) {
  const query = new URLSearchParams(Object.entries(filter).filter(([, value]) => value));
  list.innerHTML = '<p>Laden…</p>';
  const asked = ++latest;
  const answer = await ctx.api('GET', `/jury/entries${query.size ? `?${query}` : ''}`);
  if (asked !== latest) {
    return;
  }
  if (!answer.ok) {
    list.innerHTML = ctx.problemHtml(answer.body);
    return;
  }
  const entries = answer.body.entries;
  const toScore = entries.filter(entry => !entry.scoredByYou).length;
  const count = entries.length === 1 ? '1 inzending' : `${entries.length} inzendingen`;
  list.innerHTML = `<p id="resultaat" role="status">${entries.length ? count : 'Geen inzendingen gevonden'}${juror && entries.length
      ? `, waarvan ${toScore} nog niet door jou gescoord` : ''}.</p>
    ${entries.length ? `<div class="table-wrap" tabindex="0" role="region" aria-labelledby="inzendingen-bijschrift"><table class="data" id="inzendingen-tabel">
      <caption id="inzendingen-bijschrift">Inzendingen bij de jury</caption>
      <thead><tr><th scope="col">Titel</th><th scope="col">Initiatief</th><th scope="col">Gemeente</th>
        <th scope="col" class="number">Duur</th><th scope="col">Ingezonden</th><th scope="col">Status</th>
        ${juror ? '<th scope="col">Door jou gescoord</th>' : ''}</tr></thead>
      <tbody>${entries.map(entry => `<tr data-entry="${esc(entry.entryId)}">
        <th scope="row"><a href="#/jury/${encodeURIComponent(entry.entryId)}">${esc(entry.title)}</a></th>
        <td>${esc(entry.initiative)}${entry.organisation ? `<br><span class="muted">${esc(entry.organisation)}</span>` : ''}</td>
        <td>${esc(entry.municipality)}</td>
        <td class="number">${entry.video ? duration(entry.video.durationSeconds) : ''}</td>
        <td>${esc(moment(entry.createdAt))}</td>
        <td>${esc(statusLabel(entry.status))}</td>
        ${juror ? `<td class="scored">${entry.scoredByYou ? '<span class="badge">Gescoord</span>' : 'Nog niet'}</td>` : ''}
      </tr>`).join('')}</tbody></table></div>` : ''}`;
}

async function renderEntry(main, ctx, entryId) {
  const path = `/jury/entries/${encodeURIComponent(entryId)}`;
  const answer = await ctx.api('GET', path);
  if (!answer.ok) {
    // After a 401 the app's "session expired" page stands in main: leave it.
    if (answer.status !== 401) {
      main.innerHTML = `<p class="back"><a href="#/jury">Alle inzendingen</a></p><h1>Inzending</h1>${ctx.problemHtml(answer.body)}`;
    }
    return;
  }
  const entry = answer.body;
  main.innerHTML = `<p class="back"><a href="#/jury">Alle inzendingen</a></p>
    <h1>${esc(entry.title)}</h1>
    <div class="jury-entry">
      <div>
        <section class="vlog" aria-labelledby="vlog-kop">
          <h2 id="vlog-kop">De vlog</h2>
          <video id="vlog" controls preload="metadata" src="${esc(entry.watchUrl)}" aria-describedby="over-de-vlog">
            <p>Je browser speelt deze video hier niet af. <a href="${esc(entry.watchUrl)}">Open de vlog</a> (de link werkt ${esc(entry.watchMinutes)} minuten).</p>
          </video>
          ${entry.video ? `<p class="hint">Duur ${duration(entry.video.durationSeconds)}, beeld ${esc(entry.video.width)}×${esc(entry.video.height)}.</p>` : ''}
          <div id="vlog-melding"></div>
        </section>
        <section aria-labelledby="over-kop">
          <h2 id="over-kop">Waar de vlog over gaat</h2>
          <p id="over-de-vlog" class="description">${esc(entry.description)}</p>
          <dl class="details">
            <dt>Initiatief</dt><dd>${esc(entry.initiative)}</dd>
            ${entry.organisation ? `<dt>Organisatie</dt><dd>${esc(entry.organisation)}</dd>` : ''}
            <dt>Gemeente</dt><dd>${esc(entry.municipality)}</dd>
            <dt>Ingezonden</dt><dd>${esc(moment(entry.createdAt))}</dd>
            <dt>Status</dt><dd>${esc(statusLabel(entry.status))}</dd>
          </dl>
        </section>
      </div>
      <section aria-labelledby="jouw-score-kop" id="jouw-score"></section>
    </div>
    <section aria-labelledby="andere-scores-kop" id="andere-scores"></section>`;
  keepPlayable(main.querySelector('#vlog'), main.querySelector('#vlog-melding'), ctx, path);
  renderScores(main, entry, ctx, path);
}

/**
 * The link to the vlog works for minutes; a player that fails (most likely because its link ran
 * out, say at a seek after a pause) gets a fresh link and goes on where it was. A fresh link that
 * fails too is a vlog that does not play: say so instead of trying again.
 */
function keepPlayable(video, notice, ctx, path) {
  let renewed = false;
  video.addEventListener('loadeddata', () => { renewed = false; });
  video.addEventListener('error', async () => {
    if (renewed) {
      notice.innerHTML = ctx.problemHtml({ title: 'De vlog speelt niet af',
        detail: 'Ook met een nieuwe link lukt het afspelen niet. Laad de pagina opnieuw of probeer een andere browser.' });
      return;
    }
    renewed = true;
    const at = video.currentTime;
    const answer = await ctx.api('GET', path);
    if (!answer.ok) {
      notice.innerHTML = ctx.problemHtml(answer.body);
      return;
    }
    video.addEventListener('loadedmetadata', () => { video.currentTime = at; }, { once: true });
    video.src = answer.body.watchUrl;
    video.querySelector('a').href = answer.body.watchUrl;
  });
}

/** The juror's own score and form (or, for admins, that they look on), and the others' scores. */
function renderScores(page, entry, ctx, path, saved = false) {
  const juror = isJuror(ctx.caller);
  const own = page.querySelector('#jouw-score');
  own.innerHTML = `<h2 id="jouw-score-kop">${juror ? 'Jouw score' : 'Scoren'}</h2>
    ${saved ? '<div class="notice ok" role="status" id="opgeslagen" tabindex="-1">Je score is opgeslagen.</div>' : ''}
    ${juror ? ownScore(entry) : '<p>Beheerders scoren niet: je ziet hieronder de scores van alle juryleden.</p>'}`;
  page.querySelector('#andere-scores').innerHTML = `<h2 id="andere-scores-kop">${juror ? 'Scores van de andere juryleden' : 'Scores van de juryleden'}</h2>
    ${entry.otherScores ? scoresTable(entry.otherScores, entry.criteria, juror)
      : `<p class="notice" id="scores-verborgen">${esc(entry.otherScoresHidden)}</p>`}`;
  if (juror) {
    wireScoreForm(page, entry, ctx, path);
  }
  if (saved) {
    own.querySelector('#opgeslagen').focus();
  }
}

function ownScore(entry) {
  const own = entry.yourScore;
  return `${own ? `<p id="eigen-score">Je gaf deze vlog op ${esc(moment(own.scoredAt))} gemiddeld <strong>${decimal(own.mean)}</strong>.
      Sla je opnieuw op, dan vervangt dat je vorige score.</p>` : ''}
    <form id="score-formulier" class="stacked" novalidate>
      ${entry.criteria.map(criterion => scale(criterion, own?.marks?.[criterion.code])).join('')}
      <div class="field">
        <label for="comment">Toelichting <span class="muted">(niet verplicht)</span></label>
        <p class="hint" id="comment-hint">Wat viel je op? De andere juryleden en de beheerders lezen dit.</p>
        <textarea id="comment" name="comment" rows="4" aria-describedby="comment-hint comment-error">${esc(own?.comment)}</textarea>
        <p class="field-error" id="comment-error"></p>
      </div>
      <div id="score-melding"></div>
      <button type="submit">${own ? 'Score bijwerken' : 'Score opslaan'}</button>
    </form>`;
}

/** A criterion's marks as a radio group; its field name is the API's (marks.<code>), so a 422's messages land beside it. */
function scale(criterion, chosen) {
  const field = `marks.${criterion.code}`;
  const marks = [];
  for (let mark = criterion.lowest; mark <= criterion.highest; mark++) {
    marks.push(`<label for="${esc(field)}-${mark}"><input type="radio" id="${esc(field)}-${mark}" name="${esc(field)}" value="${mark}"${
      mark === chosen ? ' checked' : ''}>${mark}</label>`);
  }
  return `<fieldset class="scale" data-field="${esc(field)}" aria-describedby="${esc(field)}-hint ${esc(field)}-error">
      <legend>${esc(criterion.label)}</legend>
      <p class="hint" id="${esc(field)}-hint">Van ${esc(criterion.lowest)} (laagst) tot ${esc(criterion.highest)} (hoogst).</p>
      <div class="scale-options">${marks.join('')}</div>
      <p class="field-error" id="${esc(field)}-error"></p>
    </fieldset>`;
}

function wireScoreForm(page, entry, ctx, path) {
  const form = page.querySelector('#score-formulier');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const marks = {};
    for (const criterion of entry.criteria) {
      const chosen = form.elements.namedItem(`marks.${criterion.code}`).value;
      if (chosen) {
        marks[criterion.code] = Number(chosen);
      }
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    const answer = await ctx.api('PUT', `${path}/score`, { json: { marks, comment: form.elements.comment.value } });
    button.disabled = false;
    if (answer.ok) {
      renderScores(page, answer.body, ctx, path, true);
      return;
    }
    const notice = form.querySelector('#score-melding');
    const unplaced = ctx.showFieldErrors(form, answer.body);
    // A radio group has no one input to mark: its fieldset carries the state.
    form.querySelectorAll('fieldset[data-field]').forEach(group => {
      if (group.querySelector('.field-error').textContent) group.setAttribute('aria-invalid', 'true');
    });
    notice.innerHTML = ctx.problemHtml({ ...answer.body, errors: unplaced.map(message => ({ message })) });
    const first = form.querySelector('[aria-invalid="true"]');
    (first?.matches('fieldset') ? first.querySelector('input') : first)?.focus();
  });
}

function scoresTable(scores, criteria, juror) {
  if (!scores.length) {
    return `<p id="geen-andere-scores">${juror ? 'Nog geen ander jurylid heeft deze vlog gescoord.' : 'Nog geen jurylid heeft deze vlog gescoord.'}</p>`;
  }
  return `<div class="table-wrap" tabindex="0" role="region" aria-labelledby="scores-bijschrift"><table class="data" id="scores-tabel">
    <caption id="scores-bijschrift">Scores per jurylid, de eerste eerst</caption>
    <thead><tr><th scope="col">Jurylid</th>${criteria.map(criterion => `<th scope="col" class="number">${esc(criterion.label)}</th>`).join('')}
      <th scope="col" class="number">Gemiddeld</th><th scope="col">Toelichting</th><th scope="col">Gescoord</th></tr></thead>
    <tbody>${scores.map(score => `<tr>
      <th scope="row">${esc(score.juror)}</th>
      ${criteria.map(criterion => `<td class="number">${esc(score.marks[criterion.code])}</td>`).join('')}
      <td class="number">${decimal(score.mean)}</td>
      <td>${esc(score.comment)}</td>
      <td>${esc(moment(score.scoredAt))}</td>
    </tr>`).join('')}</tbody></table></div>`;
}

/** 125.4 seconds as "2:05". */
function duration(seconds) {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
