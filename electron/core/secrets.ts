import { writeFile } from 'atomically';
import { existsSync, readFileSync } from 'node:fs';

/** Where the refresh token lives. Electron encrypts with safeStorage; the web host cannot. */
export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

/** Turns a secret into what is written to disk and back. */
export interface SecretCodec {
  encode(plain: string): string;
  decode(stored: string): string;
}

/** Plain text, for the web host and tests only; the file is still readable by its owner alone. */
export const plainCodec: SecretCodec = { encode: (v) => v, decode: (v) => v };

/** How long a locked secrets file is retried (atomically waits 200 ms between attempts). */
export const SECRET_WRITE_RETRY_MS = 7_500;

/**
 * A JSON file of encoded secrets, readable by its owner only. Written through atomically: a
 * temporary file, fsync, then rename, so a crash or a power cut leaves the old file or the new
 * one, never half of one; EPERM/EBUSY (a Windows antivirus or indexer holding the file) are
 * retried for a few seconds without blocking the main process.
 */
export class FileSecretStore implements SecretStore {
  /** Writes one after the other: each reads the file the previous one wrote. */
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly codec: SecretCodec,
    private readonly retryForMs = SECRET_WRITE_RETRY_MS,
  ) {}

  private read(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  private update(change: (values: Record<string, string>) => void): Promise<void> {
    const write = this.writes.then(async () => {
      const values = this.read();
      change(values);
      await writeFile(this.file, JSON.stringify(values), { mode: 0o600, timeout: this.retryForMs });
    });
    // A failed write is the caller's to handle; the next one still runs.
    this.writes = write.catch(() => undefined);
    return write;
  }

  async get(name: string): Promise<string | null> {
    await this.writes;
    const stored = this.read()[name];
    if (stored === undefined) return null;
    try {
      return this.codec.decode(stored);
    } catch {
      // Encrypted by another OS account or machine: as good as absent.
      return null;
    }
  }

  async set(name: string, value: string): Promise<void> {
    const encoded = this.codec.encode(value);
    return this.update((values) => {
      values[name] = encoded;
    });
  }

  async delete(name: string): Promise<void> {
    return this.update((values) => {
      delete values[name];
    });
  }
}

export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();
  async get(name: string) {
    return this.values.get(name) ?? null;
  }
  async set(name: string, value: string) {
    this.values.set(name, value);
  }
  async delete(name: string) {
    this.values.delete(name);
  }
}
