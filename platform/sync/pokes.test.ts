import { describe, expect, it } from 'vitest';
import type { MemberRow } from '../http/membership';
import { decodePoke, encodePoke, inProcessPokeBus, pokeReaches, type FeedPoke } from './pokes';

const reader = (id: string, role: 'referent' | 'gestionnaire', structureId = 's1') => ({
  user: { id, role, structure_id: structureId } as MemberRow,
  structureId,
});

describe('pokes', () => {
  it('travel as a short text and come back the same', () => {
    const poke: FeedPoke = { structureId: 's1', seq: 42, ownerUserId: 'u1', referentToo: true };
    expect(encodePoke(poke).length).toBeLessThan(200);
    expect(decodePoke(encodePoke(poke))).toEqual(poke);
    expect(decodePoke(encodePoke({ ...poke, ownerUserId: null, referentToo: false }))).toEqual({
      ...poke,
      ownerUserId: null,
      referentToo: false,
    });
  });

  it('refuse a payload that is not one of theirs', () => {
    for (const payload of ['', 'null', '{}', '["s1","42",null,0]', '["s1",42,7,0]', '[1,2,3]', 'pas du json'])
      expect(decodePoke(payload)).toBeNull();
  });

  it('reach the audience of their entry, as the feed does', () => {
    const everyone: FeedPoke = { structureId: 's1', seq: 1, ownerUserId: null, referentToo: false };
    const mine: FeedPoke = { ...everyone, ownerUserId: 'author' };
    const mineAndReferent: FeedPoke = { ...mine, referentToo: true };
    expect(pokeReaches(everyone, reader('x', 'gestionnaire'))).toBe(true);
    expect(pokeReaches(everyone, reader('x', 'gestionnaire', 's2'))).toBe(false);
    expect(pokeReaches(mine, reader('author', 'gestionnaire'))).toBe(true);
    expect(pokeReaches(mine, reader('boss', 'referent'))).toBe(false);
    expect(pokeReaches(mineAndReferent, reader('boss', 'referent'))).toBe(true);
    expect(pokeReaches(mineAndReferent, reader('colleague', 'gestionnaire'))).toBe(false);
  });

  it('go to every subscriber of the bus until it unsubscribes', () => {
    const bus = inProcessPokeBus();
    const heard: number[] = [];
    const stop = bus.subscribe((poke) => heard.push(poke.seq));
    bus.publish({ structureId: 's1', seq: 1, ownerUserId: null, referentToo: false });
    stop();
    bus.publish({ structureId: 's1', seq: 2, ownerUserId: null, referentToo: false });
    expect(heard).toEqual([1]);
  });
});
