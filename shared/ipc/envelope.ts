import type { AppErrorData } from './errors';

/** What every IPC channel answers: Electron does not carry Error objects across IPC. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorData };
