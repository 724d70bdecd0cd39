import { writeFileSync } from 'atomically';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from '../../shared/zod';
import { redactText } from '../core/logging/redact';

/**
 * A crash leaves a small JSON file in the crash-reports folder: what failed and where in the
 * code, never who was using the app (no tokens, no user paths, no data).
 */
export const crashKindSchema = z.enum([
  'uncaughtException',
  'unhandledRejection',
  'render-process-gone',
  'child-process-gone',
]);
export type CrashKind = z.infer<typeof crashKindSchema>;

export const crashReportSchema = z.object({
  time: z.iso.datetime(),
  version: z.string(),
  kind: crashKindSchema,
  /** Electron's reason (crashed, oom, killed…) or the error's name. */
  reason: z.string(),
  message: z.string(),
  stack: z.string().nullable(),
  /** For a child process: its type (GPU, Utility…). */
  process: z.string().nullable(),
  platform: z.string(),
  arch: z.string(),
});
export type CrashReport = z.infer<typeof crashReportSchema>;

export interface CrashContext {
  version: string;
  now: Date;
  platform: string;
  arch: string;
  /** The user's home folder, replaced by "~" (its name is often the user's name). */
  home: string;
}

export interface CrashCause {
  kind: CrashKind;
  /** What was thrown (exceptions, rejections). */
  error?: unknown;
  /** Electron's `details.reason` for a gone process. */
  reason?: string;
  /** `details.type` for a gone child process. */
  process?: string;
}

const MAX_TEXT = 8_000;

export function crashReport(cause: CrashCause, context: CrashContext): CrashReport {
  const clean = (text: string) => {
    const home = context.home ? text.split(context.home).join('~') : text;
    return redactText(home).slice(0, MAX_TEXT);
  };
  const error = cause.error;
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : error === undefined ? '' : String(error);
  return {
    time: context.now.toISOString(),
    version: context.version,
    kind: cause.kind,
    reason: clean(cause.reason ?? name),
    message: clean(message),
    stack: error instanceof Error && error.stack ? clean(error.stack) : null,
    process: cause.process ?? null,
    platform: context.platform,
    arch: context.arch,
  };
}

const PREFIX = 'crash-';

/**
 * Writes the report whole or not at all (atomically: temporary file, fsync, rename; a Windows
 * antivirus lock retried) and answers its path. Synchronous on purpose: the process may be
 * about to end, so the write stays short (retried for one second at most).
 */
export function writeCrashReport(dir: string, report: CrashReport): string {
  const stamp = report.time.replace(/[:.]/g, '-');
  const file = path.join(dir, `${PREFIX}${stamp}-${randomUUID().slice(0, 8)}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`, { mode: 0o600, timeout: 1_000 });
  return file;
}

/** The reports in the folder (unreadable or foreign files are skipped). */
export function readCrashReports(dir: string): CrashReport[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(PREFIX) && name.endsWith('.json'))
    .flatMap((name) => {
      try {
        const parsed = crashReportSchema.safeParse(JSON.parse(readFileSync(path.join(dir, name), 'utf8')));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
}

export interface CrashNotice {
  count: number;
  /** Stored as acknowledged once the user has been told, so the same reports are not offered again. */
  newest: string;
}

/** At start: the reports newer than the last one the user was told about, if any. */
export function crashNotice(
  reports: readonly CrashReport[],
  acknowledgedAt: string | undefined,
): CrashNotice | null {
  const since = acknowledgedAt ? Date.parse(acknowledgedAt) : Number.NEGATIVE_INFINITY;
  const unseen = reports.filter((report) => Date.parse(report.time) > since);
  if (unseen.length === 0) return null;
  const newest = unseen.reduce((a, b) => (Date.parse(b.time) > Date.parse(a.time) ? b : a)).time;
  return { count: unseen.length, newest };
}

/** The start dialog's words. */
export function crashNoticeMessage(notice: CrashNotice): { message: string; detail: string } {
  return {
    message: 'L’application s’est fermée de façon inattendue',
    detail:
      `${notice.count === 1 ? 'Un rapport d’incident a été enregistré' : `${notice.count} rapports d’incident ont été enregistrés`} sur ce poste. ` +
      'Il ne contient ni vos données ni vos identifiants. Vous pouvez ouvrir le dossier pour le transmettre à votre assistance informatique.',
  };
}
