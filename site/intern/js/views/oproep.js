// The Maatschappelijke Oproep's downloads for a period: over time per variant, by variant,
// province, municipality and organisation type. Every chart has a table with the same figures
// beside it (a chart alone says nothing to a screen reader), and each grouping downloads as CSV.
import { esc } from '/js/site.js';

/** chart.js's browser build as the site serves it (site/vendor.mjs). */
const CHART_JS = '/vendor/chart.js/chart.umd.min.js';
/** Most requests in flight at once when reading the period day by day. */
const PARALLEL = 6;
const MUNICIPALITIES_IN_CHART = 10;
/** Column headings that may break on a phone (a soft hyphen), so four columns fit in 390 px. */
const DOWNLOADS = 'Down&shy;loads';
const AUTOMATED = 'Auto&shy;ma&shy;tisch';

const NUMBER = new Intl.NumberFormat('nl-NL');
const DAY_AXIS = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'short' });
const DAY_ROW = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
const DAY_FULL = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const DATE = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** Colours that stay apart for colour-blind readers (Okabe and Ito), led by the campaign's own; lines differ in marker too. */
const COLOURS = ['#a4004f', '#0072b2', '#e69f00', '#009e73', '#56b4e9', '#d55e00', '#cc79a7', '#1d1d1f'];
const MARKERS = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star', 'rectRounded', 'cross'];

/** The groupings shown as bar chart and table, in page order; `top` limits the chart, never the table. */
const GROUPINGS = [
  { groupBy: 'variant', title: 'Per variant', heading: 'Variant' },
  { groupBy: 'province', title: 'Per provincie', heading: 'Provincie' },
  { groupBy: 'municipality', title: 'Per gemeente', heading: 'Gemeente', top: MUNICIPALITIES_IN_CHART },
  { groupBy: 'orgType', title: 'Per organisatietype', heading: 'Organisatietype' },
];

let library;
/** Loads chart.js once per page (a <script>: its UMD build sets window.Chart). */
function chartJs() {
  library ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = CHART_JS;
    script.addEventListener('load', () => resolve(window.Chart));
    script.addEventListener('error', () => {
      script.remove();
      library = undefined;
      reject(new Error('chart.js did not load'));
    });
    document.head.append(script);
  });
  return library;
}

/** The charts on the page now, destroyed before new ones take their canvases. */
let charts = [];

const utc = iso => new Date(`${iso}T00:00:00Z`);
const number = value => NUMBER.format(value);

function daysOf(from, to) {
  const days = [];
  for (let day = utc(from); day <= utc(to); day.setUTCDate(day.getUTCDate() + 1)) {
    days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

/** Runs the calls at most PARALLEL at a time; the answers in the calls' order. */
async function limited(calls) {
  const answers = new Array(calls.length);
  let next = 0;
  const worker = async () => {
    while (next < calls.length) {
      const index = next++;
      answers[index] = await calls[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, calls.length) }, worker));
  return answers;
}

function statsPath(query) {
  const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value));
  return `/admin/oproep/stats?${params}`;
}

/** A long name in lines of about `width` characters, as chart.js draws an array: the whole name, never cut. */
function lines(label, width) {
  const result = [];
  for (const word of label.split(' ')) {
    const last = result.length - 1;
    if (last >= 0 && result[last].length + word.length < width) {
      result[last] += ` ${word}`;
    } else {
      result.push(word);
    }
  }
  return result;
}

function baseOptions() {
  return {
    locale: 'nl-NL',
    responsive: true,
    maintainAspectRatio: false,
    // Figures to read, not a show; and a screenshot or a test sees the final picture at once.
    animation: false,
    plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
  };
}

