/**
 * French phone numbers as people type them ("06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78",
 * "0033612345678") reduced to E.164 ("+33612345678"), or null when it is not a French number.
 */
export function toFrenchE164(value: string): string | null {
  const compact = value.replace(/[\s.\-\u00a0()]/g, '');
  let national: string;
  if (/^0[1-9]\d{8}$/.test(compact)) national = compact.slice(1);
  else if (/^\+33[1-9]\d{8}$/.test(compact)) national = compact.slice(3);
  else if (/^0033[1-9]\d{8}$/.test(compact)) national = compact.slice(4);
  else return null;
  return `+33${national}`;
}

/** Mobile numbers only: 06 and 07. */
export function toFrenchMobileE164(value: string): string | null {
  const e164 = toFrenchE164(value);
  return e164 && /^\+33[67]/.test(e164) ? e164 : null;
}

/** "+33612345678" → "06 12 34 56 78" for display. */
export function formatFrenchPhone(e164: string): string {
  if (!/^\+33[1-9]\d{8}$/.test(e164)) return e164;
  const national = `0${e164.slice(3)}`;
  return national.replace(/(\d{2})(?=\d)/g, '$1 ');
}
