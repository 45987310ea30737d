// The Oproep's variants with their previews; each download link carries the optional
// "who are you / which municipality" choice, and the API counts it before redirecting to the file.
import { renderChrome, api, esc, problemNotice } from './site.js';

renderChrome('oproep');

const ORG_TYPES = {
  'vrijwilligerscentrale': 'een vrijwilligerscentrale',
  'gemeente': 'een gemeente',
  'maatschappelijke-organisatie': 'een maatschappelijke organisatie',
  'bedrijf': 'een bedrijf',
  'onderwijs': 'onderwijs',
  'media': 'de media (krant, omroep, blad)',
  'particulier': 'mezelf',
};
const AUDIENCES = { landelijk: 'Landelijk', regionaal: 'Regionaal', lokaal: 'Lokaal' };

const orgType = document.getElementById('orgType');
const municipality = document.getElementById('municipality');
const list = document.getElementById('varianten');
const status = document.getElementById('resultaat');
for (const [code, label] of Object.entries(ORG_TYPES)) {
  orgType.add(new Option(label, code));
}
orgType.addEventListener('change', updateLinks);
municipality.addEventListener('input', updateLinks);
document.getElementById('wie').addEventListener('submit', e => e.preventDefault());

/** The download route with the choices made so far (none is fine). */
function downloadHref(variant) {
  const query = new URLSearchParams();
  if (orgType.value) query.set('orgType', orgType.value);
  if (municipality.value.trim()) query.set('municipality', municipality.value.trim());
  const q = query.toString();
  return variant.download + (q ? `?${q}` : '');
}

let variants = [];

function updateLinks() {
  for (const variant of variants) {
    const link = list.querySelector(`[data-variant-id="${CSS.escape(variant.id)}"] a.button`);
    if (link) link.href = downloadHref(variant);
  }
}

function size(bytes) {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1000))} kB`;
}

function card(variant) {
  return `<li class="event" data-variant-id="${esc(variant.id)}">
    <p><span class="badge">${esc(AUDIENCES[variant.audience] ?? variant.audience)}</span></p>
    ${variant.preview ? `<img src="${esc(variant.preview)}" alt="Voorbeeld: ${esc(variant.title)}" width="160" height="160" loading="lazy">` : ''}
    <h2>${esc(variant.title)}</h2>
    <p>${esc(variant.format)}, ${esc(variant.dimensions)}, ${esc(variant.fileType.toUpperCase())} (${esc(size(variant.sizeBytes))})${variant.language === 'fy' ? ', Fries' : ''}</p>
    <div class="actions"><a class="button" href="${esc(downloadHref(variant))}">Downloaden<span class="visually-hidden"> ${esc(variant.title)}</span></a></div>
  </li>`;
}

async function load() {
  status.textContent = 'Varianten laden…';
  const { ok, body } = await api('GET', '/oproep/variants');
  if (!ok) {
    status.innerHTML = problemNotice(body);
    return;
  }
  variants = body.variants;
  list.innerHTML = variants.map(card).join('');
  status.textContent = variants.length === 1 ? '1 variant.' : `${variants.length} varianten.`;
}

// The poster maker: a live preview while typing, then the API renders the PDF and PNG.
const place = document.getElementById('place');
const ending = document.getElementById('ending');
const posterResult = document.getElementById('poster-uitkomst');
for (const [input, preview, example] of [[place, 'voorbeeld-plaats', 'Zwijndrecht'], [ending, 'voorbeeld-einde', 'groener']]) {
  input.addEventListener('input', () => {
    document.getElementById(preview).textContent = input.value.trim() || example;
  });
}
document.getElementById('poster').addEventListener('submit', async e => {
  e.preventDefault();
  posterResult.textContent = 'Poster maken…';
  const json = { place: place.value, ending: ending.value };
  if (orgType.value) json.orgType = orgType.value;
  const { ok, body } = await api('POST', '/oproep/posters', { json });
  if (!ok) {
    const errors = (body.errors ?? []).map(err => `<li>${esc(err.message)}</li>`).join('');
    posterResult.innerHTML = problemNotice(body) + (errors ? `<ul class="error-summary">${errors}</ul>` : '');
    return;
  }
  posterResult.innerHTML = `<div class="notice"><p><strong>${esc(body.text)}</strong></p>
    <p><a class="button" href="${esc(body.pdf)}">PDF om te printen</a> <a class="button" href="${esc(body.png)}">PNG voor social media</a></p>
    <p>De links werken een uur.</p></div>`;
});

load();