function lineChart(Chart, canvas, days, variants) {
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: days.map(day => DAY_AXIS.format(utc(day.day))),
      datasets: variants.map((variant, index) => ({
        label: variant.label,
        data: days.map(day => day.byVariant.get(variant.key) ?? 0),
        borderColor: COLOURS[index % COLOURS.length],
        backgroundColor: COLOURS[index % COLOURS.length],
        pointStyle: MARKERS[index % MARKERS.length],
        pointRadius: 3,
        borderDash: index >= COLOURS.length ? [6, 3] : [],
        tension: 0,
      })),
    },
    options: {
      ...baseOptions(),
      interaction: { mode: 'index', intersect: false },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Downloads' } } },
      plugins: {
        ...baseOptions().plugins,
        tooltip: { callbacks: { title: items => DAY_FULL.format(utc(days[items[0].dataIndex].day)) } },
      },
    },
  });
}

function barChart(Chart, canvas, rows) {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: rows.map(row => row.label),
      datasets: [
        { label: 'Downloads', data: rows.map(row => row.downloads), backgroundColor: COLOURS[0] },
        { label: 'Unieke downloads', data: rows.map(row => row.uniques), backgroundColor: COLOURS[1] },
      ],
    },
    options: {
      ...baseOptions(),
      // Bars lie down: long names stay readable on a phone.
      indexAxis: 'y',
      scales: {
        x: { beginAtZero: true, ticks: { precision: 0 } },
        y: { ticks: { callback(value) { return lines(this.getLabelForValue(value), this.chart.width < 500 ? 18 : 32); } } },
      },
    },
  });
}

function chartBox(kind, label, bars = 0) {
  const height = kind === 'bar' ? ` style="height: ${bars * 56 + 90}px"` : '';
  return `<div class="chart ${kind}"${height}><canvas role="img" aria-label="${esc(label)}">${esc(label)}</canvas></div>`;
}

function csvButton(groupBy, label) {
  return `<div class="csv"><p><button type="button" class="secondary" data-csv="${groupBy}">CSV ${esc(label)} downloaden</button></p>
      <div class="csv-problem"></div></div>`;
}

function timeSection(days, variants) {
  const sum = pick => days.reduce((total, day) => total + pick(day), 0);
  const head = variants.map(v => `<th scope="col" class="number">${esc(v.label)}</th>`).join('');
  const body = days.map(day => `<tr><th scope="row"><time datetime="${day.day}">${esc(DAY_ROW.format(utc(day.day)))}</time></th>
      ${variants.map(v => `<td class="number">${number(day.byVariant.get(v.key) ?? 0)}</td>`).join('')}
      <td class="number">${number(day.total.downloads)}</td><td class="number">${number(day.total.uniques)}</td>
      <td class="number">${number(day.total.automated)}</td></tr>`).join('');
  // The footer adds up the rows above it, so the table holds together whatever arrived between the calls.
  const foot = `<tr><th scope="row">Totaal</th>${variants.map(v => `<td class="number">${number(sum(day => day.byVariant.get(v.key) ?? 0))}</td>`).join('')}
      <td class="number">${number(sum(day => day.total.downloads))}</td><td class="number">${number(sum(day => day.total.uniques))}</td>
      <td class="number">${number(sum(day => day.total.automated))}</td></tr>`;
  return `<section aria-labelledby="per-dag-kop">
      <h2 id="per-dag-kop">Per dag en variant</h2>
      ${variants.length ? chartBox('line', 'Lijndiagram van de downloads per dag, een lijn per variant. De cijfers staan in de tabel eronder.') : ''}
      <div class="table-wrap" tabindex="0" role="region" aria-label="Tabel per dag en variant (schuift opzij)">
      <table class="data counts per-day" id="tabel-day">
        <caption>Downloads per dag en variant</caption>
        <thead><tr><th scope="col">Dag</th>${head}<th scope="col" class="number">Totaal</th>
          <th scope="col" class="number">Uniek</th><th scope="col" class="number">${AUTOMATED}</th></tr></thead>
        <tbody>${body}</tbody><tfoot>${foot}</tfoot>
      </table></div>
      ${csvButton('day', 'per dag')}
    </section>`;
}

