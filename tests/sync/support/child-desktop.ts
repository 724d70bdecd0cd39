import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Envelope } from './harness';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'core-child.ts');

/** A desktop core running in a child process (crash tests). */
export class ChildDesktop {
  private next = 0;
  private readonly waiting = new Map<number, (result: Envelope) => void>();
  private output = '';
  private readonly outputWaiters: Array<{ text: string; resolve: () => void }> = [];

  private constructor(readonly child: ChildProcess) {
    child.on('message', (message: { id?: number; result?: Envelope }) => {
      if (message.id === undefined) return;
      this.waiting.get(message.id)?.(message.result!);
      this.waiting.delete(message.id);
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
      for (const waiter of [...this.outputWaiters]) {
        if (this.output.includes(waiter.text)) {
          this.outputWaiters.splice(this.outputWaiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    });
  }

  static start(env: {
    CORE_DATA: string;
    PLATFORM_URL: string;
    PAUSE_PULL_AT_ROW?: string;
    PAGE_SIZE?: string;
  }): Promise<ChildDesktop> {
    const child = fork(script, [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    const desktop = new ChildDesktop(child);
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve(desktop));
      child.once('exit', (code) => reject(new Error(`le processus du cœur s’est arrêté (code ${code})`)));
    });
  }

  invoke(channel: string, input?: unknown): Promise<Envelope> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ id, channel, input });
    });
  }

  async ok<T>(channel: string, input?: unknown): Promise<T> {
    const answer = await this.invoke(channel, input);
    if (!answer.ok) throw new Error(`${channel} : ${answer.error.message}`);
    return answer.data as T;
  }

  /** Resolves once the child printed `text`. */
  printed(text: string): Promise<void> {
    if (this.output.includes(text)) return Promise.resolve();
    return new Promise((resolve) => this.outputWaiters.push({ text, resolve }));
  }

  /** kill -9: no cleanup, no flush, like a power cut. */
  kill(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill('SIGKILL');
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}
