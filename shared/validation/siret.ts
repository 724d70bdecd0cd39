/** Luhn checksum over a string of digits (used by INSEE for SIREN and SIRET). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** La Poste's establishments share this SIREN and use another rule (see isValidSiret). */
export const LA_POSTE_SIREN = '356000000';

/** La Poste's head office: its SIRET follows Luhn, like any other company's (not the digit-sum rule). */
export const LA_POSTE_HEAD_OFFICE_SIRET = '35600000000048';

/** Removes the spaces and dots people type in SIRET and SIREN numbers. */
export function compactDigits(value: string): string {
  return value.replace(/[\s.\u00a0]/g, '');
}

export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhnValid(value);
}

export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN) && value !== LA_POSTE_HEAD_OFFICE_SIRET) {
    // Too many La Poste establishments for Luhn-valid NICs: INSEE checks the digit sum instead.
    const sum = [...value].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0;
  }
  return luhnValid(value);
}
