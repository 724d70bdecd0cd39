import type { PlatformDb } from './open';

/** The next value of one of the platform-wide sequences (numbers people quote: never reused). */
export async function nextInSequence(trx: PlatformDb, name: string): Promise<number> {
  const { last_value } = await trx
    .insertInto('platform_sequences')
    .values({ name, last_value: 1 })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ last_value: eb('platform_sequences.last_value', '+', 1) })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return last_value;
}
