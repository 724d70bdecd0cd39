import { describe, expect, it } from 'vitest';
import { compactDigits, isValidSiren, isValidSiret, LA_POSTE_SIREN, luhnValid } from './siret';

const SIRET = '92193444400016';
const SIREN = '921934444';
/** La Poste's head office (siège). */
const LA_POSTE_HEAD_OFFICE = '35600000000048';

const digitSum = (value: string) => [...value].reduce((total, digit) => total + Number(digit), 0);

/** Replaces the last digit, keeping the length. */
const withLastDigit = (value: string, digit: number) => `${value.slice(0, -1)}${digit}`;

/** SIRETs of a SIREN (La Poste's by default) matching `wanted`, first ones in NIC order. */
function laPosteSirets(wanted: (siret: string) => boolean, count: number, siren = LA_POSTE_SIREN): string[] {
  const found: string[] = [];
  for (let nic = 1; found.length < count && nic < 100_000; nic++) {
    const siret = `${siren}${String(nic).padStart(5, '0')}`;
    if (wanted(siret)) found.push(siret);
  }
  return found;
}

describe('luhnValid', () => {
  it('accepts numbers whose Luhn sum is a multiple of 10', () => {
    expect(luhnValid('79927398713')).toBe(true); // the textbook example
    expect(luhnValid(SIRET)).toBe(true);
    expect(luhnValid(SIREN)).toBe(true);
    expect(luhnValid('0')).toBe(true);
  });

  it('refuses a wrong check digit and a swap of two neighbours', () => {
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('79927398731')).toBe(false);
  });
});

describe('isValidSiren', () => {
  it('accepts the SIREN of a valid SIRET', () => {
    expect(isValidSiren(SIREN)).toBe(true);
    expect(isValidSiren(SIRET.slice(0, 9))).toBe(true);
  });

  it('refuses a wrong check digit', () => {
    for (let digit = 0; digit <= 9; digit++) {
      if (digit === 4) continue;
      expect(isValidSiren(withLastDigit(SIREN, digit)), String(digit)).toBe(false);
    }
  });

  it('refuses wrong lengths and non-digits', () => {
    expect(isValidSiren('')).toBe(false);
    expect(isValidSiren(SIREN.slice(0, 8))).toBe(false);
    expect(isValidSiren(`${SIREN}0`)).toBe(false);
    expect(isValidSiren(SIRET)).toBe(false);
    expect(isValidSiren('92193444A')).toBe(false);
    expect(isValidSiren('921 934 444')).toBe(false);
  });
});

describe('isValidSiret', () => {
  it('accepts a Luhn-valid SIRET', () => {
    expect(isValidSiret(SIRET)).toBe(true);
  });

  it('refuses every other check digit', () => {
    for (let digit = 0; digit <= 9; digit++) {
      if (digit === 6) continue;
      expect(isValidSiret(withLastDigit(SIRET, digit)), String(digit)).toBe(false);
    }
  });

  it('refuses wrong lengths', () => {
    expect(isValidSiret('')).toBe(false);
    expect(isValidSiret(SIREN)).toBe(false);
    expect(isValidSiret(SIRET.slice(0, 13))).toBe(false);
    // Luhn-valid with 15 digits: the length alone must refuse it.
    expect(luhnValid(`0${SIRET}`)).toBe(true);
    expect(isValidSiret(`0${SIRET}`)).toBe(false);
  });

  it('refuses letters, signs and separators (compact first)', () => {
    expect(isValidSiret('9219344440001A')).toBe(false);
    expect(isValidSiret('A2193444400016')).toBe(false);
    expect(isValidSiret('-9219344440001')).toBe(false);
    expect(isValidSiret('921 934 444 00016')).toBe(false);
    expect(isValidSiret('92193444400016 ')).toBe(false);
  });

  describe('La Poste (SIREN 356000000): the sum of the 14 digits must be a multiple of 5', () => {
    it('accepts SIRETs whose digit sum is a multiple of 5 though they fail Luhn', () => {
      const sirets = laPosteSirets((s) => digitSum(s) % 5 === 0 && !luhnValid(s), 5);
      expect(sirets).toContain('35600000000001'); // 3 + 5 + 6 + 1 = 15
      for (const siret of sirets) expect(isValidSiret(siret), siret).toBe(true);
    });

    it('refuses SIRETs whose digit sum is not a multiple of 5, even when Luhn-valid', () => {
      const luhnOnly = laPosteSirets(
        (s) => digitSum(s) % 5 !== 0 && luhnValid(s) && s !== LA_POSTE_HEAD_OFFICE,
        5,
      );
      expect(luhnOnly).toContain('35600000000014');
      for (const siret of luhnOnly) expect(isValidSiret(siret), siret).toBe(false);
      const neither = laPosteSirets((s) => digitSum(s) % 5 !== 0 && !luhnValid(s), 5);
      expect(neither).toContain('35600000000002');
      for (const siret of neither) expect(isValidSiret(siret), siret).toBe(false);
    });

    it('decides on the digit sum alone, in both directions, for the first NICs', () => {
      for (const siret of laPosteSirets(() => true, 500)) {
        if (siret === LA_POSTE_HEAD_OFFICE) continue;
        expect(isValidSiret(siret), siret).toBe(digitSum(siret) % 5 === 0);
      }
    });

    it('accepts the head office, whose NIC follows Luhn like any other company', () => {
      expect(luhnValid(LA_POSTE_HEAD_OFFICE)).toBe(true);
      expect(digitSum(LA_POSTE_HEAD_OFFICE) % 5).not.toBe(0);
      expect(isValidSiret(LA_POSTE_HEAD_OFFICE)).toBe(true);
    });

    it('does not apply to other SIRENs', () => {
      // Digit sum a multiple of 5 but not Luhn-valid: would pass only under La Poste's rule.
      for (const siren of ['356000001', '135600000', SIREN]) {
        const sirets = laPosteSirets((s) => digitSum(s) % 5 === 0 && !luhnValid(s), 5, siren);
        expect(sirets).toHaveLength(5);
        for (const siret of sirets) expect(isValidSiret(siret), siret).toBe(false);
      }
    });

    it('still requires 14 digits', () => {
      expect(isValidSiret('3560000000001')).toBe(false);
      expect(isValidSiret('356000000000010')).toBe(false);
    });
  });
});

describe('compactDigits', () => {
  it('removes spaces, non-breaking spaces and dots', () => {
    expect(compactDigits('921 934 444 00016')).toBe(SIRET);
    expect(compactDigits('921.934.444.00016')).toBe(SIRET);
    expect(compactDigits(' 921\u00a0934\u00a0444 00016 ')).toBe(SIRET);
    expect(compactDigits('921  934\t444\n00016')).toBe(SIRET);
  });

  it('keeps everything else, so invalid input stays invalid', () => {
    expect(compactDigits('921-934-444')).toBe('921-934-444');
    expect(compactDigits('92193444A')).toBe('92193444A');
    expect(isValidSiret(compactDigits('921 934 444 00016'))).toBe(true);
  });
});
