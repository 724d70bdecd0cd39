import type { Envelope } from '../../../shared/ipc/envelope';
import type { CoreEvent } from '../../../shared/ipc/events';

/**
 * What crosses between the host and the core's thread or process. Only structured-cloneable
 * data: envelopes already carry errors as plain `{ code, message, ... }` (shared/ipc/errors.ts).
 */
export type HostToCore =
  | { type: 'invoke'; id: number; channel: unknown; input: unknown }
  | { type: 'close' }
  /** An answer to a question the core asked the host (Electron: safeStorage). */
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; message: string };

export type CoreToHost =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: CoreEvent }
  | { type: 'closed' }
  | { type: 'ask'; id: number; question: string; args: unknown[] };

/**
 * The least of a MessagePort both worker_threads (parentPort, Worker, MessagePort) and Electron
 * (MessagePortMain, parentPort of a utilityProcess, adapted) provide.
 */
export interface MessageChannelLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off?(event: 'message', listener: (message: unknown) => void): unknown;
}

/** Serialisable options of a core started elsewhere (functions cannot cross). */
export interface RemoteCoreOptions {
  dataDir: string;
  platformUrl: string;
  /** The web host's `--now`: milliseconds added to the real clock. */
  clockOffsetMs?: number;
  connectivityIntervalMs?: number;
  requestTimeoutMs?: number;
  sqliteNativeBinding?: string;
  /** Numbers and booleans only (debounceMs, periodicMs, pageSize…). */
  sync?: Record<string, number | boolean>;
  referentials?: { intervalMs?: number; downloads?: boolean };
  appInfo?: { version: string; electron: boolean };
}
