import { describe, expect, it } from 'vitest';
import type { Offer } from '../../../../shared/domain/offers';
import { usePartBench } from '../../../../tests/support/sync-context';
import { published, refused, sampleOffer } from '../../../../tests/support/scripted-engine';
import { offerEntity } from '../entities/offer';
import { applyServerState, readView } from '../local-state';
import { discard, issues, resend } from './issues';
import { updateMany } from './local-writes';
import { handleAnswer } from './push-answers';

const A = '1a2b3c4d-0000-4000-8000-00000000000a';

describe('what the user must look at', () => {
  const bench = usePartBench();

  /** Offer A's title edited here, and the edit refused by the platform. */
  async function refusedEdit() {
    const platform = published(sampleOffer(A, { title: 'Commis' }), 1, 1);
    await bench().store.write((tx) => applyServerState(tx, offerEntity, platform, false));
    await updateMany(bench().ctx, offerEntity, [{ id: A, patch: { title: 'Commis de salle' } }]);
    const [row] = await bench().outbox();
    const answer = refused(422, 'Offre refusée.', { title: 'Titre déjà pris.' });
    await handleAnswer(bench().ctx, row!, offerEntity, answer);
    return row!;
  }

  const title = () => bench().store.read((tx) => (readView(tx, offerEntity, A) as Offer).title);

  it('lists a refused change with the platform’s message, field by field', async () => {
    const row = await refusedEdit();
    expect(await issues(bench().ctx)).toEqual([
      expect.objectContaining({
        id: row.id,
        entity: 'offer',
        entityId: A,
        entityLabel: 'Offre',
        state: 'parked',
        message: 'Offre refusée.',
        fields: [
          expect.objectContaining({
            field: 'title',
            mine: 'Commis de salle',
            conflict: false,
            error: 'Titre déjà pris.',
          }),
        ],
      }),
    ]);
  });

  it('sends a refused change again as it is, and asks for a sync', async () => {
    const row = await refusedEdit();
    bench().scheduled.length = 0;
    await resend(bench().ctx, row.id);
    const [after] = await bench().outbox();
    expect(after).toMatchObject({
      id: row.id,
      state: 'pending',
      attempts: 0,
      last_error: null,
      last_error_fields: null,
    });
    expect(JSON.parse(after!.payload)).toEqual({ title: 'Commis de salle' });
    expect(bench().scheduled).toEqual([0]);
    expect(await issues(bench().ctx)).toEqual([]);
  });

  it('discards a refused change: the platform’s version of the row comes back', async () => {
    const row = await refusedEdit();
    expect(await title()).toBe('Commis de salle');
    await discard(bench().ctx, row.id);
    expect(await bench().outbox()).toEqual([]);
    expect(await title()).toBe('Commis');
  });

  it('refuses to act on a change that is no longer waiting', async () => {
    const row = await refusedEdit();
    await discard(bench().ctx, row.id);
    await expect(resend(bench().ctx, row.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
