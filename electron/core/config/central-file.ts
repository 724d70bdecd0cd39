import { readFile } from 'node:fs/promises';
import {
  centralConfigSchema,
  configKeys,
  configLabels,
  type CentralConfig,
} from '../../../shared/domain/config';

export type CentralReading =
  | { status: 'absent' }
  | { status: 'valid'; config: CentralConfig }
  /** Ignored: the app starts with the user's settings and « Paramètres » shows `error`. */
  | { status: 'invalid'; error: string };

function fieldName(path: readonly PropertyKey[]): string {
  const key = String(path[0] ?? '');
  return (configKeys as readonly string[]).includes(key)
    ? `« ${key} » (${configLabels[key as keyof typeof configLabels]})`
    : key === 'locked'
      ? '« locked » (paramètres imposés)'
      : `« ${key} »`;
}

/** Reads the administrator's JSON text; every failure is a French sentence naming the file and the field. */
export function parseCentralConfig(text: string, filePath: string): CentralReading {
  const prefix = `Le fichier de configuration central ${filePath} est ignoré`;
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { status: 'invalid', error: `${prefix} : ce n’est pas du JSON valide.` };
  }
  const parsed = centralConfigSchema.safeParse(json);
  if (parsed.success) return { status: 'valid', config: parsed.data };
  const issue = parsed.error.issues[0];
  if (!issue) return { status: 'invalid', error: `${prefix}.` };
  if (issue.code === 'unrecognized_keys')
    return {
      status: 'invalid',
      error: `${prefix} : champ non reconnu « ${issue.keys.join('», « ')} » (attendus : ${[...configKeys, 'locked'].join(', ')}).`,
    };
  if (issue.path.length === 0)
    return { status: 'invalid', error: `${prefix} : un objet JSON { … } est attendu.` };
  return {
    status: 'invalid',
    error: `${prefix} : champ ${fieldName(issue.path)} invalide — ${issue.message}`,
  };
}

/** A missing file is the usual case (no administrator configuration); an unreadable one is reported. */
export async function readCentralConfig(filePath: string): Promise<CentralReading> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'absent' };
    return {
      status: 'invalid',
      error: `Le fichier de configuration central ${filePath} est ignoré : lecture impossible (${code ?? 'erreur inconnue'}).`,
    };
  }
  return parseCentralConfig(text, filePath);
}
