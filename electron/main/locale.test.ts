import { describe, expect, it } from 'vitest';
import { spellCheckerLanguages } from './locale';

describe('spell checker languages', () => {
  it('checks French where Chromium has a French dictionary', () => {
    expect(spellCheckerLanguages('win32', ['en-US', 'fr-FR', 'fr'])).toEqual(['fr-FR']);
    expect(spellCheckerLanguages('linux', ['en-US', 'fr'])).toEqual(['fr']);
  });

  it('sets nothing where French is missing, nor on macOS (the OS checks there)', () => {
    expect(spellCheckerLanguages('win32', ['en-US'])).toEqual([]);
    expect(spellCheckerLanguages('darwin', ['fr-FR'])).toEqual([]);
  });
});
