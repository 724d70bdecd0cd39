import { describe, expect, it } from 'vitest';
import { DEMO_REFERENT } from '../../platform/seed/demo';
import { useDesktops } from '../../tests/support/desktops';
import { directorySirets, employerForm } from '../../tests/support/partners';

// NUL bytes, control characters and lone surrogates in free text are refused by the dispatch
// (the shared schemas of shared/domain/fields.ts), before any handler writes to the cache.

const { signedIn, platform } = useDesktops();

describe('text hygiene through the core dispatch', () => {
  it.each([
    ['a NUL byte', 'Lar\u0000rieu'],
    ['a lone surrogate', 'Lar\uDFFFrieu'],
    ['a C1 control character', 'Lar\u0085rieu'],
  ])('refuses %s in « Nom du contact », naming the field, and saves nothing', async (_, contactLastName) => {
    const [siret] = await directorySirets(platform(), { active: true, count: 1 });
    const referent = await signedIn(DEMO_REFERENT);
    const before = await referent.call('employers.list');
    const error = await referent.refuse('employers.create', employerForm(siret!, { contactLastName }));
    expect(error).toMatchObject({
      code: 'validation',
      fields: { contactLastName: 'Le champ « Nom du contact » contient un caractère invalide.' },
    });
    expect(error.message).toContain('« Nom du contact »');
    expect(await referent.call('employers.list')).toEqual(before);
  });

  it('refuses them in a search box too', async () => {
    const referent = await signedIn(DEMO_REFERENT);
    expect(await referent.refuse('search.global', { q: 'boulanger\u0000' })).toMatchObject({
      code: 'validation',
      fields: { q: 'Le champ « Recherche » contient un caractère invalide.' },
    });
  });
});
