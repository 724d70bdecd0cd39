import { describe, expect, it } from 'vitest';
import { mergeChange } from './merge';

// `mine` is a pending change as the outbox keeps it (the fields I edited), `base` those fields
// as they were when I edited them, `theirs` the whole resource as the platform has it now.

describe('mergeChange', () => {
  it('keeps a field only I changed', () => {
    const result = mergeChange(
      { tradeName: 'Ancien' },
      { tradeName: 'Nouveau' },
      { tradeName: 'Ancien', version: 3 },
    );
    expect(result).toEqual({ payload: { tradeName: 'Nouveau' }, conflicts: {} });
  });

  it('leaves out a field only the platform changed, without conflict', () => {
    const result = mergeChange(
      { tradeName: 'Ancien' },
      { tradeName: 'Nouveau' },
      { tradeName: 'Ancien', email: 'nouveau@cfa.fr', phone: '+33556000000', version: 3 },
    );
    expect(result).toEqual({ payload: { tradeName: 'Nouveau' }, conflicts: {} });
    expect(result.payload).not.toHaveProperty('email');
    expect(result.payload).not.toHaveProperty('phone');
  });

  it('drops a field both sides changed to the same value, without conflict', () => {
    const result = mergeChange({ tradeName: 'Ancien' }, { tradeName: 'Pareil' }, { tradeName: 'Pareil' });
    expect(result).toEqual({ payload: {}, conflicts: {} });
  });

  it('reports a field both sides changed differently, with base, mine and theirs', () => {
    const result = mergeChange({ tradeName: 'Ancien' }, { tradeName: 'Le mien' }, { tradeName: 'Le leur' });
    expect(result).toEqual({
      payload: {},
      conflicts: { tradeName: { base: 'Ancien', mine: 'Le mien', theirs: 'Le leur' } },
    });
  });

  it('compares booleans strictly (false is not 0 nor null)', () => {
    expect(
      mergeChange(
        { acceptsThirdGradeInterns: false },
        { acceptsThirdGradeInterns: true },
        { acceptsThirdGradeInterns: false },
      ),
    ).toEqual({ payload: { acceptsThirdGradeInterns: true }, conflicts: {} });
    expect(
      mergeChange(
        { acceptsThirdGradeInterns: false },
        { acceptsThirdGradeInterns: true },
        { acceptsThirdGradeInterns: true },
      ),
    ).toEqual({ payload: {}, conflicts: {} });
    // The platform's 0 is not the base's false: it changed, and differently from me.
    expect(mergeChange({ flag: false }, { flag: true }, { flag: 0 })).toEqual({
      payload: {},
      conflicts: { flag: { base: false, mine: true, theirs: 0 } },
    });
  });

  it('treats null as a value of its own', () => {
    // I cleared a field the platform did not touch.
    expect(mergeChange({ phone: '+33556000000' }, { phone: null }, { phone: '+33556000000' })).toEqual({
      payload: { phone: null },
      conflicts: {},
    });
    // Both cleared it.
    expect(mergeChange({ phone: '+33556000000' }, { phone: null }, { phone: null })).toEqual({
      payload: {},
      conflicts: {},
    });
    // We both filled an empty field, differently.
    expect(mergeChange({ phone: null }, { phone: '+33556000000' }, { phone: '+33557000000' })).toEqual({
      payload: {},
      conflicts: { phone: { base: null, mine: '+33556000000', theirs: '+33557000000' } },
    });
    // The platform cleared a field I changed.
    expect(mergeChange({ website: 'https://a.fr' }, { website: 'https://b.fr' }, { website: null })).toEqual({
      payload: {},
      conflicts: { website: { base: 'https://a.fr', mine: 'https://b.fr', theirs: null } },
    });
    // null and a missing field are not the same state.
    expect(mergeChange({ website: null }, { website: 'https://b.fr' }, {})).toEqual({
      payload: {},
      conflicts: { website: { base: null, mine: 'https://b.fr', theirs: undefined } },
    });
  });

  it('compares nested values deeply, not by reference', () => {
    const base = { address: { street: '1 rue A', postalCode: '33000' }, tags: ['a', 'b'] };
    // Equal copies on the platform: unchanged there, my edits go through.
    const mine = { address: { street: '2 rue B', postalCode: '33000' }, tags: ['a', 'b', 'c'] };
    const theirsUnchanged = { address: { street: '1 rue A', postalCode: '33000' }, tags: ['a', 'b'] };
    expect(mergeChange(base, mine, theirsUnchanged)).toEqual({ payload: mine, conflicts: {} });
    // Equal copies of my values on the platform: nothing to send.
    expect(mergeChange(base, mine, structuredClone(mine))).toEqual({ payload: {}, conflicts: {} });
    // A deep difference (one nested field, one array item) is a change.
    const theirs = { address: { street: '1 rue A', postalCode: '33100' }, tags: ['b', 'a'] };
    expect(mergeChange(base, mine, theirs)).toEqual({
      payload: {},
      conflicts: {
        address: { base: base.address, mine: mine.address, theirs: theirs.address },
        tags: { base: base.tags, mine: mine.tags, theirs: theirs.tags },
      },
    });
  });

  it('merges several fields, each on its own', () => {
    const base = {
      tradeName: 'Ancien nom',
      email: 'ancien@cfa.fr',
      phone: '+33556000000',
      website: null,
      acceptsThirdGradeInterns: false,
    };
    const mine = {
      tradeName: 'Mon nom', // only me
      email: 'commun@cfa.fr', // same on both sides
      phone: '+33556111111', // both, differently
      website: 'https://mon-cfa.fr', // both, differently (they set null → something)
      acceptsThirdGradeInterns: true, // only me
    };
    const theirs = {
      id: 'b4c8a0b8-0f5e-4a53-9d3c-1b2f3a4c5d6e',
      tradeName: 'Ancien nom',
      email: 'commun@cfa.fr',
      phone: '+33556222222',
      website: 'https://leur-cfa.fr',
      acceptsThirdGradeInterns: false,
      acceptsSecondGradeInterns: true, // only them
      headcountBand: '12', // only them
      version: 7,
    };
    const before = structuredClone({ base, mine, theirs });
    expect(mergeChange(base, mine, theirs)).toEqual({
      payload: { tradeName: 'Mon nom', acceptsThirdGradeInterns: true },
      conflicts: {
        phone: { base: '+33556000000', mine: '+33556111111', theirs: '+33556222222' },
        website: { base: null, mine: 'https://mon-cfa.fr', theirs: 'https://leur-cfa.fr' },
      },
    });
    // The inputs are left as they were.
    expect({ base, mine, theirs }).toEqual(before);
  });

  it('has nothing to do for an empty change', () => {
    expect(mergeChange({}, {}, { tradeName: 'X', version: 2 })).toEqual({ payload: {}, conflicts: {} });
  });
});

describe('mergeChange — a field set back to its starting value', () => {
  it('lets the platform’s new value stand, without a conflict', () => {
    // An amended change can carry a field the user changed, then changed back.
    expect(mergeChange({ tradeName: 'A' }, { tradeName: 'A' }, { tradeName: 'B' })).toEqual({
      payload: {},
      conflicts: {},
    });
  });
});
