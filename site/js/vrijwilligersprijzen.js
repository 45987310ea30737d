// The prize-vlog entry: the form (field errors from the API's problem document), the upload with
// a progress bar (resumable after a dropped connection or a reload), then the check's verdict.
import { renderChrome, api, esc, problemNotice } from './site.js';
import { GEMEENTEN } from './gemeenten.js';
import { postFile, putMissingParts, UploadStopped } from './upload.js';
import { emailSuggestion } from './email-suggestion.js';

renderChrome('prijzen');

/** The round as GET /prizes/round tells it: the consent version and wording, the limits. Nothing is kept here. */
let consentVersion = null;
let maxBytes = null;
/** How long the page waits for the check's verdict before it says the mail will follow. */
const VERDICT_PATIENCE_MS = 3 * 60_000;
const SLOW_AFTER_MS = 30_000;
/** What a reload needs to resume: the entry, its link's token and which file was being sent. */
const STORAGE_KEY = 'vrijwilligersprijzen.upload';

// API field → the element that shows its error (several fields can share one).
const ERROR_TARGETS = {
  'initiative': 'initiative', 'organisation': 'organisation', 'municipality': 'municipality',
  'contactName': 'contactName', 'email': 'email', 'title': 'title', 'description': 'description',
  'file.name': 'file', 'file.size': 'file', 'file.contentType': 'file',
  'consent.version': 'consent', 'consent.publication': 'publication',
  'consent.recognisablePeople': 'recognisablePeople', 'consent.minorsAppear': 'minorsAppear',
  'consent.guardians': 'guardians',
};
const FOCUS_OF = { consent: 'publication', minorsAppear: 'minors-nee' };
// Phones and some systems give no type for these; the API wants a video/ type.
const TYPE_BY_EXTENSION = { mp4: 'video/mp4', m4v: 'video/mp4', mov: 'video/quicktime', '3gp': 'video/3gpp', webm: 'video/webm', mkv: 'video/x-matroska' };

const $ = id => document.getElementById(id);
const form = $('inzending');
const errorSummary = $('fouten');
const uploadSection = $('upload');
const bar = $('voortgang');
const outcome = $('uitkomst');
const emailHolds = emailSuggestion($('email'), $('email-suggestion'), 'Vlog insturen');

$('gemeenten').append(...GEMEENTEN.map(name => new Option(name)));
loadRound();

/** The consent to agree to and the limits, from the API: the page shows what the entry will be held to. */
async function loadRound() {
  const { ok, body } = await api('GET', '/prizes/round');
  if (!ok) {
    errorSummary.innerHTML = `<h2>Het formulier kon niet worden geladen</h2><p>${esc(body.detail || 'Probeer het over een paar minuten opnieuw.')}</p>`;
    errorSummary.hidden = false;
    form.querySelector('button[type=submit]').disabled = true;
    return;
  }
  consentVersion = body.consent.version;
  maxBytes = body.maxBytes;
  $('consent-version').textContent = consentVersion;
  $('consent-text').textContent = body.consent.text;
  $('max-minutes').textContent = Math.floor(body.maxVideoSeconds / 60);
  showLimit();
}
for (const radio of form.elements.minorsAppear) {
  radio.addEventListener('change', () => { $('guardians-field').hidden = !$('minors-ja').checked; });
}

/** "2 GB", "64 MB", "1,5 GB": binary units, as phones show sizes (and as the API writes them). */
function size(bytes) {
  const gib = bytes / 1024 ** 3;
  const [value, unit] = gib >= 1 ? [gib, 'GB'] : [bytes / 1024 ** 2, 'MB'];
  return `${value.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} ${unit}`;
}

function showLimit() {
  $('file-hint').textContent = `MP4, MOV, 3GP of WebM, maximaal ${size(maxBytes)}. Een groot bestand versturen we in delen, `
    + 'zodat je na een onderbreking verder kunt waar je was.';
}

function contentType(file) {
  if (file.type) return file.type;
  return TYPE_BY_EXTENSION[file.name.split('.').pop().toLowerCase()] ?? '';
}

