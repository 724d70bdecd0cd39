import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** Over this, a transaction or a statement is logged: the desktop feels slow from about here. */
export const SLOW_QUERY_MS = 40;

/** Milliseconds from any origin, monotonic (performance.now); tests drive their own. */
export type QueryClock = () => number;

export interface SlowQueryLog {
  clock: QueryClock;
  /** One line per slow transaction or statement (electron-log's file in the desktop). */
  write(message: string): void;
  thresholdMs?: number;
}

const channels = new AsyncLocalStorage<string>();

/**
 * Runs `work` as the handling of an IPC channel: the queries it causes, awaited or scheduled
 * from it, are logged under that channel's name.
 */
export function runInChannel<T>(channel: string, work: () => T): T {
  return channels.run(channel, work);
}

/** The IPC channel being handled, or null for background work (sync timers, start). */
export function currentChannel(): string | null {
  return channels.getStore() ?? null;
}

export function slowQueryLog(write: (message: string) => void, clock: QueryClock = () => performance.now()) {
  return { clock, write } satisfies SlowQueryLog;
}

/**
 * Where a transaction was asked for, as its name: the first caller outside the store
 * ("listOffers (offers/list.ts:55)"). The stack is captured cheaply at the start (V8 formats it
 * only when read) and read only for a slow one. Paths are cut to the source tree: the absolute
 * path would carry the user's folder name.
 */
export class TransactionSite {
  private readonly site: { stack?: string } = {};

  /** `label`: the work's own function name, when it has one (a named function, not an arrow). */
  constructor(
    skip: (...args: never[]) => unknown,
    private readonly label = '',
  ) {
    Error.captureStackTrace(this.site, skip);
  }

  get name(): string {
    const frame = this.site.stack?.split('\n')[1]?.trim() ?? '';
    const match = /^at (?:(.+?) \()?(.+?):(\d+):\d+\)?$/.exec(frame);
    if (!match) return this.label || 'inconnue';
    const [, fn, file = '', line] = match;
    const normalized = file.replace(/^file:\/\//, '').replaceAll('\\', '/');
    const inTree = /\/electron\/core\/(.+)$/.exec(normalized)?.[1] ?? path.posix.basename(normalized);
    const where = `${inTree}:${line}`;
    const caller = this.label || fn?.replace(/^async /, '');
    return caller ? `${caller} (${where})` : where;
  }
}

/** SQL shown in a log line: its text only (values are bound, never inlined), shortened. */
export function sqlForLog(sql: string): string {
  const oneLine = sql.replace(/\s+/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine;
}

export function describeSlow(
  kind: 'Transaction' | 'Requête',
  ms: number,
  transaction: string,
  sql?: string,
): string {
  const channel = currentChannel();
  const where = channel ? `canal « ${channel} »` : 'tâche de fond';
  const label = kind === 'Transaction' ? 'Transaction lente' : 'Requête lente';
  const text = `${label} (${Math.round(ms)} ms) — ${where}, transaction « ${transaction} »`;
  return sql === undefined ? text : `${text} : ${sqlForLog(sql)}`;
}
