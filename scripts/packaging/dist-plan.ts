import { DEFAULT_UPDATE_URL } from '../../shared/domain/config';

/**
 * What `npm run dist[:win|:mac|:linux]` will do, decided without side effects: which target,
 * whether this machine can build it, the arguments and environment for electron-builder, and
 * the lines that tell the person building what will be signed or notarised.
 */

export const DIST_TARGETS = ['win', 'mac', 'linux'] as const;
export type DistTarget = (typeof DIST_TARGETS)[number];

// Where installed apps look for updates unless UPDATE_URL (build) or the central configuration
// (run time) says otherwise: one value, shared with the app.
export { DEFAULT_UPDATE_URL };

export const DIST_ELECTRON_MISSING =
  'Binaire Electron absent (il se télécharge depuis GitHub, injoignable ici) : les installateurs ne peuvent pas être fabriqués sur cette machine, lancez « npm run dist » sur un poste qui accède à GitHub ou à un miroir ELECTRON_MIRROR.';

export const DIST_MAC_NEEDS_MAC =
  'Les installateurs macOS (dmg, signature, notarisation) ne se fabriquent que sur un Mac : lancez « npm run dist:mac » sur macOS.';

type Env = Readonly<Record<string, string | undefined>>;

export type DistPlan =
  | { ok: false; message: string }
  | {
      ok: true;
      target: DistTarget;
      /** Arguments for electron-builder's CLI. */
      builderArgs: string[];
      /** Variables electron-builder must see on top of the current environment. */
      env: Record<string, string>;
      /** One line each, printed before packaging. */
      notices: string[];
    };

export function planDist(input: {
  /** The script's first argument: win, mac, linux, or nothing for the current OS. */
  arg: string | undefined;
  hostPlatform: NodeJS.Platform;
  /** The Electron executable found (or fetched) locally, null when it cannot be had. */
  electronBinary: string | null;
  env: Env;
}): DistPlan {
  const target = input.arg ?? hostTarget(input.hostPlatform);
  if (!isDistTarget(target))
    return {
      ok: false,
      message: `Cible d’installateur inconnue « ${target} » : choisissez win, mac ou linux.`,
    };
  if (target === 'mac' && input.hostPlatform !== 'darwin') return { ok: false, message: DIST_MAC_NEEDS_MAC };
  // electron-builder downloads Electron from the same place as the electron package does.
  if (input.electronBinary === null) return { ok: false, message: DIST_ELECTRON_MISSING };

  const updateUrl = normaliseUpdateUrl(input.env.UPDATE_URL);
  if (!updateUrl.ok) return updateUrl;

  const notices = [`Mises à jour : ${updateUrl.url} (fournisseur generic, canal déduit de la version).`];
  if (target === 'mac') {
    const notarisation = notarisationOf(input.env);
    if (!notarisation.ok) return notarisation;
    notices.push(signingNotice(input.env, 'CSC_LINK', 'macOS'), notarisation.notice);
  }
  if (target === 'win') notices.push(signingNotice(input.env, 'WIN_CSC_LINK', 'Windows'));

  return {
    ok: true,
    target,
    builderArgs: ['--config', 'electron-builder.yml', `--${target}`, '--publish', 'never'],
    env: { UPDATE_URL: updateUrl.url },
    notices,
  };
}

function hostTarget(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'win';
  if (platform === 'darwin') return 'mac';
  if (platform === 'linux') return 'linux';
  return platform;
}

function isDistTarget(value: string): value is DistTarget {
  return (DIST_TARGETS as readonly string[]).includes(value);
}

/** A directory URL ending with "/": electron-updater resolves latest.yml relative to it. */
export function normaliseUpdateUrl(
  raw: string | undefined,
): { ok: true; url: string } | { ok: false; message: string } {
  const value = raw?.trim() || DEFAULT_UPDATE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: invalidUpdateUrl(value) };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, message: invalidUpdateUrl(value) };
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return { ok: true, url: url.href };
}

function invalidUpdateUrl(value: string): string {
  return `UPDATE_URL invalide (« ${value} ») : indiquez l’adresse http(s) du dossier des mises à jour, par exemple ${DEFAULT_UPDATE_URL}.`;
}

const APPLE_ID_VARS = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'] as const;
const API_KEY_VARS = ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'] as const;

/**
 * Mirrors electron-builder 26's choice (MacTargetHelper.getNotarizeOptions): an Apple ID set
 * first, then an App Store Connect API key, then a keychain profile; a set given in part is an
 * error there, caught here before a long build.
 */
export function notarisationOf(env: Env): { ok: true; notice: string } | { ok: false; message: string } {
  const has = (name: string) => Boolean(env[name]);
  const missing = (names: readonly string[]) => names.filter((name) => !has(name));
  if (has('APPLE_ID') || has('APPLE_APP_SPECIFIC_PASSWORD')) {
    const absent = missing(APPLE_ID_VARS);
    if (absent.length > 0)
      return { ok: false, message: partialSet('un identifiant Apple incomplet', absent) };
    return { ok: true, notice: 'Notarisation macOS : oui, avec l’identifiant Apple (APPLE_ID).' };
  }
  if (API_KEY_VARS.some(has)) {
    const absent = missing(API_KEY_VARS);
    if (absent.length > 0)
      return { ok: false, message: partialSet('une clé d’API App Store Connect incomplète', absent) };
    return {
      ok: true,
      notice: 'Notarisation macOS : oui, avec la clé d’API App Store Connect (APPLE_API_KEY).',
    };
  }
  if (has('APPLE_KEYCHAIN_PROFILE'))
    return {
      ok: true,
      notice: 'Notarisation macOS : oui, avec le profil du trousseau (APPLE_KEYCHAIN_PROFILE).',
    };
  return {
    ok: true,
    notice:
      'Notarisation macOS : ignorée, faute de APPLE_API_KEY, APPLE_API_KEY_ID et APPLE_API_ISSUER (ou APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD et APPLE_TEAM_ID).',
  };
}

function partialSet(what: string, absent: string[]): string {
  return `Notarisation macOS impossible avec ${what} : définissez aussi ${absent.join(', ')}.`;
}

function signingNotice(env: Env, platformVariable: string, os: string): string {
  if (env.CSC_LINK || env[platformVariable]) return `Signature ${os} : oui, avec le certificat de CSC_LINK.`;
  return os === 'macOS'
    ? 'Signature macOS : identité Developer ID du trousseau si présente, sinon application non signée (donc non notarisée).'
    : 'Signature Windows : non (définissez CSC_LINK et CSC_KEY_PASSWORD), l’installateur déclenchera SmartScreen.';
}
