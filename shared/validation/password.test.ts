import { describe, expect, it } from 'vitest';
import { describeMissingPasswordRules, missingPasswordRules, PASSWORD_MIN_LENGTH } from './password';

const LENGTH = `au moins ${PASSWORD_MIN_LENGTH} caractères`;
const UPPER = 'une majuscule';
const LOWER = 'une minuscule';
const DIGIT = 'un chiffre';
const SPECIAL = 'un caractère spécial (par exemple ! ? - _ @ #)';

describe('missingPasswordRules', () => {
  it('accepts a strong 12-character password', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect('Alternance-1'.length).toBe(12);
    expect(missingPasswordRules('Alternance-1')).toEqual([]);
  });

  it.each([
    ['too short (11 characters)', 'Alternance1', [LENGTH, SPECIAL]],
    ['too short but otherwise strong', 'Altern-1', [LENGTH]],
    ['no upper case letter', 'alternance-12', [UPPER]],
    ['no lower case letter', 'ALTERNANCE-12', [LOWER]],
    ['no digit', 'Alternance-NA', [DIGIT]],
    ['no special character', 'Alternance2026', [SPECIAL]],
  ])('reports %s', (_why, password, missing) => {
    expect(missingPasswordRules(password)).toEqual(missing);
  });

  it('reports every rule for an empty password, in a stable order', () => {
    expect(missingPasswordRules('')).toEqual([LENGTH, UPPER, LOWER, DIGIT, SPECIAL]);
  });

  it('counts a space as a special character', () => {
    expect(missingPasswordRules('Alternance 12')).toEqual([]);
  });

  it('counts accented letters as letters, not as special characters', () => {
    expect(missingPasswordRules('Éléphantrose12')).toEqual([SPECIAL]);
    expect(missingPasswordRules('éléphant-rose12')).toEqual([UPPER]);
    expect(missingPasswordRules('ÉLÉPHANT-ROSE12')).toEqual([LOWER]);
    // The same letters typed decomposed (e + combining accent), as some keyboards send them.
    expect(missingPasswordRules('Éléphantrose12'.normalize('NFD'))).toEqual([SPECIAL]);
    // 11 characters once composed, though 14 code points decomposed.
    const decomposed = 'Élé-phanté1'.normalize('NFD');
    expect([...decomposed]).toHaveLength(14);
    expect(missingPasswordRules(decomposed)).toEqual([LENGTH]);
  });

  it('counts characters, not UTF-16 units', () => {
    // 11 characters, one of them outside the BMP (two UTF-16 units).
    const password = 'Altern-1😀ab';
    expect(password.length).toBe(12);
    expect(missingPasswordRules(password)).toEqual([LENGTH]);
  });
});

describe('describeMissingPasswordRules', () => {
  it('joins the missing rules the French way', () => {
    expect(describeMissingPasswordRules([UPPER])).toBe('Le mot de passe doit contenir une majuscule.');
    expect(describeMissingPasswordRules([UPPER, DIGIT])).toBe(
      'Le mot de passe doit contenir une majuscule et un chiffre.',
    );
    expect(describeMissingPasswordRules([LENGTH, UPPER, DIGIT])).toBe(
      'Le mot de passe doit contenir au moins 12 caractères, une majuscule et un chiffre.',
    );
  });

  it('describes what a given password lacks', () => {
    expect(describeMissingPasswordRules(missingPasswordRules('alternance-na'))).toBe(
      'Le mot de passe doit contenir une majuscule et un chiffre.',
    );
  });
});
