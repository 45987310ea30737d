// Before a form sends an email address: a likely typo in its domain is pointed out once, with a
// button that corrects it. Sending again sends the address as typed: a real address is never held.
import { suggestEmail } from './email-typo.js';
import { esc } from './site.js';

/**
 * For the email `input`; `region` is an aria-live element beside it, `sendLabel` the text of the
 * form's send button. Returns the check for the form's submit handler: true when it showed a
 * suggestion for the address now typed (the form then waits), false when the form may send.
 */
export function emailSuggestion(input, region, sendLabel) {
  let askedFor = null;
  input.addEventListener('input', () => {
    if (input.value.trim() !== askedFor) region.replaceChildren();
  });

  function holds() {
    const typed = input.value.trim();
    const suggestion = suggestEmail(typed);
    if (!suggestion || typed === askedFor) {
      region.replaceChildren();
      return false;
    }
    askedFor = typed;
    region.innerHTML = `<p>Bedoelde je <strong>${esc(suggestion)}</strong>?</p>
      <p><button type="button" class="secondary">Ja, gebruik ${esc(suggestion)}</button></p>
      <p class="hint">Klopt ${esc(typed)} toch? Klik dan nog een keer op ‘${esc(sendLabel)}’.</p>`;
    const apply = region.querySelector('button');
    apply.addEventListener('click', () => {
      input.value = suggestion;
      // As if typed: the form sees a new address (a new idempotency key, no stale suggestion).
      input.dispatchEvent(new Event('input', { bubbles: true }));
      region.innerHTML = `<p>Je e-mailadres is nu <strong>${esc(suggestion)}</strong>.</p>`;
      input.focus();
    });
    apply.focus();
    return true;
  }
  return holds;
}
