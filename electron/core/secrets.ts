import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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

/** A JSON file of encoded secrets, written atomically, readable by its owner only. */
export class FileSecretStore implements SecretStore {
  constructor(
    private readonly file: string,
    private readonly codec: SecretCodec,
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

  private write(values: Record<string, string>): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(values), { mode: 0o600 });
    renameSync(temp, this.file);
  }

  async get(name: string): Promise<string | null> {
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
    this.write({ ...this.read(), [name]: this.codec.encode(value) });
  }

  async delete(name: string): Promise<void> {
    const values = this.read();
    delete values[name];
    this.write(values);
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
