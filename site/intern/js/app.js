// The admin and jury pages: one page whose views follow the address's #/ part, so the token in
// memory lasts while one moves between them. Each view is a module in views/ (see VIEWS).
import { completeSignIn, current, expired, signIn, signOut, SignInProblem } from './auth.js';
import { onSessionEnd, adminApi, downloadCsv, problemHtml, showFieldErrors } from './api.js';
import { esc } from '/js/site.js';
import start from './views/start.js';
import activiteiten from './views/activiteiten.js';
import jury from './views/jury.js';
import prijzen from './views/prijzen.js';
import oproep from './views/oproep.js';
import overzicht from './views/overzicht.js';

/** Views in menu order: {path, title, groups (who may open it), render(main, context)}. */
export const VIEWS = [start, activiteiten, jury, prijzen, oproep, overzicht];

const main = document.getElementById('inhoud');
const menu = document.getElementById('menu');

function allowed(view, caller) {
  return view.groups.length === 0 || view.groups.some(group => caller.groups.includes(group));
}

function renderMenu(caller, active) {
  const items = VIEWS.filter(view => view.path && allowed(view, caller)).map(view =>
    `<li><a href="#/${view.path}"${view === active ? ' aria-current="page"' : ''}>${esc(view.title)}</a></li>`).join('');
  menu.innerHTML = `<ul>${items}<li class="who">${esc(caller.email)}</li>
    <li><button type="button" id="uitloggen">Uitloggen</button></li></ul>`;
  menu.hidden = false;
  document.getElementById('uitloggen').addEventListener('click', () => signOut());
}

async function route() {
  const signedIn = current();
  if (!signedIn) {
    showSessionEnded();
    return;
  }
  const [path = '', ...params] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const view = VIEWS.find(v => v.path === path) ?? start;
  renderMenu(signedIn.caller, view);
  if (!allowed(view, signedIn.caller)) {
    main.innerHTML = `<h1>${esc(view.title)}</h1>${problemHtml({ title: 'Geen toegang',
      detail: 'Je account hoort niet bij de groep die deze pagina mag zien. Vraag het campagneteam om toegang.' })}`;
    return;
  }
  document.title = `${view.title} · Beheer · Mensen maken Nederland`;
  main.innerHTML = '<p>Laden…</p>';
  await view.render(main, { params, caller: signedIn.caller, api: adminApi, downloadCsv, problemHtml, showFieldErrors, views: VIEWS });
  if (!current()) {
    return;
  }
  main.focus();
}

/** The clear page for a session that ran out: what happened, and one button back in. */
function showSessionEnded() {
  menu.hidden = true;
  document.title = 'Sessie verlopen · Beheer · Mensen maken Nederland';
  main.innerHTML = `<h1>Je sessie is verlopen</h1>
    <p>Uit veiligheid blijf je een uur ingelogd. Log opnieuw in om verder te gaan waar je was; niets van wat je al opsloeg is verloren.</p>
    <p><button type="button" id="opnieuw-inloggen">Opnieuw inloggen</button></p>`;
  document.getElementById('opnieuw-inloggen').addEventListener('click', () => signIn(location.hash));
  main.focus();
}

function showSignInProblem(problem) {
  menu.hidden = true;
  main.innerHTML = `<h1>Inloggen</h1>${problemHtml(problem)}
    <p><button type="button" id="opnieuw-inloggen">Opnieuw inloggen</button></p>`;
  document.getElementById('opnieuw-inloggen').addEventListener('click', () => signIn(''));
}

onSessionEnd(showSessionEnded);

try {
  await completeSignIn();
  if (current()) {
    window.addEventListener('hashchange', () => (expired() ? showSessionEnded() : route()));
    await route();
  } else {
    await signIn(location.hash);
  }
} catch (problem) {
  if (!(problem instanceof SignInProblem)) throw problem;
  showSignInProblem(problem);
}
