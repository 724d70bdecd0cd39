import { describe, expect, it } from 'vitest';
import { formatFrenchPhone, toFrenchE164, toFrenchMobileE164 } from './phone';

describe('toFrenchMobileE164', () => {
  it.each([
    ['0612345678', '+33612345678'],
    ['0712345678', '+33712345678'],
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['06-12-34-56-78', '+33612345678'],
    ['\u00a006\u00a012 34 56 78 ', '+33612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+33612345678', '+33612345678'],
    ['+33 7 98 76 54 32', '+33798765432'],
    ['0033612345678', '+33612345678'],
    ['00 33 6 12 34 56 78', '+33612345678'],
  ])('turns %j into %s', (typed, e164) => {
    expect(toFrenchMobileE164(typed)).toBe(e164);
  });

  it.each(['0556123456', '+33556123456', '0033156123456', '0912345678', '0812345678'])(
    'refuses the landline or special number %j',
    (typed) => {
      expect(toFrenchMobileE164(typed)).toBeNull();
    },
  );

  it.each([
    ['too short', '061234567'],
    ['too long', '06123456789'],
    ['too short after +33', '+3361234567'],
    ['too long after +33', '+336123456789'],
    ['a 0 after the country code', '+330612345678'],
    ['a national number without its 0', '612345678'],
    ['a foreign number', '+32612345678'],
    ['letters', '06 12 34 56 7A'],
    ['empty', ''],
  ])('refuses %s (%j)', (_why, typed) => {
    expect(toFrenchMobileE164(typed)).toBeNull();
  });
});

describe('toFrenchE164', () => {
  it('accepts landlines and other French numbers as well as mobiles', () => {
    expect(toFrenchE164('05 56 12 34 56')).toBe('+33556123456');
    expect(toFrenchE164('01.42.00.00.00')).toBe('+33142000000');
    expect(toFrenchE164('+33 5 56 12 34 56')).toBe('+33556123456');
    expect(toFrenchE164('0033556123456')).toBe('+33556123456');
    expect(toFrenchE164('09 12 34 56 78')).toBe('+33912345678');
    expect(toFrenchE164('06 12 34 56 78')).toBe('+33612345678');
  });

  it('refuses numbers of the wrong length or starting with 00 after the country code', () => {
    expect(toFrenchE164('0556123456 7')).toBeNull();
    expect(toFrenchE164('055612345')).toBeNull();
    expect(toFrenchE164('0056123456')).toBeNull();
    expect(toFrenchE164('+33056123456')).toBeNull();
    expect(toFrenchE164('+44 20 7946 0958')).toBeNull();
  });
});

describe('formatFrenchPhone', () => {
  it('shows an E.164 French number the national way, by pairs', () => {
    expect(formatFrenchPhone('+33612345678')).toBe('06 12 34 56 78');
    expect(formatFrenchPhone('+33556123456')).toBe('05 56 12 34 56');
  });

  it('is the inverse of toFrenchE164', () => {
    for (const typed of ['0612345678', '+33 7 98 76 54 32', '05.56.12.34.56']) {
      const e164 = toFrenchE164(typed)!;
      expect(toFrenchE164(formatFrenchPhone(e164))).toBe(e164);
    }
  });

  it('leaves anything else as it is', () => {
    expect(formatFrenchPhone('+442079460958')).toBe('+442079460958');
    expect(formatFrenchPhone('0612345678')).toBe('0612345678');
    expect(formatFrenchPhone('')).toBe('');
  });
});
