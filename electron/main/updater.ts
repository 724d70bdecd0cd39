import electronUpdater from 'electron-updater';
import type { UpdateDriver } from '../core/updates/controller';

// electron-updater is CommonJS: its named exports are reached through the default import in ESM.
// Exported for the logs: its own lines go to the log file (electron/main/logging/capture.ts).
export const { autoUpdater } = electronUpdater;

/**
 * electron-updater behind the core's UpdateController, which decides when to check, download
 * and offer the restart (electron/core/updates/decision.ts). Generic provider: a plain HTTPS
 * folder on the internal server holding latest.yml / beta.yml and the installers.
 */
export function electronUpdateDriver(): UpdateDriver {
  // The controller downloads in the background itself once an update is found.
  autoUpdater.autoDownload = false;
  // Never installed behind the user's back at quit: « Redémarrer pour mettre à jour » does it.
  autoUpdater.autoInstallOnAppQuit = false;
  return {
    configure({ url, channel, allowPrerelease }) {
      autoUpdater.setFeedURL({ provider: 'generic', url, channel });
      autoUpdater.channel = channel;
      autoUpdater.allowPrerelease = allowPrerelease;
      // Switching back from beta to stable may mean an older version number: allowed then only.
      autoUpdater.allowDowngrade = channel === 'latest' && allowPrerelease === false;
    },
    async check() {
      // Null when the app is not packaged (npm start): nothing to update.
      const result = await autoUpdater.checkForUpdates();
      return result?.isUpdateAvailable ? result.updateInfo.version : null;
    },
    async download(onProgress) {
      const listener = (progress: { percent: number }) => onProgress(progress.percent);
      autoUpdater.on('download-progress', listener);
      try {
        await autoUpdater.downloadUpdate();
      } finally {
        autoUpdater.off('download-progress', listener);
      }
    },
    install() {
      // Not silent (the Windows installer shows its progress), and the app starts again afterwards.
      autoUpdater.quitAndInstall(false, true);
    },
  };
}
