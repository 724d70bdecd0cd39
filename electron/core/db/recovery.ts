import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileSync } from 'atomically';
import { AppError } from '../../../shared/ipc/errors';
import {
  clearDamageMarker,
  damageDescription,
  damageOf,
  readDamageMarker,
  type Damage,
  type DamageKind,
} from './damage';
import { openLocalDatabase, type OpenOptions } from './open';
import type { LocalStore } from './store';

/** What a recovery did, for the log and the notice shown at the next sign-in. */
export interface Recovery {
  kind: DamageKind;
  code: string;
  /** The damaged file, renamed beside the new one. */
  damagedCopy: string;
  /** The unsent changes written out, or null when there were none or they could not be read. */
  exportFile: string | null;
  /** How many unsent changes were exported; null when the outbox could not be read at all. */
  exported: number | null;
  /** The cached account's mail, when it could still be read (the notice names it). */
  mail: string | null;
  /** French, for the user: what happened, where the files are, what to do. */
  message: string;
}

export interface AccountOpen {
  store: LocalStore;
  recovery: Recovery | null;
}

/**
 * Opens an account's database; a damaged or read-only file (now, or marked so by an error
 * during the last run) is put aside with its unsent changes exported, and a fresh cache made
 * in its place: the platform has everything else, the next sync brings it back.
 */
export async function openAccountDatabase(
  file: string,
  nativeBinding: string | undefined,
  options: OpenOptions & { now: () => Date },
): Promise<AccountOpen> {
  let damage = readDamageMarker(file);
  if (damage?.kind === 'readonly' || !existsSync(file)) {
    // Permissions may have been mended since: the open's own write says whether it still is.
    clearDamageMarker(file);
    damage = null;
  }
  if (!damage) {
    try {
      const store = await openLocalDatabase(file, nativeBinding, options);
      try {
        // A read-only file opens and reads: only a write says so. Rewriting the header's own
        // user version changes nothing.
        const version = store.sqlite.pragma('user_version', { simple: true }) as number;
        store.sqlite.pragma(`user_version = ${Number(version)}`);
      } catch (error) {
        // Anything else (another instance holding the lock too long) is no reason to start anew.
        if (damageOf(error)) {
          await store.close();
          throw error;
        }
      }
      return { store, recovery: null };
    } catch (error) {
      damage = damageOf(error);
      if (!damage) throw error;
    }
  }
  const recovery = recoverDamagedFile(file, damage, options.now(), nativeBinding);
  clearDamageMarker(file);
  return { store: await openLocalDatabase(file, nativeBinding, options), recovery };
}

/** 2026-12-06T23-25-00Z: sorts by date, and no colon (Windows refuses them in names). */
function stampOf(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
}

/** A name beside `file` not taken yet: local-endommagee-<date>.sqlite, then -2, -3... */
function besideFile(file: string, label: string, at: Date, extension: string): string {
  const base = path.join(path.dirname(file), `${path.basename(file, '.sqlite')}-${label}-${stampOf(at)}`);
  for (let n = 1; ; n++) {
    const candidate = `${base}${n === 1 ? '' : `-${n}`}${extension}`;
    if (!existsSync(candidate) && !existsSync(`${candidate}-wal`)) return candidate;
  }
}

interface Unsent {
  rows: Array<Record<string, unknown>>;
  complete: boolean;
  mail: string | null;
}

