import { describe, expect, it } from 'vitest';
import {
  CHECK_INTERVAL_MS,
  decide,
  isCheckDue,
  restartPrompt,
  restartRefusal,
  type UpdateState,
} from './decision';

const HOUR = 60 * 60 * 1000;
const base: UpdateState = {
  now: 100 * HOUR,
  lastCheckAt: 99 * HOUR,
  online: true,
  syncRunning: false,
  pendingChanges: 0,
  phase: 'idle',
  version: null,
  snoozed: false,
  syncTriedForRestart: false,
  channel: 'latest',
};
const state = (patch: Partial<UpdateState>): UpdateState => ({ ...base, ...patch });
const types = (s: UpdateState) => decide(s).map((action) => action.type);

describe('when to check', () => {
  it('checks at start (never checked), even before connectivity is known', () => {
    expect(isCheckDue(state({ lastCheckAt: null, online: null }))).toBe(true);
  });

  it('checks again 6 hours after the last check, not before', () => {
    expect(CHECK_INTERVAL_MS).toBe(6 * HOUR);
    expect(isCheckDue(state({ lastCheckAt: base.now - 6 * HOUR + 1 }))).toBe(false);
    expect(isCheckDue(state({ lastCheckAt: base.now - 6 * HOUR }))).toBe(true);
  });

  it('does not check while known to be offline, nor while a check or download runs', () => {
    expect(isCheckDue(state({ lastCheckAt: null, online: false }))).toBe(false);
    for (const phase of ['checking', 'available', 'downloading'] as const)
      expect(isCheckDue(state({ lastCheckAt: null, phase }))).toBe(false);
  });

  it('asks for prereleases on the beta channel only', () => {
    expect(decide(state({ lastCheckAt: null, channel: 'beta' }))[0]).toEqual({
      type: 'check',
      channel: 'beta',
      allowPrerelease: true,
    });
    expect(decide(state({ lastCheckAt: null }))[0]).toEqual({
      type: 'check',
      channel: 'latest',
      allowPrerelease: false,
    });
  });
});

describe('when to download and offer', () => {
  it('downloads in the background as soon as an update is available', () => {
    expect(types(state({ phase: 'available', version: '1.2.0' }))).toEqual(['download']);
  });

  it('offers the restart once downloaded, with nothing waiting', () => {
    const [action] = decide(state({ phase: 'downloaded', version: '1.2.0' }));
    expect(action).toEqual({
      type: 'offer',
      prompt: {
        title: 'Une mise à jour est prête',
        message: 'La version 1.2.0 est téléchargée. Redémarrez l’application pour l’installer.',
        keepsUnsentChanges: false,
      },
    });
  });

  it('never offers during a sync run', () => {
    expect(types(state({ phase: 'downloaded', syncRunning: true }))).toEqual([]);
    expect(types(state({ phase: 'downloaded', syncRunning: true, pendingChanges: 3 }))).toEqual([]);
  });

  it('tries a sync first when changes wait and the platform may answer', () => {
    expect(types(state({ phase: 'downloaded', pendingChanges: 2 }))).toEqual(['sync']);
    expect(types(state({ phase: 'downloaded', pendingChanges: 2, online: null }))).toEqual(['sync']);
  });

  it('after that sync, or when the platform is unreachable, still offers and says the changes are kept', () => {
    for (const s of [
      state({ phase: 'downloaded', version: '1.2.0', pendingChanges: 2, syncTriedForRestart: true }),
      state({ phase: 'downloaded', version: '1.2.0', pendingChanges: 2, online: false }),
    ]) {
      const [action] = decide(s);
      expect(action?.type).toBe('offer');
      if (action?.type !== 'offer') continue;
      expect(action.prompt.keepsUnsentChanges).toBe(true);
      expect(action.prompt.message).toContain('2 modifications n’ont pas encore pu être envoyées');
      expect(action.prompt.message).toContain('restent enregistrées sur cet ordinateur');
    }
    expect(restartPrompt({ version: '1.2.0', pendingChanges: 1, online: false }).message).toBe(
      'La version 1.2.0 est téléchargée. Redémarrez l’application pour l’installer. 1 modification n’a pas encore pu être envoyée à la plateforme (la plateforme est injoignable). Elle reste enregistrée sur cet ordinateur et sera envoyée après le redémarrage.',
    );
  });

  it('« Plus tard » hides the offer until the next check, which is due as usual', () => {
    expect(types(state({ phase: 'downloaded', snoozed: true }))).toEqual([]);
    expect(types(state({ phase: 'downloaded', snoozed: true, lastCheckAt: base.now - 6 * HOUR }))).toEqual([
      'check',
    ]);
  });
});

describe('restart requests', () => {
  it('refuses during a sync run and when nothing is downloaded, in French', () => {
    expect(restartRefusal({ phase: 'downloaded', syncRunning: true })).toMatch(
      /synchronisation est en cours/,
    );
    expect(restartRefusal({ phase: 'available', syncRunning: false })).toMatch(/Aucune mise à jour/);
    expect(restartRefusal({ phase: 'downloaded', syncRunning: false })).toBeNull();
  });
});
