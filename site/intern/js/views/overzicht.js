// The morning digest as it would go out now: its subject, its figures beside the last digest's,
// and the mail itself as the admins will see it.
import { esc } from '/js/site.js';

const NUMBER = new Intl.NumberFormat('nl-NL');
const DAY = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

function day(iso) {
  return DAY.format(new Date(`${iso}T00:00:00Z`));
}

function period({ firstDay, lastDay }) {
  return firstDay === lastDay ? day(firstDay) : `${day(firstDay)} tot en met ${day(lastDay)}`;
}

const hasPrevious = figure => figure.previous !== undefined && figure.previous !== null;

/** The change as the mail writes it: "+3", "−1", "gelijk", or a dash without an earlier digest. */
function change(figure) {
  if (!hasPrevious(figure)) {
    return '–';
  }
  const delta = figure.value - figure.previous;
  return delta === 0 ? 'gelijk' : `${delta > 0 ? '+' : '−'}${NUMBER.format(Math.abs(delta))}`;
}

function sectionHtml(section, index) {
  const rows = section.figures.map(figure => `<tr>
      <th scope="row">${esc(figure.label)}</th>
      <td class="number">${NUMBER.format(figure.value)}</td>
      <td class="number">${hasPrevious(figure) ? NUMBER.format(figure.previous) : '–'}</td>
      <td class="number">${change(figure)}</td>
    </tr>`).join('');
  const details = section.details.length ? `<ul>${section.details.map(line => `<li>${esc(line)}</li>`).join('')}</ul>` : '';
  return `<section aria-labelledby="sectie-${index}">
      <h2 id="sectie-${index}">${esc(section.title)}</h2>
      <div class="table-wrap"><table class="data digest-figures">
        <caption class="visually-hidden">${esc(section.title)}: de cijfers van nu en van het vorige overzicht</caption>
        <thead><tr><th scope="col">Cijfer</th><th scope="col" class="number">Nu</th>
          <th scope="col" class="number">Vorig over&shy;zicht</th><th scope="col" class="number">Ver&shy;schil</th></tr></thead>
        <tbody>${rows}</tbody>
      </table></div>${details}
    </section>`;
}

/** Grows the frame to the mail's height, so the page scrolls once instead of twice. */
function fitToContent(frame) {
  const size = () => {
    if (!frame.isConnected) {
      window.removeEventListener('resize', size);
      return;
    }
    const mail = frame.contentDocument?.documentElement;
    if (mail) frame.style.height = `${mail.scrollHeight + 4}px`;
  };
  frame.addEventListener('load', size);
  window.addEventListener('resize', size);
}

export default {
  path: 'overzicht',
  title: 'Overzicht',
  summary: 'het ochtendoverzicht voor de beheerders, zoals het nu verstuurd zou worden',
  groups: ['admins'],
  async render(main, { api, problemHtml }) {
    const { ok, body } = await api('GET', '/admin/digest/preview');
    if (!ok) {
      main.innerHTML = `<h1>Ochtendoverzicht</h1>${problemHtml(body)}`;
      return;
    }
    main.innerHTML = `<h1>Ochtendoverzicht</h1>
      <p class="lead">Het overzicht dat de beheerders 's&nbsp;ochtends krijgen, zoals het nu verstuurd zou worden: de cijfers van
        <strong id="periode">${esc(period(body.period))}</strong>, elk naast dat van het vorige overzicht.</p>
      <dl class="details digest-mail">
        <dt>Onderwerp</dt><dd id="onderwerp">${esc(body.subject)}</dd>
      </dl>
      ${body.quiet ? `<div class="notice" id="rustig"><h2>Niets nieuws</h2>
        <p>In deze periode kwamen er geen aanmeldingen, afmeldingen, inzendingen, scores of downloads bij.
          Een overzicht zonder nieuws wordt normaal niet verstuurd.</p></div>` : ''}
      ${body.sections.some(section => section.figures.some(figure => !hasPrevious(figure)))
        ? '<p class="hint">Een streepje: dat cijfer stond nog niet in een vorig overzicht.</p>' : ''}
      <div id="cijfers">${body.sections.map(sectionHtml).join('')}</div>
      <section aria-labelledby="mail-kop">
        <h2 id="mail-kop">De mail</h2>
        <p>Zoals een mailprogramma hem toont. Er draait niets in: de mail kan geen scripts uitvoeren.</p>
        <iframe id="mail" class="digest-preview" title="Voorbeeld van de mail: ${esc(body.subject)}"
          sandbox="allow-same-origin"></iframe>
        <details><summary>Tekstversie (voor mailprogramma's zonder opmaak)</summary><pre id="tekst">${esc(body.text)}</pre></details>
      </section>`;
    const frame = main.querySelector('#mail');
    fitToContent(frame);
    // srcdoc, not innerHTML: the mail is a document of its own, with its own styles.
    frame.srcdoc = body.html;
  },
};