/** The outbox as far as it reads (rows up to the first damaged page), and the account's mail. */
function readUnsent(file: string, nativeBinding: string | undefined): Unsent | null {
  let db: Database.Database;
  try {
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch {
    return null;
  }
  try {
    let mail: string | null = null;
    try {
      mail =
        (db.prepare('select mail from account limit 1').get() as { mail?: string } | undefined)?.mail ?? null;
    } catch {
      // The notice names no address then.
    }
    const rows: Array<Record<string, unknown>> = [];
    try {
      for (const row of db.prepare('select * from outbox order by position').iterate())
        rows.push(row as Record<string, unknown>);
    } catch {
      return { rows, complete: false, mail };
    }
    return { rows, complete: true, mail };
  } finally {
    db.close();
  }
}

function parsedJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function exportUnsent(file: string, unsent: Unsent, damage: Damage, at: Date): string {
  const target = besideFile(file, 'modifications-non-envoyees', at, '.json');
  const changes = unsent.rows.map((row) => ({
    ...row,
    payload: parsedJson(row.payload),
    base: parsedJson(row.base),
    conflict: parsedJson(row.conflict),
  }));
  const document = {
    note:
      'Modifications faites sur ce poste et jamais reçues par la plateforme, relues dans une base ' +
      'locale endommagée. Elles ne seront pas renvoyées automatiquement : ressaisissez celles qui manquent.',
    exportedAt: at.toISOString(),
    reason: damage.code,
    complete: unsent.complete,
    changes,
  };
  // Personal data: readable by its OS user only, like the database.
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`, { mode: 0o600 });
  return target;
}

/** Moves the file and its WAL aside: a stale WAL beside a fresh file would be replayed into it. */
function putAside(file: string, at: Date, unsentSentence: string): string {
  const copy = besideFile(file, 'endommagee', at, '.sqlite');
  try {
    renameSync(file, copy);
  } catch (error) {
    throw new AppError(
      'database',
      `La base de données locale de ce poste ne peut être ni modifiée ni déplacée (« ${file} ») : ` +
        'vérifiez que ce fichier et son dossier ne sont pas en lecture seule, puis rouvrez l’application ' +
        `(${(error as NodeJS.ErrnoException).code ?? 'erreur inconnue'}).${unsentSentence}`,
    );
  }
  for (const suffix of ['-wal', '-shm']) {
    if (!existsSync(`${file}${suffix}`)) continue;
    try {
      renameSync(`${file}${suffix}`, `${copy}${suffix}`);
    } catch {
      rmSync(`${file}${suffix}`, { force: true });
    }
  }
  return copy;
}

function recoverDamagedFile(
  file: string,
  damage: Damage,
  at: Date,
  nativeBinding: string | undefined,
): Recovery {
  const unsent = existsSync(file) ? readUnsent(file, nativeBinding) : null;
  let exportFile: string | null = null;
  if (unsent && unsent.rows.length > 0) exportFile = exportUnsent(file, unsent, damage, at);
  const exported = unsent && (unsent.complete || unsent.rows.length > 0) ? unsent.rows.length : null;
  const unsentText = unsentSentence(exportFile, exported, unsent?.complete ?? false);
  const damagedCopy = putAside(file, at, exported ? unsentText : '');
  return {
    ...damage,
    damagedCopy,
    exportFile,
    exported,
    mail: unsent?.mail ?? null,
    message:
      `La base de données locale de ce poste ${damageDescription(damage.kind)} : elle a été mise de côté ` +
      `(« ${damagedCopy} ») et une base neuve a été créée.${unsentText} Reconnectez-vous : les données ` +
      'de la plateforme seront téléchargées à nouveau.',
  };
}

function unsentSentence(exportFile: string | null, exported: number | null, complete: boolean): string {
  if (exported === null)
    return ' Les modifications qui n’avaient pas encore été envoyées à la plateforme n’ont pas pu être relues : vérifiez sur la plateforme vos dernières saisies faites hors ligne.';
  if (exported === 0) return ' Aucune modification n’attendait d’être envoyée à la plateforme.';
  const changes =
    exported === 1
      ? 'La modification qui n’avait pas encore été envoyée à la plateforme a été exportée'
      : `Les ${exported} modifications qui n’avaient pas encore été envoyées à la plateforme ont été exportées`;
  const partly = complete ? '' : ' (en partie seulement : la suite était illisible)';
  const redo = exported === 1 ? 'ressaisissez-la si elle manque' : 'ressaisissez celles qui manquent';
  return ` ${changes} dans « ${exportFile} »${partly} : ${redo}.`;
}
