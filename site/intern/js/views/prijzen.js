// The admins' view of the prizes: the jury's ranking (mean, spread, number of scores, the means
// per criterion), the decision on each entry with its note, and the ranking and the scores as CSV.
import { esc } from '/js/site.js';
import { DECISIONS, decimal, moment, statusLabel } from '../prizes.js';

export default {
  path: 'prijzen',
  title: 'Prijzen',
  summary: 'de ranglijst van de jury, de besluiten en de downloads voor Excel',
  groups: ['admins'],
  async render(main, ctx) {
    main.innerHTML = `<h1>Prijzen</h1>
      <p class="lead">De ranglijst van de Vrijwilligersprijzen: per inzending het gemiddelde van de juryleden, hoe ver hun
        scores uiteenlopen (de spreiding: 0 als ze het eens zijn) en hoeveel juryleden scoorden. Hier leg je ook het besluit vast.</p>
      <div class="toolbar">
        <button type="button" class="secondary" id="csv-ranglijst">Ranglijst downloaden (CSV)</button>
        <button type="button" class="secondary" id="csv-scores">Alle scores downloaden (CSV)</button>
      </div>
      <div id="download-melding"></div>
      <div id="ranglijst"><p>Laden…</p></div>
      <section aria-labelledby="besluit-kop" id="besluit" hidden>
        <h2 id="besluit-kop">Besluit vastleggen</h2>
        <div id="besluit-uitkomst" aria-live="polite"></div>
        <form id="besluit-formulier" class="stacked" novalidate>
          <div class="field"><label for="entry">Inzending</label><select id="entry" name="entry"></select></div>
          <fieldset class="choice" aria-describedby="status-error">
            <legend>Besluit</legend>
            ${DECISIONS.map(code => `<div class="field check"><input type="radio" name="status" id="status-${esc(code)}" value="${esc(code)}">
              <label for="status-${esc(code)}">${esc(statusLabel(code))}</label></div>`).join('')}
            <p class="field-error" id="status-error"></p>
          </fieldset>
          <div class="field">
            <label for="note">Toelichting <span class="muted">(niet verplicht)</span></label>
            <p class="hint" id="note-hint">Waarom dit besluit, voor wie het later leest.</p>
            <textarea id="note" name="note" rows="3" aria-describedby="note-hint note-error"></textarea>
            <p class="field-error" id="note-error"></p>
          </div>
          <button type="submit">Besluit opslaan</button>
        </form>
      </section>`;
    const downloads = main.querySelector('#download-melding');
    for (const [id, path, file] of [['csv-ranglijst', '/admin/prizes/ranking', 'prijzen-ranglijst.csv'],
      ['csv-scores', '/admin/prizes/ranking?rows=scores', 'prijzen-scores.csv']]) {
      main.querySelector(`#${id}`).addEventListener('click', async () => {
        const answer = await ctx.downloadCsv(path, file);
        downloads.innerHTML = answer.ok ? '' : ctx.problemHtml(answer.body);
      });
    }
    const ranking = await showRanking(main, ctx);
    if (ranking) {
      wireDecisionForm(main, ctx, ranking);
    }
  },
};

