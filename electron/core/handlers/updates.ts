import type { UpdateChannel } from '../../../shared/domain/config';
import { UPDATES_UNAVAILABLE, type UpdateStatus } from '../../../shared/domain/updates';
import type { Handlers } from '../../../shared/ipc/contract';
import type { UpdateController } from '../updates/controller';

/** In the web host (a browser) there is nothing to update: every channel answers so. */
export function unavailableUpdateStatus(channel: UpdateChannel): UpdateStatus {
  return {
    phase: 'unavailable',
    version: null,
    percent: null,
    channel,
    lastCheckAt: null,
    prompt: null,
    error: UPDATES_UNAVAILABLE,
  };
}

export function updatesHandlers(
  updates: UpdateController | null,
  channel: () => UpdateChannel,
): Pick<Handlers, 'update.status' | 'update.check' | 'update.later' | 'update.restart'> {
  const unavailable = async () => unavailableUpdateStatus(channel());
  if (!updates)
    return {
      'update.status': unavailable,
      'update.check': unavailable,
      'update.later': unavailable,
      'update.restart': unavailable,
    };
  return {
    async 'update.status'() {
      return updates.status();
    },
    async 'update.check'() {
      return updates.checkNow();
    },
    async 'update.later'() {
      return updates.later();
    },
    async 'update.restart'() {
      return updates.restart();
    },
  };
}
