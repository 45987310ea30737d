// The start page: who is signed in, and the pages their groups open.
import { esc } from '/js/site.js';

const GROUPS = { admins: 'beheerder', jury: 'jurylid' };

export default {
  path: '',
  title: 'Start',
  groups: [],
  async render(main, { caller, views }) {
    const mine = views.filter(view => view.path && view.groups.some(group => caller.groups.includes(group)));
    const roles = caller.groups.map(group => GROUPS[group]).filter(Boolean);
    main.innerHTML = `<h1>Welkom</h1>
      <p class="lead">Je bent ingelogd als <strong>${esc(caller.email)}</strong>${roles.length ? ` (${esc(roles.join(' en '))})` : ''}.</p>
      ${mine.length
        ? `<ul class="start-list">${mine.map(view => `<li><a href="#/${view.path}">${esc(view.title)}</a>${view.summary ? `: ${esc(view.summary)}` : ''}</li>`).join('')}</ul>`
        : `<div class="notice"><h2>Nog geen toegang</h2><p>Je account hoort nog bij geen groep. Vraag het campagneteam van NOV om je toe te voegen als beheerder of jurylid.</p></div>`}`;
  },
};