function entryFromForm(file) {
  const value = name => form.elements[name].value.trim();
  const minors = form.querySelector('input[name="minorsAppear"]:checked');
  const entry = {
    initiative: value('initiative'), municipality: value('municipality'), contactName: value('contactName'),
    email: value('email'), title: value('title'), description: value('description'),
    file: file ? { name: file.name, size: file.size, contentType: contentType(file) } : {},
    consent: {
      version: consentVersion,
      publication: $('publication').checked,
      recognisablePeople: $('recognisablePeople').checked,
      guardians: minors?.value === 'true' && $('guardians').checked,
    },
  };
  if (minors) entry.consent.minorsAppear = minors.value === 'true';
  if (value('organisation')) entry.organisation = value('organisation');
  return entry;
}

form.addEventListener('submit', async e => {
  e.preventDefault();
  clearErrors();
  const file = $('file').files[0];
  // Refused here, before an entry exists: a file S3 would refuse only after minutes of uploading.
  if (file && file.size > maxBytes) {
    showFieldErrors({ title: 'Je vlog is te groot', errors: [{ field: 'file.size',
      message: `Je vlog is ${size(file.size)}; het maximum is ${size(maxBytes)}. Maak hem korter of sla hem op in een lagere kwaliteit.` }] });
    return;
  }
  if (emailHolds()) return;
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  button.textContent = 'Bezig met insturen…';
  const entry = entryFromForm(file);
  const { ok, status, body } = await api('POST', '/prizes/entries', { json: entry });
  button.disabled = false;
  button.textContent = 'Vlog insturen';
  if (!ok) {
    if (status === 422 && Array.isArray(body.errors)) {
      showFieldErrors(body);
    } else {
      // 409 (the round is not open) and anything else: the API's own Dutch title and detail.
      errorSummary.innerHTML = `<h2>${esc(body.title || 'Er ging iets mis')}</h2><p>${esc(body.detail || 'Probeer het later opnieuw.')}</p>`;
      errorSummary.hidden = false;
      errorSummary.focus();
    }
    return;
  }
  maxBytes = body.upload.maxBytes;
  const state = {
    entryId: body.entryId, manageUrl: body.manageUrl, token: new URL(body.manageUrl).searchParams.get('token'),
    title: entry.title, email: entry.email, resumable: body.resumable, upload: body.upload,
    file: { name: file.name, size: file.size, lastModified: file.lastModified }, phase: 'uploading',
  };
  save(state);
  form.hidden = true;
  await sendFile(state, file);
});

function clearErrors() {
  errorSummary.hidden = true;
  errorSummary.innerHTML = '';
  for (const target of new Set(Object.values(ERROR_TARGETS))) {
    $(`${target}-error`).textContent = '';
    $(FOCUS_OF[target] ?? target).removeAttribute('aria-invalid');
  }
}

/** Each message next to its field, and a summary on top linking to them (focus moves there). */
function showFieldErrors(problem) {
  const items = [];
  for (const { field, message } of problem.errors) {
    const target = ERROR_TARGETS[field];
    if (target) {
      const error = $(`${target}-error`);
      error.textContent = error.textContent ? `${error.textContent} ${message}` : message;
      const input = FOCUS_OF[target] ?? target;
      $(input).setAttribute('aria-invalid', 'true');
      items.push(`<li><a href="#${input}">${esc(message)}</a></li>`);
    } else {
      items.push(`<li>${esc(message)}</li>`);
    }
  }
  errorSummary.innerHTML = `<h2>${esc(problem.title || 'Controleer je inzending')}</h2><ul>${items.join('')}</ul>`;
  errorSummary.hidden = false;
  errorSummary.focus();
}

// ---------------------------------------------------------------- the upload

function save(state) {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
}

