import Database from 'better-sqlite3';
import { accountDatabaseFile } from '../../electron/core/db/open';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from './support/fault-proxy';
import {
  Desktop,
  expectConverged,
  platformStructure,
  platformUser,
  seededRandom,
  startStack,
  type Stack,
} from './support/harness';

// A few hundred operations from two desktops of the same structure through random faults,
// reproducible from its seed. Every value written is unique, so every change must end up
// applied on the platform exactly once: none lost, none twice, all caches equal.

const SEED = Number(process.env.SYNC_RANDOM_SEED ?? 20261130);
const OPERATIONS = 240;

let stack: Stack;
let clients: Desktop[];

beforeAll(async () => {
  stack = await startStack();
  // Nothing happens on timers: every exchange follows from the seeded operations, in their order.
  const manual = { sync: { debounceMs: 3_600_000, backoff: { baseMs: 3_600_000, capMs: 3_600_000 } } };
  clients = [await Desktop.start(stack, 'a', manual), await Desktop.start(stack, 'b', manual)];
});

afterAll(async () => {
  for (const client of clients) await client.close();
  await stack.close();
});

const structureFields = ['tradeName', 'email', 'website'] as const;
const accountFields = ['firstName', 'lastName'] as const;

function valueFor(field: string, n: number): string {
  if (field === 'email') return `contact${n}@cfa.example`;
  if (field === 'website') return `https://site${n}.example`;
  return `Valeur ${n}`;
}

/** The ids (idempotency keys) of the changes waiting in a desktop's outbox, read beside the core. */
function outboxIds(client: Desktop, userId: string): string[] {
  const db = new Database(accountDatabaseFile(client.dataDir, userId), { readonly: true });
  try {
    return (db.prepare('select id from outbox').all() as Array<{ id: string }>).map((row) => row.id);
  } finally {
    db.close();
  }
}

describe(`randomised run (seed ${SEED})`, () => {
  it('converges with nothing lost and nothing applied twice', async () => {
    const random = seededRandom(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const faults: Fault[] = [
      { kind: 'answer', status: 503 },
      { kind: 'reset' },
      { kind: 'reset-after-forward' },
      { kind: 'duplicate' },
      { kind: 'answer', status: 429, headers: { 'retry-after': '0' } },
    ];
    const faultRandom = seededRandom(SEED + 1);
    stack.proxy.rule = ({ path }) =>
      path.startsWith('/health') || faultRandom() >= 0.25
        ? undefined
        : faults[Math.floor(faultRandom() * faults.length)];

    let writes = 0;
    const userId = (await platformUser(stack.platform)).id;
    const created = new Set<string>();
    const resolveConflicts = async (client: Desktop) => {
      for (const issue of await client.issues()) {
        // Both sides changed the same field: this run keeps the desktop's version (values are unique, so nothing is equal).
        for (const field of issue.fields.filter((f) => f.conflict)) {
          await client.ok('sync.resolve', { id: issue.id, field: field.field, choice: 'mine' });
        }
      }
    };

    for (let op = 0; op < OPERATIONS; op++) {
      const client = pick(clients);
      const roll = random();
      if (roll < 0.55) {
        writes++;
        if (random() < 0.7) {
          const field = pick(structureFields);
          await client.editStructure({ [field]: valueFor(field, writes) });
        } else await client.ok('account.update', { [pick(accountFields)]: valueFor('name', writes) });
        for (const id of outboxIds(client, userId)) created.add(id);
      } else if (roll < 0.85) {
        await client.syncNow();
        await resolveConflicts(client);
      } else if (roll < 0.93) {
        stack.proxy.down = true;
      } else {
        stack.proxy.down = false;
      }
    }

    stack.proxy.down = false;
    stack.proxy.rule = () => undefined;
    // Quiet network: sync both until nothing waits (each conflict resolved releases the changes behind it).
    for (let round = 0; round < 200; round++) {
      let waiting = 0;
      for (const client of clients) {
        const status = await client.settle();
        await resolveConflicts(client);
        waiting += status.pending + status.conflicts + status.parked;
      }
      if (waiting === 0) break;
    }
    await expectConverged(stack, clients);

    // Exactly once: each applied change bumped the version once and left one idempotency key.
    const keys = await stack.platform.db.selectFrom('idempotency_keys').select('key').execute();
    const structure = await platformStructure(stack.platform);
    const user = await platformUser(stack.platform);
    expect(structure.version - 1 + (user.version - 1)).toBe(keys.length);
    expect(new Set(keys.map((k) => k.key)).size).toBe(keys.length);
    // Nothing lost: every change made on either desktop was applied on the platform.
    const applied = new Set(keys.map((k) => k.key));
    expect(created.size).toBe(writes);
    expect([...created].filter((id) => !applied.has(id))).toEqual([]);
  });
});
