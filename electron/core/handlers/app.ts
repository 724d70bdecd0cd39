import type { Handlers } from '../../../shared/ipc/contract';

/** Facts about this installation the core cannot guess (the shell or the web host gives them). */
export interface AppInfo {
  version: string;
  /** True when the core runs inside Electron's main process. */
  electron: boolean;
}

export function appHandlers(
  info: AppInfo & { platformUrl: string; dataDir: string },
): Pick<Handlers, 'app.about'> {
  return {
    async 'app.about'() {
      return { ...info };
    },
  };
}
