import type { UpdateChannel } from '../../../shared/domain/config';
import type { UpdateStatus } from '../../../shared/domain/updates';
import { AppError } from '../../../shared/ipc/errors';
import { decide, restartRefusal, type UpdateState } from './decision';

/** The updater itself (electron-updater in the desktop app, a fake in tests). */
export interface UpdateDriver {
  /** Points at the feed before each check: the settings may have changed since. */
  configure(feed: { url: string; channel: UpdateChannel; allowPrerelease: boolean }): void;
  /** Resolves with the version found, or null when up to date. */
  check(): Promise<string | null>;
  download(onProgress: (percent: number) => void): Promise<void>;
  /** Quits and installs (only ever at the user's request). */
  install(): void;
}

export interface UpdateControllerDeps {
  driver: UpdateDriver;
  feed: () => { url: string; channel: UpdateChannel };
  /** The open account's outbox (null: nobody signed in, nothing waits). */
  syncStatus: () => Promise<{ running: boolean; pending: number } | null>;
  syncNow: () => Promise<unknown>;
  online: () => boolean | null;
  onStatus: (status: UpdateStatus) => void;
  now?: () => number;
  logError?: (message: string, error: unknown) => void;
}

const CHECK_FAILED = 'La recherche de mise à jour a échoué : nouvel essai plus tard.';
const DOWNLOAD_FAILED =
  'Le téléchargement de la mise à jour a échoué : nouvel essai à la prochaine vérification.';

/** Runs the decisions of ./decision against a driver; the state lives here, the rules there. */
export class UpdateController {
  private phase: UpdateState['phase'] = 'idle';
  private version: string | null = null;
  private percent: number | null = null;
  private lastCheckAt: number | null = null;
  private snoozed = false;
  private syncTriedForRestart = false;
  private error: string | null = null;
  private prompt: UpdateStatus['prompt'] = null;
  private timer: NodeJS.Timeout | undefined;
  /** One evaluation at a time: events can arrive while one awaits the outbox. */
  private evaluating: Promise<void> = Promise.resolve();

  constructor(private readonly deps: UpdateControllerDeps) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  status(): UpdateStatus {
    return {
      phase: this.phase,
      version: this.version,
      percent: this.percent,
      channel: this.deps.feed().channel,
      lastCheckAt: this.lastCheckAt === null ? null : new Date(this.lastCheckAt).toISOString(),
      prompt: this.prompt,
      error: this.error,
    };
  }

  private publish(): void {
    this.deps.onStatus(this.status());
  }

  /** Re-reads the situation and acts; called at start, on a timer, and when sync or network change. */
  evaluate(): Promise<void> {
    this.evaluating = this.evaluating
      .then(() => this.evaluateOnce())
      .catch((error: unknown) => {
        this.deps.logError?.('Mise à jour : évaluation impossible', error);
      });
    return this.evaluating;
  }

  private async evaluateOnce(): Promise<void> {
    const sync = (await this.deps.syncStatus()) ?? { running: false, pending: 0 };
    const actions = decide({
      now: this.now(),
      lastCheckAt: this.lastCheckAt,
      online: this.deps.online(),
      syncRunning: sync.running,
      pendingChanges: sync.pending,
      phase: this.phase,
      version: this.version,
      snoozed: this.snoozed,
      syncTriedForRestart: this.syncTriedForRestart,
      channel: this.deps.feed().channel,
    });
    let prompt: UpdateStatus['prompt'] = null;
    for (const action of actions) {
      if (action.type === 'check') void this.check(action.allowPrerelease);
      if (action.type === 'download') void this.download();
      if (action.type === 'sync') {
        this.syncTriedForRestart = true;
        // Whatever the outcome, the offer is reconsidered: the outbox is kept on disk anyway.
        void this.deps
          .syncNow()
          .catch(() => undefined)
          .then(() => this.evaluate());
      }
      if (action.type === 'offer') prompt = action.prompt;
    }
    if (JSON.stringify(prompt) !== JSON.stringify(this.prompt)) {
      this.prompt = prompt;
      this.publish();
    }
  }

  private async check(allowPrerelease: boolean): Promise<void> {
    const { url, channel } = this.deps.feed();
    this.lastCheckAt = this.now();
    // A check ends « Plus tard ».
    this.snoozed = false;
    const before = this.phase;
    this.phase = 'checking';
    this.error = null;
    this.publish();
    try {
      this.deps.driver.configure({ url, channel, allowPrerelease });
      const found = await this.deps.driver.check();
      if (found === null) {
        this.phase = before === 'downloaded' ? 'downloaded' : 'idle';
      } else if (before === 'downloaded' && found === this.version) {
        this.phase = 'downloaded';
      } else {
        this.phase = 'available';
        this.version = found;
        this.syncTriedForRestart = false;
      }
    } catch (error) {
      this.deps.logError?.('Mise à jour : recherche impossible', error);
      this.phase = before === 'downloaded' ? 'downloaded' : 'error';
      this.error = CHECK_FAILED;
    }
    this.publish();
    await this.evaluate();
  }

  private async download(): Promise<void> {
    this.phase = 'downloading';
    this.percent = 0;
    this.publish();
    try {
      await this.deps.driver.download((percent) => {
        this.percent = Math.max(0, Math.min(100, Math.round(percent)));
        this.publish();
      });
      this.phase = 'downloaded';
      this.percent = 100;
    } catch (error) {
      this.deps.logError?.('Mise à jour : téléchargement impossible', error);
      this.phase = 'error';
      this.percent = null;
      this.error = DOWNLOAD_FAILED;
    }
    this.publish();
    await this.evaluate();
  }

  /** « Rechercher une mise à jour »: now, whatever the schedule. */
  async checkNow(): Promise<UpdateStatus> {
    if (this.phase === 'checking' || this.phase === 'downloading') return this.status();
    this.lastCheckAt = null;
    await this.evaluate();
    return this.status();
  }

  /** « Plus tard »: the prompt goes away until the next check. */
  later(): UpdateStatus {
    this.snoozed = true;
    this.prompt = null;
    this.publish();
    return this.status();
  }

  /** « Redémarrer pour mettre à jour »: refused during a sync run, never forced otherwise. */
  async restart(): Promise<UpdateStatus> {
    const sync = (await this.deps.syncStatus()) ?? { running: false, pending: 0 };
    const refusal = restartRefusal({ phase: this.phase, syncRunning: sync.running });
    if (refusal) throw new AppError('conflict', refusal);
    this.deps.driver.install();
    return this.status();
  }

  /** Evaluates now and then regularly (the 6-hour rule is in the decision, not the timer). */
  start(intervalMs = 10 * 60 * 1000): void {
    this.stop();
    void this.evaluate();
    this.timer = setInterval(() => void this.evaluate(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
