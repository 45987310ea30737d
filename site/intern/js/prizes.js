// What the jury's and the prizes' views both write: an entry's status in Dutch, marks and means
// with a decimal comma, moments in Amsterdam time.

/** The statuses of entries before the jury (EntryStatus.BEFORE_THE_JURY), as staff and jurors read them. */
export const STATUSES = {
  'submitted': 'Ingezonden',
  'shortlisted': 'Op de shortlist',
  'nominated': 'Genomineerd',
  'winner': 'Winnaar',
  'not-selected': 'Niet geselecteerd',
};

/** The ones an admin may set (EntryStatus.DECISIONS). */
export const DECISIONS = ['shortlisted', 'nominated', 'winner', 'not-selected'];

export function statusLabel(code) {
  return STATUSES[code] ?? code;
}

const DECIMAL = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const MOMENT = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long',
  year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** 3.5 as "3,50". */
export function decimal(value) {
  return DECIMAL.format(value);
}

/** "12 januari 2027 om 19:30", in Amsterdam time. */
export function moment(iso) {
  return MOMENT.format(new Date(iso));
}

