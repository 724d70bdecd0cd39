import { DEFAULT_UPDATE_URL } from '../../shared/domain/config';
import { readCentralConfig } from '../core/config/central-file';
import { centralConfigPath } from '../core/config/central-path';
import { ConfigService } from '../core/config/config-service';
import type { SettingsStore } from '../core/settings';

/**
 * « Paramètres » at start: the administrator's machine-wide file (if any, and valid) over the
 * user's settings over `fallbackPlatformUrl` (command line, environment, built-in). An invalid
 * file never stops the app: « Paramètres » shows why it was ignored.
 */
export async function loadDesktopConfig(
  settings: SettingsStore,
  fallbackPlatformUrl: string,
  log: (message: string) => void,
): Promise<ConfigService> {
  const centralPath = centralConfigPath(process.platform, process.env);
  const central = await readCentralConfig(centralPath);
  if (central.status === 'invalid') log(central.error);
  return new ConfigService(
    {
      centralPath,
      central,
      defaults: {
        platformUrl: fallbackPlatformUrl,
        proxy: 'system',
        updateUrl: process.env.UPDATE_URL ?? DEFAULT_UPDATE_URL,
        updateChannel: 'latest',
      },
    },
    settings,
  );
}
