/** Command-line options of the desktop app (used by `npm start` and the e2e tests). */
export interface MainArgs {
  platformUrl?: string;
  userDataDir?: string;
}

export function parseMainArgs(argv: readonly string[]): MainArgs {
  const args: MainArgs = {};
  for (const arg of argv) {
    const [name, ...rest] = arg.split('=');
    const value = rest.join('=');
    if (!value) continue;
    if (name === '--platform-url') args.platformUrl = value;
    if (name === '--user-data-dir') args.userDataDir = value;
  }
  return args;
}

/** Until central configuration exists (issue 8), the regional platform's production address. */
export const DEFAULT_PLATFORM_URL = 'https://plateforme.apprentissage-nouvelle-aquitaine.fr';