function saved() {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

function forget() {
  sessionStorage.removeItem(STORAGE_KEY);
}

function multipartPath(state, action = '') {
  return `/prizes/entries/${encodeURIComponent(state.entryId)}/multipart${action}?token=${encodeURIComponent(state.token)}`;
}

let announced = -1;
function showProgress(sent, total) {
  const percent = total ? Math.floor((sent / total) * 100) : 0;
  bar.value = percent;
  $('voortgang-tekst').textContent = `${percent}% (${size(sent)} van ${size(total)})`;
  // Screen readers hear every tenth percent, not every event.
  if (Math.floor(percent / 10) !== announced) {
    announced = Math.floor(percent / 10);
    $('voortgang-melding').textContent = `${percent}% verstuurd`;
  }
}

/** Sends the file (first try, retry, or resume after a reload), then waits for the check. */
async function sendFile(state, file) {
  uploadSection.hidden = false;
  $('hervatten').hidden = true;
  $('opnieuw').hidden = true;
  $('upload-fout').innerHTML = '';
  $('upload-bestand').textContent = `${state.file.name} (${size(state.file.size)})`;
  $('upload-hervat').textContent = '';
  try {
    if (state.resumable) {
      await sendInParts(state, file);
    } else {
      if (Date.parse(state.upload.expiresAt) <= Date.now()) {
        throw new ApiRefusal({ body: { title: 'De upload is verlopen',
          detail: 'Je kunt dit bestand niet meer met deze inzending versturen. Begin een nieuwe inzending.' } });
      }
      showProgress(0, file.size);
      await postFile(state.upload, file, sent => showProgress(sent, file.size));
    }
  } catch (stopped) {
    if (stopped instanceof UploadStopped || stopped instanceof ApiRefusal) {
      uploadStopped(state, file, stopped);
      return;
    }
    throw stopped;
  }
  state.phase = 'uploaded';
  save(state);
  showProgress(file.size, file.size);
  await awaitVerdict(state);
}

/** An API answer that stops the upload: its problem document. */
class ApiRefusal extends Error {
  constructor(answer) {
    super(answer.body.title);
    this.answer = answer;
  }
}

async function sendInParts(state, file) {
  // A retry asks which parts S3 has; only the missing ones are sent again.
  let answer = state.multipartBegun ? await api('GET', multipartPath(state)) : await api('POST', multipartPath(state));
  if (!answer.ok && answer.status === 409 && state.multipartBegun) {
    // The upload in parts is gone (aborted, or ended by the lifecycle) or the video is already in.
    const entry = await api('GET', `/prizes/entries/${encodeURIComponent(state.entryId)}?token=${encodeURIComponent(state.token)}`);
    if (entry.ok && entry.body.status !== 'awaiting-upload') return;
    answer = await api('POST', multipartPath(state));
  }
  if (!answer.ok) throw new ApiRefusal(answer);
  state.multipartBegun = true;
  save(state);
  const { uploaded, parts } = answer.body;
  if (uploaded.length > 0) {
    $('upload-hervat').textContent = `${uploaded.length} van ${parts} delen waren al binnen; we sturen alleen de rest.`;
  }
  await putMissingParts(answer.body, file, sent => showProgress(sent, file.size));
  const completed = await api('POST', multipartPath(state, '/complete'));
  if (!completed.ok) throw new ApiRefusal(completed);
}

function uploadStopped(state, file, stopped) {
  let message;
  if (stopped instanceof ApiRefusal) {
    message = problemNotice(stopped.answer.body);
  } else if (stopped.reason === 'connection') {
    message = problemNotice({ title: 'De verbinding is verbroken',
      detail: state.resumable
        ? 'Wat al verstuurd is, blijft bewaard. Probeer het opnieuw zodra je weer verbinding hebt; we gaan verder waar je was.'
        : 'Probeer het opnieuw zodra je weer verbinding hebt.' });
  } else {
    message = problemNotice({ title: 'De upload is geweigerd',
      detail: 'Probeer het opnieuw. Lukt het niet, begin dan een nieuwe inzending.' });
  }
  $('upload-fout').innerHTML = message;
  const retry = $('opnieuw');
  retry.hidden = false;
  retry.onclick = () => sendFile(state, file);
}

// ---------------------------------------------------------------- the verdict

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Asks for the entry's status until the check has decided (bounded); then shows what it decided. */
async function awaitVerdict(state) {
  $('upload-titel').textContent = 'Je vlog is verstuurd';
  $('voortgang-melding').textContent = 'Je vlog is verstuurd. We controleren het bestand.';
  outcome.innerHTML = '<p class="notice" id="controle">We controleren je bestand; dat duurt meestal een paar seconden.</p>';
  const started = Date.now();
  for (let wait = 500; Date.now() - started < VERDICT_PATIENCE_MS; wait = Math.min(wait * 2, 5000)) {
    const { ok, body } = await api('GET', `/prizes/entries/${encodeURIComponent(state.entryId)}?token=${encodeURIComponent(state.token)}`);
    if (ok && body.status !== 'awaiting-upload') {
      forget();
      showVerdict(body, state);
      return;
    }
    if (!ok && body.status) {
      forget();
      outcome.innerHTML = problemNotice(body);
      return;
    }
    if (Date.now() - started > SLOW_AFTER_MS) {
      $('controle').textContent = 'Het controleren duurt langer dan normaal. Je kunt wachten, of deze pagina sluiten: '
        + 'je krijgt een mail zodra we je vlog hebben bekeken.';
    }
    await sleep(wait);
  }
  outcome.innerHTML = `<div class="notice"><h2>Nog geen uitslag</h2><p>We hebben je vlog ontvangen, maar de controle is nog niet klaar.
    Je krijgt een mail zodra hij klaar is. Je kunt ook later kijken via <a href="${esc(state.manageUrl)}">je inzending</a>.</p></div>`;
}

function showVerdict(entry, state) {
  uploadSection.hidden = true;
  if (entry.status === 'rejected') {
    outcome.innerHTML = `<section class="notice problem" data-status="rejected" aria-labelledby="uitkomst-titel">
        <h2 id="uitkomst-titel" tabindex="-1">We konden je vlog niet aannemen</h2>
        <p id="reden">${esc(entry.rejection?.message)}</p>
        <h3>Wat kun je doen?</h3>
        <p>Sla de video opnieuw op vanaf je telefoon of computer, als MP4 of MOV van maximaal ${esc(size(maxBytes))},
          en stuur hem opnieuw in. Het bestand dat je stuurde, hebben we verwijderd. We hebben je dit ook gemaild.</p>
        <p><button id="opnieuw-insturen" type="button">Opnieuw insturen</button></p>
      </section>`;
    $('opnieuw-insturen').addEventListener('click', startAgain);
  } else {
    const video = entry.video
      ? `<p>We zagen een video van ${esc(Math.round(entry.video.durationSeconds))} seconden (${esc(entry.video.width)}×${esc(entry.video.height)}).</p>` : '';
    outcome.innerHTML = `<section class="notice ok" data-status="${esc(entry.status)}" aria-labelledby="uitkomst-titel">
        <h2 id="uitkomst-titel" tabindex="-1">Je vlog is ontvangen!</h2>
        <p>‘${esc(entry.title)}’ doet mee aan de Nationale Vrijwilligersprijzen. De jury bekijkt alle inzendingen na de sluitingsdatum.</p>
        ${video}
        <p>We sturen een bevestiging naar <strong>${esc(entry.email)}</strong>.</p>
        <p><a href="${esc(state.manageUrl)}">Bekijk je inzending of trek hem in</a></p>
      </section>`;
  }
  $('uitkomst-titel').focus();
}

/** Back to the form, filled in as before, for a new entry with another file. */
function startAgain() {
  forget();
  outcome.innerHTML = '';
  uploadSection.hidden = true;
  $('hervatten').hidden = true;
  $('file').value = '';
  form.hidden = false;
  $('file').focus();
}

// ---------------------------------------------------------------- after a reload

/** An upload this tab had begun: wait for the verdict, or offer to go on with the same file. */
function resumeAfterReload() {
  const state = saved();
  if (!state) return;
  form.hidden = true;
  if (state.phase === 'uploaded') {
    uploadSection.hidden = false;
    $('upload-bestand').textContent = `${state.file.name} (${size(state.file.size)})`;
    awaitVerdict(state);
    return;
  }
  $('hervatten').hidden = false;
  $('hervatten-uitleg').textContent = `Je was bezig ‘${state.file.name}’ (${size(state.file.size)}) te versturen. Kies hetzelfde `
    + 'bestand om verder te gaan' + (state.resumable ? '; wat al binnen is, sturen we niet opnieuw.' : '.');
  $('hervat').addEventListener('click', () => {
    const file = $('hervat-bestand').files[0];
    const same = file && file.name === state.file.name && file.size === state.file.size && file.lastModified === state.file.lastModified;
    $('hervat-bestand-error').textContent = same ? '' : `Kies het bestand ‘${state.file.name}’ (${size(state.file.size)}).`;
    if (same) sendFile(state, file);
  });
  $('nieuw').addEventListener('click', startAgain);
}

resumeAfterReload();
