import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appliedChanges,
  Desktop,
  expectConverged,
  platformStructure,
  platformUser,
  startStack,
  type Stack,
} from './support/harness';

// Each fault: nothing lost, nothing applied twice, every cache equal to the platform.

let stack: Stack;
const desktops: Desktop[] = [];

async function desktop(
  name: string,
  ...rest: Parameters<typeof Desktop.start> extends [unknown, unknown, ...infer R] ? R : never
) {
  const d = await Desktop.start(stack, name, ...rest);
  desktops.push(d);
  return d;
}

const isPatch = (method: string) => method === 'PATCH';
/** A change on its way: its own PATCH, or a batch of changes. */
const isPush = (method: string, path: string) => isPatch(method) || path.startsWith('/sync/push');
/** Both ways a desktop sends its changes: one request each (legacyPush), or batches. */
const PUSH_MODES = [
  ['une requête par modification', true],
  ['par lots', false],
] as const;

beforeEach(async () => {
  stack = await startStack();
});

afterEach(async () => {
  for (const d of desktops.splice(0)) await d.close();
  await stack.close();
});

/**
 * For the tests whose point is the order in which desktops send: each sends when the test says
 * (settle), not when its retry comes round nor when its live stream, reconnecting once the
 * network is back, tells it so (which also sends what waits, as it should).
 */
const inTurn = { sync: { backoff: { baseMs: 60_000, capMs: 60_000 }, live: false } };

