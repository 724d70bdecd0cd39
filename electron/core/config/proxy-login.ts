import { randomUUID } from 'node:crypto';
import type { ProxyLoginAnswer, ProxyLoginRequest } from '../../../shared/domain/proxy-login';
import { AppError } from '../../../shared/ipc/errors';

export interface ProxyChallenge {
  host: string;
  port: number;
  realm: string;
}

/** After this many refused answers for one proxy, stop asking (the request fails as offline). */
export const MAX_PROXY_ATTEMPTS = 3;

export type Credentials = { username: string; password: string };

/**
 * Asks the window for proxy credentials and waits for the answer (channel « proxy.login »).
 * Concurrent challenges from the same proxy share one question.
 */
export class ProxyLoginBroker {
  private readonly pending = new Map<string, { key: string; resolve: (c: Credentials | null) => void }>();
  private readonly asking = new Map<string, Promise<Credentials | null>>();
  private readonly attempts = new Map<string, number>();

  constructor(private readonly announce: (request: ProxyLoginRequest) => void) {}

  /** Null: give up (cancelled, or too many refusals). */
  ask(challenge: ProxyChallenge): Promise<Credentials | null> {
    const key = `${challenge.host}:${challenge.port}`;
    const existing = this.asking.get(key);
    if (existing) return existing;
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    if (attempt > MAX_PROXY_ATTEMPTS) return Promise.resolve(null);
    this.attempts.set(key, attempt);
    const requestId = randomUUID();
    const answer = new Promise<Credentials | null>((resolve) => {
      this.pending.set(requestId, { key, resolve });
    }).finally(() => this.asking.delete(key));
    this.asking.set(key, answer);
    this.announce({ requestId, ...challenge, retry: attempt > 1 });
    return answer;
  }

  /** A request went through: the next challenge from this proxy starts afresh. */
  succeeded(host: string, port: number): void {
    this.attempts.delete(`${host}:${port}`);
  }

  /** The proxy settings changed: ask again even after a « Annuler ». */
  reset(): void {
    this.attempts.clear();
  }

  answer(input: ProxyLoginAnswer): void {
    const waiting = this.pending.get(input.requestId);
    if (!waiting)
      throw new AppError('not_found', 'Aucune demande d’authentification du proxy n’est en attente.');
    this.pending.delete(input.requestId);
    if ('cancel' in input) {
      this.attempts.set(waiting.key, MAX_PROXY_ATTEMPTS);
      waiting.resolve(null);
    } else waiting.resolve({ username: input.username, password: input.password });
  }
}
