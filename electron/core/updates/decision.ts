import type { UpdateChannel } from '../../../shared/domain/config';
import type { RestartPrompt, UpdatePhase } from '../../../shared/domain/updates';

/** At start, then every 6 hours. */
export const CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** Everything the update decisions depend on; no clock or I/O of their own. */
export interface UpdateState {
  now: number;
  lastCheckAt: number | null;
  /** Whether the platform answers: null while not known (at start). */
  online: boolean | null;
  syncRunning: boolean;
  /** Changes waiting in the outbox. */
  pendingChanges: number;
  phase: Exclude<UpdatePhase, 'unavailable'>;
  version: string | null;
  /** « Plus tard » was chosen: no prompt until the next check. */
  snoozed: boolean;
  /** A sync was already started to flush the outbox before offering the restart. */
  syncTriedForRestart: boolean;
  channel: UpdateChannel;
}

export type UpdateAction =
  | { type: 'check'; channel: UpdateChannel; allowPrerelease: boolean }
  | { type: 'download' }
  /** Send waiting changes first; the offer comes when that run ends. */
  | { type: 'sync' }
  | { type: 'offer'; prompt: RestartPrompt };

/** When the next periodic check falls due. */
export function nextCheckAt(state: Pick<UpdateState, 'lastCheckAt' | 'now'>): number {
  return state.lastCheckAt === null ? state.now : state.lastCheckAt + CHECK_INTERVAL_MS;
}

/** At start and every 6 hours, not while one is under way, not while known to be offline. */
export function isCheckDue(state: UpdateState): boolean {
  if (state.phase === 'checking' || state.phase === 'available' || state.phase === 'downloading')
    return false;
  if (state.online === false) return false;
  return state.now >= nextCheckAt(state);
}

function changes(count: number): string {
  return count === 1 ? '1 modification' : `${count.toLocaleString('fr-FR')} modifications`;
}

/** The prompt text: says plainly that unsent changes are kept on this computer. */
export function restartPrompt(
  state: Pick<UpdateState, 'version' | 'pendingChanges' | 'online'>,
): RestartPrompt {
  const version = state.version ? `La version ${state.version}` : 'La nouvelle version';
  const base = `${version} est téléchargée. Redémarrez l’application pour l’installer.`;
  if (state.pendingChanges === 0)
    return { title: 'Une mise à jour est prête', message: base, keepsUnsentChanges: false };
  const why = state.online === false ? ' (la plateforme est injoignable)' : '';
  const verb =
    state.pendingChanges === 1 ? 'n’a pas encore pu être envoyée' : 'n’ont pas encore pu être envoyées';
  const kept = state.pendingChanges === 1 ? 'Elle reste enregistrée' : 'Elles restent enregistrées';
  return {
    title: 'Une mise à jour est prête',
    message: `${base} ${changes(state.pendingChanges)} ${verb} à la plateforme${why}. ${kept} sur cet ordinateur et ${state.pendingChanges === 1 ? 'sera envoyée' : 'seront envoyées'} après le redémarrage.`,
    keepsUnsentChanges: true,
  };
}

/** What to do about a downloaded update: nothing, flush the outbox first, or offer the restart. */
function restartStep(state: UpdateState): UpdateAction | null {
  if (state.phase !== 'downloaded' || state.snoozed) return null;
  // Never during a sync run: the offer comes back when it ends.
  if (state.syncRunning) return null;
  if (state.pendingChanges > 0 && state.online !== false && !state.syncTriedForRestart)
    return { type: 'sync' };
  return { type: 'offer', prompt: restartPrompt(state) };
}

/** Everything to do now, in order. */
export function decide(state: UpdateState): UpdateAction[] {
  const actions: UpdateAction[] = [];
  if (isCheckDue(state))
    actions.push({ type: 'check', channel: state.channel, allowPrerelease: state.channel === 'beta' });
  if (state.phase === 'available') actions.push({ type: 'download' });
  const step = restartStep(state);
  if (step) actions.push(step);
  return actions;
}

/** Why « Redémarrer pour mettre à jour » cannot run now (null: it can). Never forced. */
export function restartRefusal(state: Pick<UpdateState, 'phase' | 'syncRunning'>): string | null {
  if (state.phase !== 'downloaded') return 'Aucune mise à jour n’est prête à être installée.';
  if (state.syncRunning)
    return 'Une synchronisation est en cours : la mise à jour vous sera proposée dès qu’elle sera terminée.';
  return null;
}