describe('sync under faults', () => {
  it('1. platform down during local work, then back: every change arrives once', async () => {
    const a = await desktop('a');
    await a.syncNow();
    stack.proxy.down = true;
    const edited = await a.editStructure({ tradeName: 'CFA Gironde — hors ligne' });
    expect(edited).toMatchObject({ tradeName: 'CFA Gironde — hors ligne', syncState: 'pending' });
    await a.editStructure({ phone: '05 57 00 00 01' });
    await a.ok('account.update', { firstName: 'Clara' });
    const offline = await a.syncNow();
    expect(offline).toMatchObject({ pending: 3, lastError: expect.stringContaining('injoignable') });
    expect(await a.structure()).toMatchObject({
      tradeName: 'CFA Gironde — hors ligne',
      phone: '+33557000001',
      syncState: 'pending',
    });

    stack.proxy.down = false;
    await expectConverged(stack, [a]);
    expect(await platformStructure(stack.platform)).toMatchObject({
      tradeName: 'CFA Gironde — hors ligne',
      phone: '+33557000001',
      version: 3,
    });
    expect(await platformUser(stack.platform)).toMatchObject({ firstName: 'Clara', version: 2 });
    expect(await appliedChanges(stack.platform)).toBe(3);
  });

  it('a long push reports its progress (changes sent, out of how many)', async () => {
    const a = await desktop('a', { sync: { debounceMs: 3_600_000 } });
    await a.syncNow();
    for (let i = 0; i < 120; i++) await a.editStructure({ tradeName: `Nom ${i}` });
    const seen: Array<{ done: number; total: number | null }> = [];
    a.core.events.subscribe((event) => {
      if (event.type === 'sync.status' && event.payload.phase === 'push' && event.payload.progress) {
        seen.push(event.payload.progress);
      }
    });
    await a.syncNow();
    expect(seen).toEqual([
      { done: 50, total: 120 },
      { done: 100, total: 120 },
    ]);
    await expectConverged(stack, [a]);
  });

  it('2. bursts of 500 and 503: retried with backoff until applied, once', async () => {
    const a = await desktop('a');
    let failures = 0;
    stack.proxy.rule = ({ method }) =>
      isPatch(method) && failures++ < 4 ? { kind: 'answer', status: failures % 2 ? 503 : 500 } : undefined;
    const done = a.statusWhere((s) => s.pending === 0 && !s.running);
    await a.editStructure({ tradeName: 'Après la tempête' });
    await done;
    expect(stack.proxy.requests('PATCH', '/structure')).toHaveLength(5);
    await expectConverged(stack, [a]);
    expect(await platformStructure(stack.platform)).toMatchObject({
      tradeName: 'Après la tempête',
      version: 2,
    });
    expect(await appliedChanges(stack.platform)).toBe(1);
  });

  it('3. timeouts: a request that never gets an answer is retried', async () => {
    const a = await desktop('a');
    let hung = false;
    stack.proxy.rule = ({ method }) =>
      isPatch(method) && !hung ? ((hung = true), { kind: 'hang' }) : undefined;
    const done = a.statusWhere((s) => s.pending === 0 && !s.running);
    await a.editStructure({ website: 'https://www.cfa-gironde.example' });
    await done;
    await expectConverged(stack, [a]);
    expect(await appliedChanges(stack.platform)).toBe(1);
  });

  for (const [mode, legacyPush] of PUSH_MODES) {
    it(`4. connection reset after the platform applied a change: the retry is not applied twice (${mode})`, async () => {
      const a = await desktop('a', { sync: { debounceMs: 3_600_000, legacyPush } });
      let resets = 0;
      stack.proxy.rule = ({ method, path }) =>
        isPush(method, path) && resets++ < 2 ? { kind: 'reset-after-forward' } : undefined;
      await a.editStructure({ tradeName: 'Réponse perdue' });
      await a.editStructure({ email: 'accueil@cfa-gironde.example' });
      await expectConverged(stack, [a]);
      if (legacyPush) {
        const keys = stack.proxy.requests('PATCH', '/structure').map((r) => r.headers['idempotency-key']);
        expect(keys).toHaveLength(4);
        expect(new Set(keys).size).toBe(2);
      } else {
        // Both changes in each batch: sent three times (two answers lost), applied once each.
        expect(stack.proxy.requests('POST', '/sync/push')).toHaveLength(3);
        expect(stack.proxy.requests('PATCH', '/structure')).toHaveLength(0);
      }
      expect(await platformStructure(stack.platform)).toMatchObject({
        tradeName: 'Réponse perdue',
        email: 'accueil@cfa-gironde.example',
        version: 3,
      });
      expect(await appliedChanges(stack.platform)).toBe(2);
    });
  }

  it('5. duplicated delivery: the platform applies the change once', async () => {
    const a = await desktop('a');
    stack.proxy.rule = ({ method }) => (isPatch(method) ? { kind: 'duplicate' } : undefined);
    await a.editStructure({ acceptsSecondGradeInterns: true });
    await a.editStructure({ headcountBand: '22' });
    await expectConverged(stack, [a]);
    expect(await platformStructure(stack.platform)).toMatchObject({
      acceptsSecondGradeInterns: true,
      headcountBand: '22',
      version: 3,
    });
    expect(await appliedChanges(stack.platform)).toBe(2);
  });

  it('6. 429 with Retry-After: the next attempt waits at least that long', async () => {
    const a = await desktop('a');
    let limited = false;
    stack.proxy.rule = ({ method }) =>
      isPatch(method) && !limited
        ? ((limited = true), { kind: 'answer', status: 429, headers: { 'retry-after': '1' } })
        : undefined;
    const done = a.statusWhere((s) => s.pending === 0 && !s.running);
    await a.editStructure({ tradeName: 'Patience' });
    await done;
    const [first, second] = stack.proxy.requests('PATCH', '/structure');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1_000);
    await expectConverged(stack, [a]);
    expect(await appliedChanges(stack.platform)).toBe(1);
  });

  for (const [mode, legacyPush] of PUSH_MODES) {
    it(`7. access token expired in the middle of a push: refreshed, then the push goes on (${mode})`, async () => {
      const a = await desktop('a', { sync: { legacyPush } });
      await a.syncNow();
      stack.proxy.down = true;
      for (const tradeName of ['Un', 'Deux', 'Trois']) await a.editStructure({ tradeName });
      stack.proxy.down = false;
      let pushes = 0;
      // One change at a time: the second is refused; in a batch: the first batch is.
      const refused = legacyPush ? 2 : 1;
      stack.proxy.rule = ({ method, path }) =>
        isPush(method, path) && ++pushes === refused
          ? {
              kind: 'answer',
              status: 401,
              body: {
                title: 'Authentification requise',
                status: 401,
                detail: 'Votre session a expiré : reconnectez-vous.',
                code: 'token_expired',
              },
            }
          : undefined;
      await expectConverged(stack, [a]);
      expect(stack.proxy.requests('POST', '/auth/refresh').length).toBeGreaterThanOrEqual(1);
      expect(stack.proxy.requests('POST', '/sync/push').length).toBe(legacyPush ? 0 : 2);
      expect(await platformStructure(stack.platform)).toMatchObject({ tradeName: 'Trois', version: 4 });
      expect(await appliedChanges(stack.platform)).toBe(3);
    });
  }

  it('8a. 412 on disjoint fields: merged without asking', async () => {
    const a = await desktop('a');
    const b = await desktop('b');
    stack.proxy.down = true;
    await a.editStructure({ tradeName: 'Nom choisi par A' });
    stack.proxy.down = false;
    await b.editStructure({ phone: '05 56 11 22 33' });
    await b.settle();
    await a.settle();
    expect(await a.issues()).toEqual([]);
    await expectConverged(stack, [a, b]);
    expect(await platformStructure(stack.platform)).toMatchObject({
      tradeName: 'Nom choisi par A',
      phone: '+33556112233',
      version: 3,
    });
  });

  for (const choice of ['mine', 'theirs'] as const) {
    it(`8b. 412 on the same field: a conflict the user resolves (${choice === 'mine' ? 'Garder ma version' : 'Garder la version de la plateforme'})`, async () => {
      const a = await desktop('a', inTurn);
      const b = await desktop('b', inTurn);
      stack.proxy.down = true;
      await a.editStructure({ tradeName: 'Version de A', email: 'a@cfa.example' });
      // Its first try fails while the network is down (a loaded machine may not have made it yet).
      await a.syncNow();
      stack.proxy.down = false;
      await b.editStructure({ tradeName: 'Version de B' });
      await b.settle();

      const status = await a.settle();
      expect(status).toMatchObject({ conflicts: 1, pending: 0 });
      const [issue] = await a.issues();
      expect(issue).toMatchObject({ state: 'conflict', entityLabel: 'Ma structure' });
      expect(issue!.fields).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            field: 'tradeName',
            label: 'Nom commercial',
            conflict: true,
            mine: 'Version de A',
            theirs: 'Version de B',
            base: 'CFA GIRONDE METIERS',
          }),
          expect.objectContaining({ field: 'email', conflict: false, mine: 'a@cfa.example' }),
        ]),
      );
      // Nothing is dropped before the user chooses: A still shows its own value.
      expect(await a.structure()).toMatchObject({ tradeName: 'Version de A', syncState: 'conflict' });

      await a.ok('sync.resolve', { id: issue!.id, field: 'tradeName', choice });
      await expectConverged(stack, [a, b]);
      expect(await platformStructure(stack.platform)).toMatchObject({
        tradeName: choice === 'mine' ? 'Version de A' : 'Version de B',
        email: 'a@cfa.example',
      });
    });
  }

  for (const order of [
    ['a', 'b'],
    ['b', 'a'],
  ] as const) {
    it(`11. two desktops edit the same record offline, then sync (${order.join(' then ')})`, async () => {
      const clients = { a: await desktop('a', inTurn), b: await desktop('b', inTurn) };
      stack.proxy.down = true;
      await clients.a.editStructure({ tradeName: 'Nom A', website: 'https://a.example' });
      await clients.b.editStructure({ tradeName: 'Nom B', phone: '05 40 00 00 00' });
      // Each one's first try fails while the network is down (a loaded machine may not have made it yet).
      await clients.a.syncNow();
      await clients.b.syncNow();
      stack.proxy.down = false;
      const [first, second] = [clients[order[0]], clients[order[1]]];
      await first.settle();
      await second.settle();
      const [issue] = await second.issues();
      expect(issue!.fields.filter((f) => f.conflict).map((f) => f.field)).toEqual(['tradeName']);
      await second.ok('sync.resolve', { id: issue!.id, field: 'tradeName', choice: 'mine' });
      await expectConverged(stack, [clients.a, clients.b]);
      expect(await platformStructure(stack.platform)).toMatchObject({
        tradeName: order[1] === 'a' ? 'Nom A' : 'Nom B',
        website: 'https://a.example',
        phone: '+33540000000',
      });
    });
  }

  it('12. a change the platform refuses is parked with its message, then edited and resent', async () => {
    const a = await desktop('a');
    let refused = false;
    stack.proxy.rule = ({ method }) =>
      isPatch(method) && !refused
        ? ((refused = true),
          {
            kind: 'answer',
            status: 422,
            body: {
              title: 'Demande impossible',
              status: 422,
              detail: 'Ce nom commercial est déjà utilisé par une autre structure.',
              errors: [{ field: 'tradeName', detail: 'Nom déjà utilisé.' }],
            },
          })
        : undefined;
    await a.editStructure({ tradeName: 'Nom déjà pris' });
    const parked = await a.settle();
    expect(parked).toMatchObject({ parked: 1, pending: 0 });
    const [issue] = await a.issues();
    expect(issue).toMatchObject({
      state: 'parked',
      message: 'Ce nom commercial est déjà utilisé par une autre structure.',
    });
    expect(issue!.fields).toEqual([
      expect.objectContaining({ field: 'tradeName', mine: 'Nom déjà pris', error: 'Nom déjà utilisé.' }),
    ]);
    expect(await a.structure()).toMatchObject({ tradeName: 'Nom déjà pris', syncState: 'parked' });
    // The machine never retries it on its own.
    await a.syncNow();
    expect(stack.proxy.requests('PATCH', '/structure')).toHaveLength(1);

    // Edited: the same change, amended, goes again.
    await a.editStructure({ tradeName: 'Nom libre' });
    await expectConverged(stack, [a]);
    expect(await platformStructure(stack.platform)).toMatchObject({ tradeName: 'Nom libre', version: 2 });
  });

  it('12b. a refused change can also be discarded: the platform’s version comes back', async () => {
    const a = await desktop('a');
    stack.proxy.rule = ({ method }) =>
      isPatch(method)
        ? {
            kind: 'answer',
            status: 403,
            body: { title: 'Accès refusé', status: 403, detail: 'Action réservée au référent.' },
          }
        : undefined;
    await a.editStructure({ tradeName: 'Interdit' });
    await a.settle();
    const [issue] = await a.issues();
    await a.ok('sync.discard', { id: issue!.id });
    stack.proxy.rule = () => undefined;
    await expectConverged(stack, [a]);
    expect(await platformStructure(stack.platform)).toMatchObject({
      tradeName: 'CFA GIRONDE METIERS',
      version: 1,
    });
  });
});
