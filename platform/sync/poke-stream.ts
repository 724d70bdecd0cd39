import type { ServerResponse } from 'node:http';
import { pokeEventText } from '../../shared/api/sync-stream';

/**
 * One desktop's event stream. A client that stops reading costs one pending cursor, not a
 * growing buffer: while the socket is full, pokes fold into the latest one (a poke only says
 * "pull up to here") and heartbeats are skipped (a full socket is not idle).
 */
export class PokeStream {
  private sent: number;
  private pending: number | null = null;
  private blocked = false;
  private ended = false;

  /** `cursor`: where the desktop said it stands; a poke at or behind it is not worth a line. */
  constructor(
    private readonly response: ServerResponse,
    cursor: number,
  ) {
    this.sent = cursor;
    response.on('drain', () => {
      this.blocked = false;
      this.flush();
    });
    response.on('close', () => {
      this.ended = true;
    });
  }

  get closed(): boolean {
    return this.ended;
  }

  /** The feed this reader sees reached `cursor`. */
  poke(cursor: number): void {
    if (this.ended || cursor <= Math.max(this.sent, this.pending ?? 0)) return;
    this.pending = cursor;
    this.flush();
  }

  /** A comment line: keeps proxies from closing an idle stream and feeds the desktop's watchdog. */
  comment(text: string): void {
    if (this.ended || this.blocked) return;
    this.write(`: ${text}\n\n`);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.response.end();
  }

  private flush(): void {
    if (this.ended || this.blocked || this.pending === null) return;
    const cursor = this.pending;
    this.pending = null;
    this.sent = cursor;
    this.write(pokeEventText(cursor));
  }

  private write(text: string): void {
    if (!this.response.write(text)) this.blocked = true;
  }
}
