// Likely typos in the domain of an email address, against the providers most Dutch addresses are at.
// A suggestion only: the forms still send what the person meant (see email-suggestion.js).

/** Mail providers, the most used first (a tie between two goes to the first). Never flagged themselves. */
export const PROVIDERS = [
  'gmail.com', 'hotmail.com', 'outlook.com', 'live.nl', 'hotmail.nl', 'ziggo.nl', 'kpnmail.nl', 'kpnplanet.nl',
  'planet.nl', 'home.nl', 'xs4all.nl', 'icloud.com', 'yahoo.com', 'upcmail.nl', 'telfort.nl', 'chello.nl',
  'tele2.nl', 'quicknet.nl', 'casema.nl', 'zeelandnet.nl', 'hetnet.nl', 'live.com', 'msn.com', 'me.com',
  'ymail.com', 'mail.com', 'email.com', 'gmx.net', 'gmx.com', 'googlemail.com', 'protonmail.com', 'proton.me',
  'caiway.nl', 'solcon.nl', 'online.nl', 'zonnet.nl', 'freeler.nl', 'hccnet.nl', 'wanadoo.nl', 'versatel.nl',
];

/**
 * Endings that are no top-level domain at all, typed for .nl or .com: corrected on any domain.
 * Typos that are real endings elsewhere (.cm, .co, .no) count only near a provider's own ending.
 */
export const NOT_A_TLD = {
  nk: 'nl', nll: 'nl', ln: 'nl', nl1: 'nl',
  con: 'com', comm: 'com', cmo: 'com', ocm: 'com', cpm: 'com', vom: 'com', xom: 'com', coom: 'com',
};

/**
 * The address with its domain corrected, or null when the domain is a provider's, is far from every
 * provider, or is no address at all. The part before the @ is kept as typed.
 */
export function suggestEmail(address) {
  const typed = String(address ?? '').trim();
  const at = typed.lastIndexOf('@');
  const domain = typed.slice(at + 1).toLowerCase();
  const dot = domain.lastIndexOf('.');
  if (at < 1 || dot < 1 || dot === domain.length - 1 || PROVIDERS.includes(domain)) return null;
  const [name, ending] = [domain.slice(0, dot), domain.slice(dot + 1)];

  let best = null;
  for (const provider of PROVIDERS) {
    const [providerName, providerEnding] = split(provider);
    const nameEdits = edits(name, providerName);
    const endingEdits = edits(ending, providerEnding);
    if (nameEdits <= allowedEdits(name, providerName) && endingEdits <= 1
        && (best === null || nameEdits + endingEdits < best.edits)) {
      best = { provider, edits: nameEdits + endingEdits };
    }
  }
  const local = typed.slice(0, at);
  if (best) return `${local}@${best.provider}`;
  return NOT_A_TLD[ending] ? `${local}@${name}.${NOT_A_TLD[ending]}` : null;
}

function split(domain) {
  const dot = domain.lastIndexOf('.');
  return [domain.slice(0, dot), domain.slice(dot + 1)];
}

/**
 * How far a typed name may be from a provider's, scaled to its length because the shorter a name,
 * the more real domains lie one edit from it: two edits from seven letters, one from five, and for
 * the shortest (live, home) only two letters swapped, so lime.nl or some.nl are left alone.
 */
function allowedEdits(typed, provider) {
  if (provider.length >= 7) return 2;
  if (provider.length >= 5) return 1;
  return [...typed].sort().join('') === [...provider].sort().join('') ? 1 : 0;
}

/** Damerau–Levenshtein distance (optimal string alignment): insertions, deletions, substitutions, swaps of neighbours. */
export function edits(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}
