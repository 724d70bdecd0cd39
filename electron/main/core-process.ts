import type { MessageChannelMain, UtilityProcess, utilityProcess } from 'electron';
import { connectCore, type HostAnswers, type RemoteCore } from '../core/worker/core-client';
import { portChannel } from '../core/worker/electron-port';
import type { RemoteCoreOptions } from '../core/worker/protocol';

export interface CoreProcessDeps {
  fork: (typeof utilityProcess)['fork'];
  /** `() => new MessageChannelMain()` (injected: tests pass a fake). */
  channel: () => Pick<MessageChannelMain, 'port1' | 'port2'>;
  /** dist-electron/core.js. */
  entry: string;
  options: RemoteCoreOptions;
  /** The questions the core asks the main process (safeStorage secrets: secretAnswers). */
  answers: HostAnswers;
  log: (message: string) => void;
}

/**
 * The core in a utility process, so that a long first sync does not hold the windows and IPC of
 * the main process. Resolves once the core is ready; close() closes its databases, then the process.
 */
export async function startCoreProcess(deps: CoreProcessDeps): Promise<RemoteCore> {
  const child: UtilityProcess = deps.fork(deps.entry, [], { serviceName: 'Alternance — moteur local' });
  const { port1, port2 } = deps.channel();
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = true;
      deps.log(`Moteur local arrêté (code ${code})`);
      resolve();
    }),
  );
  const core = connectCore(
    portChannel(port1),
    async () => {
      port1.close();
      if (!exited) child.kill();
      await exit;
    },
    deps.answers,
  );
  void exit.then(() => core.lost('le moteur local s’est arrêté'));
  port1.start();
  child.postMessage({ type: 'start', options: deps.options }, [port2]);
  try {
    await core.ready;
  } catch (error) {
    if (!exited) child.kill();
    throw error;
  }
  return core;
}
