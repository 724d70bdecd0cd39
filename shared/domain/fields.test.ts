import { describe, expect, it } from 'vitest';
import { hasInvalidCharacters, optionalText, requiredText, searchText } from './fields';

describe('invalid characters in text fields', () => {
  it.each([
    ['NUL', 'a\u0000b', true],
    ['escape', 'a\u001Bb', true],
    ['DEL', 'a\u007Fb', true],
    ['C1 next line', 'a\u0085b', true],
    ['lone high surrogate', 'a\uD83Db', true],
    ['lone low surrogate', '\uDE00', true],
    ['tab, line feed, carriage return', 'a\tb\nc\r\nd', false],
    ['a surrogate pair', 'émoji 😀', false],
    ['no-break and narrow spaces', 'Saint\u00A0Jean\u202F!', false],
  ])('%s: refused %s', (_, text, refused) => {
    expect(hasInvalidCharacters(text)).toBe(refused);
  });

  it('names the field in every kind of text field', () => {
    const issue = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;
    expect(issue(requiredText('Message').safeParse('Bonjour\u0000'))).toBe(
      'Le champ « Message » contient un caractère invalide.',
    );
    expect(issue(optionalText('Rythme').safeParse('\uD800'))).toBe(
      'Le champ « Rythme » contient un caractère invalide.',
    );
    expect(issue(searchText().safeParse('\u0001'))).toBe(
      'Le champ « Recherche » contient un caractère invalide.',
    );
    expect(requiredText('Message', 100).parse(' Ligne 1\n\tLigne 2 ')).toBe('Ligne 1\n\tLigne 2');
  });
});