function groupSection({ groupBy, title, heading, top }, report) {
  const rows = report.rows;
  const shown = top ? rows.slice(0, top) : rows;
  const chart = rows.length
    ? chartBox('bar', `Staafdiagram van de downloads en unieke downloads ${title.toLowerCase()}${top && rows.length > top
      ? `, de ${top} met de meeste downloads` : ''}. De cijfers staan in de tabel eronder.`, shown.length)
    : '';
  const note = top && rows.length > top
    ? `<p>De grafiek toont de ${top} met de meeste downloads; de tabel ze alle ${number(rows.length)}.</p>` : '';
  const table = rows.length
    ? `<div class="table-wrap" tabindex="0" role="region" aria-label="Tabel ${esc(title.toLowerCase())} (schuift opzij)">
      <table class="data counts" id="tabel-${groupBy}">
        <caption>Downloads ${esc(title.toLowerCase())}</caption>
        <thead><tr><th scope="col">${esc(heading)}</th><th scope="col" class="number">${DOWNLOADS}</th>
          <th scope="col" class="number">Uniek</th><th scope="col" class="number">${AUTOMATED}</th></tr></thead>
        <tbody>${rows.map(row => `<tr><th scope="row">${esc(row.label)}</th><td class="number">${number(row.downloads)}</td>
          <td class="number">${number(row.uniques)}</td><td class="number">${number(row.automated)}</td></tr>`).join('')}</tbody>
        <tfoot><tr><th scope="row">Totaal</th><td class="number">${number(report.total.downloads)}</td>
          <td class="number">${number(report.total.uniques)}</td><td class="number">${number(report.total.automated)}</td></tr></tfoot>
      </table></div>`
    : '<p>Geen downloads in deze periode.</p>';
  return `<section aria-labelledby="kop-${groupBy}" data-grouping="${groupBy}">
      <h2 id="kop-${groupBy}">${esc(title)}</h2>${chart}${note}${table}${rows.length ? csvButton(groupBy, title.toLowerCase()) : ''}
    </section>`;
}

function summary(total) {
  return `<dl class="totals" id="totalen">
      <div><dt>Downloads</dt><dd>${number(total.downloads)}</dd></div>
      <div><dt>Unieke downloads</dt><dd>${number(total.uniques)}</dd></div>
      <div><dt>Automatisch</dt><dd>${number(total.automated)}</dd></div>
    </dl>
    <p class="hint">Uniek: een bezoeker telt één keer per variant per dag. Automatisch zijn downloads door bots, linkvoorbeelden
      en virusscanners; die tellen niet mee als lezers.</p>`;
}