/** Loads the ranking into the table and the form's list of entries; the ranking, or null when refused. */
async function showRanking(main, ctx) {
  const slot = main.querySelector('#ranglijst');
  const answer = await ctx.api('GET', '/admin/prizes/ranking');
  if (!answer.ok) {
    slot.innerHTML = ctx.problemHtml(answer.body);
    return null;
  }
  const ranking = answer.body.ranking;
  if (!ranking.length) {
    slot.innerHTML = '<p id="resultaat" role="status">Er ligt nog geen inzending bij de jury.</p>';
    main.querySelector('#besluit').hidden = true;
    return ranking;
  }
  const criteria = await criteriaOf(ranking[0], ctx);
  slot.innerHTML = `<p id="resultaat" role="status">${ranking.length === 1 ? '1 inzending' : `${ranking.length} inzendingen`} bij de jury,
      ${ranking.filter(line => line.count > 0).length} met scores.</p>
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="ranglijst-bijschrift"><table class="data" id="ranglijst-tabel">
      <caption id="ranglijst-bijschrift">Ranglijst, het hoogste gemiddelde eerst</caption>
      <thead><tr><th scope="col" class="number">Plaats</th><th scope="col">Titel</th><th scope="col">Initiatief en gemeente</th>
        <th scope="col" class="number">Gemiddeld</th><th scope="col" class="number">Spreiding</th><th scope="col" class="number">Scores</th>
        ${criteria.map(criterion => `<th scope="col" class="number">${esc(criterion.label)}</th>`).join('')}
        <th scope="col">Status</th><th scope="col">Toelichting bij het besluit</th><th scope="col"><span class="visually-hidden">Actie</span></th></tr></thead>
      <tbody>${ranking.map(line => `<tr data-entry="${esc(line.entryId)}">
        <td class="number">${esc(line.rank)}</td>
        <th scope="row"><a href="#/jury/${encodeURIComponent(line.entryId)}">${esc(line.title)}</a></th>
        <td>${esc(line.initiative)}${line.organisation ? `<br>${esc(line.organisation)}` : ''}<br><span class="muted">${esc(line.municipality)}</span></td>
        <td class="number mean">${figure(line, line.mean)}</td>
        <td class="number spread">${figure(line, line.spread)}</td>
        <td class="number count">${esc(line.count)}</td>
        ${criteria.map(criterion => `<td class="number">${figure(line, line.criterionMeans[criterion.code])}</td>`).join('')}
        <td class="status">${esc(statusLabel(line.status))}</td>
        <td class="decision">${line.decision ? `${esc(line.decision.note)}
          <br><span class="muted">${esc(line.decision.decidedBy)}, ${esc(moment(line.decision.decidedAt))}</span>` : ''}</td>
        <td><button type="button" class="secondary decide" data-entry="${esc(line.entryId)}">Besluit<span class="visually-hidden"> over ${esc(line.title)}</span></button></td>
      </tr>`).join('')}</tbody></table></div>`;
  const select = main.querySelector('#entry');
  const chosen = select.value;
  select.innerHTML = ranking.map(line => `<option value="${esc(line.entryId)}">${esc(line.rank)}. ${esc(line.title)} (${esc(line.municipality)})</option>`).join('');
  if (chosen) {
    select.value = chosen;
  }
  main.querySelector('#besluit').hidden = false;
  return ranking;
}

/**
 * The ranking names the criteria by code only; their Dutch labels come with an entry's jury view
 * (its `criteria`), so the page keeps no copy of them. Without that view the codes stand in.
 */
async function criteriaOf(line, ctx) {
  const answer = await ctx.api('GET', `/jury/entries/${encodeURIComponent(line.entryId)}`);
  return answer.ok ? answer.body.criteria : Object.keys(line.criterionMeans).map(code => ({ code, label: code }));
}

/** A mean or spread, or a dash when nobody scored the entry yet (the API's 0 then means nothing). */
function figure(line, value) {
  return line.count > 0 && value !== undefined ? decimal(value)
    : '<span aria-hidden="true">–</span><span class="visually-hidden">nog geen scores</span>';
}

function wireDecisionForm(main, ctx, initial) {
  let ranking = initial;
  const form = main.querySelector('#besluit-formulier');
  const outcome = main.querySelector('#besluit-uitkomst');
  const fill = entryId => {
    const line = ranking.find(l => l.entryId === entryId);
    form.querySelectorAll('input[name="status"]').forEach(radio => { radio.checked = radio.value === line?.status; });
    form.elements.note.value = line?.decision?.note ?? '';
  };
  form.elements.entry.addEventListener('change', () => fill(form.elements.entry.value));
  main.querySelector('#ranglijst').addEventListener('click', event => {
    const button = event.target.closest('button.decide');
    if (!button) return;
    form.elements.entry.value = button.dataset.entry;
    fill(button.dataset.entry);
    outcome.innerHTML = '';
    form.elements.entry.focus();
  });
  fill(form.elements.entry.value);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const entryId = form.elements.entry.value;
    const status = form.elements.status.value;
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    const answer = await ctx.api('PUT', `/admin/prizes/entries/${encodeURIComponent(entryId)}/status`,
      { json: { status, note: form.elements.note.value } });
    button.disabled = false;
    if (!answer.ok) {
      const unplaced = ctx.showFieldErrors(form, answer.body);
      outcome.innerHTML = ctx.problemHtml({ ...answer.body, errors: unplaced.map(message => ({ message })) });
      return;
    }
    ctx.showFieldErrors(form, {});
    const title = ranking.find(l => l.entryId === entryId)?.title ?? '';
    ranking = await showRanking(main, ctx) ?? ranking;
    outcome.innerHTML = `<div class="notice ok" role="status">Besluit opgeslagen: ‘${esc(title)}’ is nu ${esc(statusLabel(answer.body.status).toLowerCase())}.</div>`;
  });
}
