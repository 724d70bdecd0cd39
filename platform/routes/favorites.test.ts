import { describe, expect, it } from 'vitest';
import { favoriteSchema } from '../../shared/domain/profiles';
import { PROFILE_GONE } from '../profiles/staff-view';
import { entries, profileCalls } from '../profiles/test-fixtures';
import { expectProblem, usePlatform } from '../test-support';

const START = new Date('2026-03-02T09:00:00.000Z');
let now = START;
const platform = usePlatform({ limits: { registrations: 10_000 }, clock: () => now });
const { call, team, feed, newCandidate, createProfile, putFavorite, deleteFavorite } = profileCalls(platform);

const later = (minutes: number) => new Date(START.getTime() + minutes * 60_000);

async function favorite(token: string, profileId: string, headers: Record<string, string> = {}) {
  const response = await putFavorite(token, profileId, headers);
  expect(response.statusCode, response.body).toBe(200);
  return favoriteSchema.parse(response.json());
}

async function profileOfNewCandidate() {
  const candidate = await newCandidate();
  return { candidate, profile: await createProfile(candidate.token) };
}

describe('PUT /favorites/{profileId}', () => {
  it('adds the profile to the structure’s favourites, for the whole team', async () => {
    const { owner, colleague } = await team();
    const { profile } = await profileOfNewCandidate();
    now = later(5);
    const response = await putFavorite(colleague.token, profile.id);
    now = START;
    for (const secret of ['@exemple.fr', '07 12 34 56 78', '2007-05-14'])
      expect(response.body).not.toContain(secret);
    const added = favoriteSchema.parse(response.json());
    expect(added).toEqual({
      id: profile.id,
      profile: expect.objectContaining({ id: profile.id, firstName: 'Inès', lastName: 'Duboscq', level: 4 }),
      addedBy: 'Léa Attente',
      addedAt: later(5).toISOString(),
      version: 1,
      updatedAt: later(5).toISOString(),
    });
    for (const member of [owner, colleague]) {
      const changes = await feed(member.token);
      expect(entries(changes, profile.id)).toEqual(['favorite:1']);
      expect(changes.find((c) => c.id === profile.id)!.data).toEqual(added);
    }
    // Another structure has its own favourites.
    const stranger = await team();
    expect(entries(await feed(stranger.owner.token), profile.id)).toEqual([]);
  });

  it('answers a favourite the structure already has as it is', async () => {
    const { owner, colleague } = await team();
    const { profile } = await profileOfNewCandidate();
    const first = await favorite(colleague.token, profile.id);
    expect(await favorite(owner.token, profile.id)).toEqual(first);
    expect(await favorite(colleague.token, profile.id, { 'idempotency-key': 'favori-encore-1' })).toEqual(
      first,
    );
    expect(entries(await feed(owner.token), profile.id)).toEqual(['favorite:1']);
  });

  it('answers 404 for a profile that is gone, and refuses a body', async () => {
    const { owner } = await team();
    const { candidate, profile } = await profileOfNewCandidate();
    await call('DELETE', `/candidate/profiles/${profile.id}`, candidate.token);
    const gone = expectProblem(await putFavorite(owner.token, profile.id), 404);
    expect(gone.detail).toBe(PROFILE_GONE);
    expect(expectProblem(await putFavorite(owner.token, 'douze'), 400).errors?.[0]?.field).toBe('profileId');
    const { profile: other } = await profileOfNewCandidate();
    const withBody = await call('PUT', `/favorites/${other.id}`, owner.token, { note: 'à rappeler' });
    expect(expectProblem(withBody, 400).code).toBe('validation');
  });
});

describe('DELETE /favorites/{profileId}', () => {
  it('removes it for the whole team (a tombstone), answers 204 when it is no favourite, and adds it again with a later version', async () => {
    const { owner, colleague } = await team();
    const { profile } = await profileOfNewCandidate();
    await favorite(owner.token, profile.id);
    const removed = await deleteFavorite(colleague.token, profile.id);
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe('');
    expect(entries(await feed(owner.token), profile.id)).toEqual(['-favorite']);
    expect((await deleteFavorite(colleague.token, profile.id)).statusCode).toBe(204);
    expect(entries(await feed(owner.token), profile.id)).toEqual(['-favorite']);

    const again = await favorite(colleague.token, profile.id);
    expect(again).toMatchObject({ addedBy: 'Léa Attente', version: 3 });
    expect(entries(await feed(owner.token), profile.id)).toEqual(['favorite:3']);
  });

  it('never removes a favourite added again after it, when a removal is retried', async () => {
    const { owner } = await team();
    const { profile } = await profileOfNewCandidate();
    await favorite(owner.token, profile.id);
    const key = { 'idempotency-key': 'retrait-favori-1' };
    expect((await deleteFavorite(owner.token, profile.id, key)).statusCode).toBe(204);
    await favorite(owner.token, profile.id);
    expect((await deleteFavorite(owner.token, profile.id, key)).statusCode).toBe(204);
    expect(entries(await feed(owner.token), profile.id)).toEqual(['favorite:3']);
  });

  it('goes with the profile when the candidate deletes it or closes the account', async () => {
    const { owner } = await team();
    const stranger = await team();
    const { candidate, profile } = await profileOfNewCandidate();
    const second = await createProfile(candidate.token, { romeCode: 'G1602' });
    for (const id of [profile.id, second.id]) {
      await favorite(owner.token, id);
      await favorite(stranger.owner.token, id);
    }
    await call('DELETE', `/candidate/profiles/${profile.id}`, candidate.token);
    expect(entries(await feed(owner.token), profile.id)).toEqual(['-favorite']);
    expect(entries(await feed(stranger.owner.token), profile.id)).toEqual(['-favorite']);
    expect(entries(await feed(owner.token), second.id)).toEqual(['favorite:1']);
    await call('DELETE', '/candidate/account', candidate.token);
    expect(entries(await feed(owner.token), second.id)).toEqual(['-favorite']);
    const left = await platform()
      .db.selectFrom('favorites')
      .select('profile_id')
      .where('profile_id', 'in', [profile.id, second.id])
      .execute();
    expect(left).toEqual([]);
  });
});