export default {
  path: 'oproep',
  title: 'Oproep',
  summary: 'downloads van de Maatschappelijke Oproep per dag, variant, provincie, gemeente en organisatietype',
  groups: ['admins'],
  async render(main, { params, api, downloadCsv, problemHtml, showFieldErrors }) {
    const [givenFrom = '', givenTo = ''] = params;
    main.innerHTML = `<h1>Maatschappelijke Oproep: downloads</h1>
      <form id="periode" class="toolbar" novalidate>
        <div class="field"><label for="from">Van</label>
          <input type="date" id="from" name="from" value="${esc(givenFrom)}" aria-describedby="from-error">
          <p class="field-error" id="from-error"></p></div>
        <div class="field"><label for="to">Tot en met</label>
          <input type="date" id="to" name="to" value="${esc(givenTo)}" aria-describedby="to-error">
          <p class="field-error" id="to-error"></p></div>
        <button type="submit">Toon</button>
      </form>
      <p class="hint">Zonder datums: de laatste 30 dagen. Hoogstens 93 dagen tegelijk.</p>
      <p id="status" role="status"></p>
      <div id="uitkomst"></div>`;
    const form = main.querySelector('#periode');
    const status = main.querySelector('#status');
    const result = main.querySelector('#uitkomst');
    let shown = 0;

    async function show(from, to) {
      const attempt = ++shown;
      const current = () => attempt === shown && form.isConnected;
      showFieldErrors(form, {});
      status.textContent = 'Cijfers laden…';
      result.setAttribute('aria-busy', 'true');
      // The whole period first: the API checks it, and its answer names the variants and the resolved dates.
      const first = await api('GET', statsPath({ from, to, groupBy: 'variant' }));
      if (!current()) return;
      if (!first.ok) {
        status.textContent = '';
        result.removeAttribute('aria-busy');
        // The field's message stands beside the field; the alert gives the refusal's title and what no field took.
        const unplaced = showFieldErrors(form, first.body);
        result.innerHTML = problemHtml({ ...first.body, errors: unplaced.map(message => ({ message })) });
        form.querySelector('[aria-invalid="true"]')?.focus();
        return;
      }
      const period = { from: first.body.from, to: first.body.to };
      form.elements.from.value = period.from;
      form.elements.to.value = period.to;
      history.replaceState(null, '', `#/oproep/${period.from}/${period.to}`);
      const days = daysOf(period.from, period.to);
      // The API groups by day or by variant, not both: a line per variant takes the variant grouping of each day.
      const answers = await limited([
        ...GROUPINGS.slice(1).map(g => () => api('GET', statsPath({ ...period, groupBy: g.groupBy }))),
        ...days.map(day => () => api('GET', statsPath({ from: day, to: day, groupBy: 'variant' }))),
      ]);
      if (!current()) return;
      result.removeAttribute('aria-busy');
      const refused = answers.find(answer => !answer.ok);
      if (refused) {
        status.textContent = '';
        result.innerHTML = problemHtml(refused.body);
        return;
      }
      const reports = new Map([['variant', first.body], ...GROUPINGS.slice(1).map((g, i) => [g.groupBy, answers[i].body])]);
      const perDay = answers.slice(GROUPINGS.length - 1).map((answer, i) => ({
        day: days[i],
        byVariant: new Map(answer.body.rows.map(row => [row.key, row.downloads])),
        total: answer.body.total,
      }));
      const variants = first.body.rows;
      charts.forEach(chart => chart.destroy());
      charts = [];
      status.textContent = `Downloads van ${DATE.format(utc(period.from))} tot en met ${DATE.format(utc(period.to))}.`;
      result.innerHTML = summary(first.body.total) + timeSection(perDay, variants)
        + GROUPINGS.map(g => groupSection(g, reports.get(g.groupBy))).join('');
      result.querySelectorAll('[data-csv]').forEach(button => button.addEventListener('click', async () => {
        const groupBy = button.dataset.csv;
        const answer = await downloadCsv(statsPath({ ...period, groupBy }), `oproep-downloads-${groupBy}-${period.from}-${period.to}.csv`);
        button.closest('.csv').querySelector('.csv-problem').innerHTML = answer.ok ? '' : problemHtml(answer.body);
      }));
      let Chart;
      try {
        Chart = await chartJs();
      } catch {
        result.insertAdjacentHTML('afterbegin', `<div class="notice"><p>De grafieken konden niet laden.
          De tabellen hieronder hebben dezelfde cijfers.</p></div>`);
        return;
      }
      if (!current()) return;
      const line = result.querySelector('.chart.line canvas');
      if (line) charts.push(lineChart(Chart, line, perDay, variants));
      for (const grouping of GROUPINGS) {
        const canvas = result.querySelector(`[data-grouping="${grouping.groupBy}"] canvas`);
        const rows = reports.get(grouping.groupBy).rows;
        if (canvas) charts.push(barChart(Chart, canvas, grouping.top ? rows.slice(0, grouping.top) : rows));
      }
    }

    form.addEventListener('submit', event => {
      event.preventDefault();
      show(form.elements.from.value, form.elements.to.value);
    });
    await show(givenFrom, givenTo);
  },
};
