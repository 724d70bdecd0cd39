import { existsSync, readFileSync, rmSync } from 'node:fs';
import { writeFileSync } from 'atomically';
import { AppError } from '../../../shared/ipc/errors';

/**
 * What can go wrong with the file itself rather than with a query: SQLite says the file is
 * damaged (SQLITE_CORRUPT and its extended codes), is not a database at all (SQLITE_NOTADB:
 * overwritten, truncated, encrypted by ransomware), or can no longer be written
 * (SQLITE_READONLY: permissions changed, the app once run as another user, a read-only copy).
 * No retry mends these; the cache is rebuilt from the platform (see recovery.ts).
 */
export type DamageKind = 'corrupt' | 'readonly';

export interface Damage {
  kind: DamageKind;
  /** SQLite's code as it said it, for the log and the export (SQLITE_CORRUPT_INDEX...). */
  code: string;
}

/** The damage an error reports, looking through wrappers (MigrationFailedError's cause). */
export function damageOf(error: unknown): Damage | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return { kind: 'corrupt', code };
      if (code.startsWith('SQLITE_READONLY')) return { kind: 'readonly', code };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** Beside the database: an error during use leaves it, the next start recovers. */
export function damageMarkerFile(file: string): string {
  return `${file}.endommagee.json`;
}

export function markDamaged(file: string, damage: Damage, at: Date): void {
  writeFileSync(damageMarkerFile(file), JSON.stringify({ ...damage, at: at.toISOString() }), { mode: 0o600 });
}

export function readDamageMarker(file: string): Damage | null {
  const marker = damageMarkerFile(file);
  if (!existsSync(marker)) return null;
  try {
    const data = JSON.parse(readFileSync(marker, 'utf8')) as Partial<Damage>;
    if ((data.kind === 'corrupt' || data.kind === 'readonly') && typeof data.code === 'string')
      return { kind: data.kind, code: data.code };
  } catch {
    // A marker cut short by a crash still says the database failed.
  }
  return { kind: 'corrupt', code: 'SQLITE_CORRUPT' };
}

export function clearDamageMarker(file: string): void {
  rmSync(damageMarkerFile(file), { force: true });
}

const what: Record<DamageKind, string> = {
  corrupt: 'est endommagée',
  readonly: 'ne peut plus être modifiée (fichier en lecture seule)',
};

/** What the user reads when a query meets a damaged file: the next start repairs it. */
export function damageDuringUseError(damage: Damage): AppError {
  return new AppError(
    'database',
    `La base de données locale de ce poste ${what[damage.kind]} (${damage.code}). ` +
      'Fermez puis rouvrez l’application : au redémarrage, une copie du fichier endommagé sera gardée ' +
      'à côté de lui, vos modifications non envoyées seront exportées dans un fichier si elles sont ' +
      'lisibles, puis une base neuve sera créée et les données de la plateforme téléchargées à nouveau ' +
      'à votre prochaine connexion.',
  );
}

export function damageDescription(kind: DamageKind): string {
  return what[kind];
}
