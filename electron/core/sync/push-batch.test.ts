import { describe, expect, it } from 'vitest';
import type { OutboxTable } from '../db/schema';
import type { Exchange } from '../platform/client';
import { answersOf, mutationsOf, type BatchItem } from './push-batch';

let position = 0;
function item(
  operation: OutboxTable['operation'],
  entityId: string,
  method: 'POST' | 'PATCH' | 'DELETE',
  baseVersion: number | null = null,
): BatchItem<null> {
  position += 1;
  return {
    row: {
      position,
      id: `outbox-${position}`,
      entity: 'offers',
      entity_id: entityId,
      operation,
      payload: '{}',
      base: '{}',
      base_version: baseVersion,
      state: 'pending',
      attempts: 0,
      next_attempt_at: null,
      last_error: null,
      last_error_fields: null,
      conflict: null,
      created_at: '2026-12-07T09:00:00.000Z',
    },
    entity: null,
    request: {
      method,
      path: `/offers/${entityId}`,
      ...(method === 'DELETE' ? {} : { body: { title: 'x' } }),
    },
  };
}

describe('mutationsOf', () => {
  it('gives an update its base version, a later edit of the same row onTopOf the one before', () => {
    const mutations = mutationsOf(
      [
        item('update', 'a', 'PATCH', 4),
        item('create', 'b', 'POST'),
        item('update', 'a', 'PATCH'),
        item('update', 'b', 'PATCH'),
        item('update', 'c', 'PATCH'),
      ],
      (row) => row.base_version ?? 9,
    );
    expect(mutations.map((m) => [m.baseVersion, m.onTopOf])).toEqual([
      [4, undefined],
      [undefined, undefined],
      [undefined, 0],
      [undefined, 1],
      [9, undefined],
    ]);
    expect(mutations[0]).toMatchObject({
      idempotencyKey: expect.stringMatching(/^outbox-/),
      method: 'PATCH',
    });
  });

  it('ends the batch before a creation of a row already in it, or an edit after its deletion', () => {
    expect(mutationsOf([item('update', 'a', 'PATCH', 1), item('create', 'a', 'POST')], () => 0)).toHaveLength(
      1,
    );
    expect(
      mutationsOf(
        [item('delete', 'a', 'DELETE'), item('update', 'a', 'PATCH'), item('update', 'b', 'PATCH', 2)],
        () => 0,
      ),
    ).toHaveLength(1);
  });
});

describe('answersOf', () => {
  const problem = { type: 'about:blank', title: 'Conflit', status: 412, detail: 'Modifiée entre-temps.' };

  it('gives each change its answer, the refusal that stopped the batch, and none for the rest', () => {
    const answer: Exchange = {
      kind: 'ok',
      data: {
        results: [
          { outcome: 'applied', status: 200, data: { id: 'a', version: 2 } },
          { outcome: 'refused', status: 412, problem, retryAfter: 3 },
          { outcome: 'not_applied' },
        ],
      },
    };
    expect(answersOf(answer, 3)).toEqual([
      { kind: 'ok', data: { id: 'a', version: 2 } },
      { kind: 'http', status: 412, message: 'Modifiée entre-temps.', problem, retryAfterMs: 3000 },
    ]);
  });

  it('gives an answer about the whole batch to its first change, as its own request would have had it', () => {
    const offline: Exchange = { kind: 'network', message: 'injoignable' };
    expect(answersOf(offline, 5)).toEqual([offline]);
    const busy: Exchange = {
      kind: 'http',
      status: 503,
      message: 'occupée',
      problem: null,
      retryAfterMs: 1000,
    };
    expect(answersOf(busy, 5)).toEqual([busy]);
  });

  it('falls back to one request per change with a platform without the batch path, or an answer it cannot read', () => {
    for (const status of [400, 404, 405, 413])
      expect(
        answersOf({ kind: 'http', status, message: '', problem: null, retryAfterMs: undefined }, 2),
      ).toBe('unsupported');
    expect(answersOf({ kind: 'ok', data: { results: [] } }, 2)).toBe('unsupported');
    expect(answersOf({ kind: 'ok', data: '<html>' }, 2)).toBe('unsupported');
  });
});
