import path from 'node:path';

/** The folder name IT uses for the app on Windows and macOS (the product name). */
const VENDOR_FOLDER = 'Alternance Nouvelle-Aquitaine';

/**
 * Where an administrator deploys the machine-wide configuration: a place every user of the
 * computer reads but only an administrator writes.
 * `ALTERNANCE_CENTRAL_CONFIG` points elsewhere (tests, a pilot machine).
 */
export function centralConfigPath(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const override = env.ALTERNANCE_CENTRAL_CONFIG?.trim();
  if (override) return override;
  if (platform === 'win32') {
    const programData = env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData';
    return path.win32.join(programData, VENDOR_FOLDER, 'config.json');
  }
  if (platform === 'darwin')
    return path.posix.join('/Library/Application Support', VENDOR_FOLDER, 'config.json');
  return '/etc/alternance-bureau/config.json';
}
