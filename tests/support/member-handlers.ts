import type { User } from '../../shared/domain/account';
import type { ChannelInput, ChannelName, ChannelOutput, Handlers } from '../../shared/ipc/contract';
import type { AppErrorData } from '../../shared/ipc/errors';
import { createDispatcher } from '../../electron/core/dispatch';
import type { HandlerContext } from '../../electron/core/handlers/context';
import type { PlatformClient } from '../../electron/core/platform/client';
import { syncEntities } from '../../electron/core/sync/entities';
import { sampleStructure } from './applications';
import { me, type ScriptedEngine } from './scripted-engine';

/** Handlers called as the app calls them: through the dispatcher, inputs checked by the contract. */
export interface TestHandlers {
  /** A call that must succeed: its data. */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** A call that must be refused: its error. */
  refuse<C extends ChannelName>(channel: C, input: unknown): Promise<AppErrorData>;
}

/**
 * Some handlers of a signed-in member of the sample structure, on the scripted engine's database;
 * `client` stands for the platform (the handlers that call it directly).
 */
export async function memberHandlers(
  { store, engine }: ScriptedEngine,
  role: User['role'],
  make: (ctx: HandlerContext) => Partial<Handlers>,
  client: Partial<PlatformClient> = {},
): Promise<TestHandlers> {
  await engine.applyServerRows(syncEntities.account, [me(role)]);
  await engine.applyServerRows(syncEntities.structure, [sampleStructure()]);
  const ctx = {
    client,
    sessions: { requireAccount: () => ({ userId: me(role).id, store, sync: engine }) },
  } as unknown as HandlerContext;
  const invoke = createDispatcher(make(ctx) as Handlers, { error: () => undefined });
  return {
    async call(channel, input) {
      const envelope = await invoke(channel, input);
      if (!envelope.ok) throw new Error(`${channel} refusé : ${JSON.stringify(envelope.error)}`);
      return envelope.data as never;
    },
    async refuse(channel, input) {
      const envelope = await invoke(channel, input);
      if (envelope.ok) throw new Error(`${channel} accepté alors qu’il devait être refusé`);
      return envelope.error;
    },
  };
}
