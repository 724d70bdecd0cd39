import { describe, expect, it } from 'vitest';
import type { Offer } from '../../../../shared/domain/offers';
import { usePartBench } from '../../../../tests/support/sync-context';
import { published, sampleOffer } from '../../../../tests/support/scripted-engine';
import { offerEntity } from '../entities/offer';
import { applyServerState, readView } from '../local-state';
import { mergeConcurrent, resolve } from './conflicts';
import { issues } from './issues';
import { updateMany } from './local-writes';

const A = '1a2b3c4d-0000-4000-8000-00000000000a';

describe('a change made on a version the platform moved past (412)', () => {
  const bench = usePartBench();

  /** Offer A at version 1 on the platform, its title edited here. */
  async function editedTitle(): Promise<Offer> {
    const platform = published(sampleOffer(A, { title: 'Commis' }), 1, 1);
    await bench().store.write((tx) => applyServerState(tx, offerEntity, platform, false));
    await updateMany(bench().ctx, offerEntity, [{ id: A, patch: { title: 'Commis de salle' } }]);
    return platform;
  }

  async function merged(theirs: Offer) {
    const [row] = await bench().outbox();
    await mergeConcurrent(bench().ctx, row!, offerEntity, theirs);
    return bench().outbox();
  }

  it('merges disjoint fields: mine goes again on the platform’s version', async () => {
    const platform = await editedTitle();
    const [row] = await merged({ ...platform, description: 'Changée ailleurs.', version: 2 });
    expect(row).toMatchObject({ state: 'pending', base_version: 2 });
    expect(JSON.parse(row!.payload)).toEqual({ title: 'Commis de salle' });
    const view = await bench().store.read((tx) => readView(tx, offerEntity, A) as Offer);
    expect(view).toMatchObject({ title: 'Commis de salle', description: 'Changée ailleurs.' });
  });

  it('drops a change the platform already made', async () => {
    const platform = await editedTitle();
    expect(await merged({ ...platform, title: 'Commis de salle', version: 2 })).toEqual([]);
  });

  it('makes the same field a conflict, shown with both values, until the user chooses', async () => {
    const platform = await editedTitle();
    const [row] = await merged({ ...platform, title: 'Chef de rang', version: 2 });
    expect(row!.state).toBe('conflict');
    const [issue] = await issues(bench().ctx);
    expect(issue).toMatchObject({ id: row!.id, state: 'conflict', entityLabel: 'Offre' });
    expect(issue!.fields).toEqual([
      expect.objectContaining({
        field: 'title',
        mine: 'Commis de salle',
        theirs: 'Chef de rang',
        base: 'Commis',
        conflict: true,
      }),
    ]);
    expect(await resolve(bench().ctx, row!.id, 'title', 'mine')).toBe('offer');
    const [after] = await bench().outbox();
    expect(after).toMatchObject({ state: 'pending', base_version: 2, conflict: null });
    expect(JSON.parse(after!.base!)).toEqual({ title: 'Chef de rang' });
  });

  it('taking the platform’s value of the only conflicting field drops the change', async () => {
    const platform = await editedTitle();
    const [row] = await merged({ ...platform, title: 'Chef de rang', version: 2 });
    await resolve(bench().ctx, row!.id, 'title', 'theirs');
    expect(await bench().outbox()).toEqual([]);
    const view = await bench().store.read((tx) => readView(tx, offerEntity, A) as Offer);
    expect(view.title).toBe('Chef de rang');
  });

  it('refuses to resolve a field that is not in conflict', async () => {
    const platform = await editedTitle();
    const [row] = await merged({ ...platform, title: 'Chef de rang', version: 2 });
    await expect(resolve(bench().ctx, row!.id, 'description', 'mine')).rejects.toMatchObject({
      code: 'validation',
    });
  });

  it('parks a change whose platform state is unreadable', async () => {
    await editedTitle();
    const [row] = await merged({ nonsense: true } as never);
    expect(row!.state).toBe('parked');
  });
});
