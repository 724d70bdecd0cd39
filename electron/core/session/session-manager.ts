import { structureSchema } from '../../../shared/domain/structure';
import { userSchema, type User } from '../../../shared/domain/account';
import type { Session } from '../../../shared/domain/session';
import type { Structure } from '../../../shared/domain/structure';
import { DatabaseTooNewError, MigrationFailedError } from '../../../shared/db/migrate';
import { AppError } from '../../../shared/ipc/errors';
import { openLocalDatabase, accountDatabaseFile, type LocalDb } from '../db/open';
import { AccountRepository } from '../db/repositories';
import type { EventHub } from '../events';
import type { PlatformClient } from '../platform/client';
import type { SecretStore } from '../secrets';
import { readSetting, type SettingsStore } from '../settings';

/** The single secret: the refresh token of the signed-in account. */
export const REFRESH_TOKEN_SECRET = 'session.refreshToken';

interface OpenAccount {
  userId: string;
  db: LocalDb;
  repo: AccountRepository;
}

export interface SessionDeps {
  dataDir: string;
  secrets: SecretStore;
  settings: SettingsStore;
  client: PlatformClient;
  events: EventHub;
  sqliteNativeBinding?: string;
}

function databaseError(error: unknown): AppError {
  if (error instanceof DatabaseTooNewError || error instanceof MigrationFailedError)
    return new AppError('database', error.message);
  return new AppError('database', 'La base de données locale de ce compte ne peut pas être ouverte.');
}

/**
 * Who is signed in on this desktop, and their local database. A signed-in user stays signed
 * in across restarts, offline included: the cache is theirs until they sign out.
 */
export class SessionManager {
  private account: OpenAccount | null = null;
  private reauthRequired = false;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly deps: SessionDeps) {}

  /** At start: reopens the last account if its refresh token is still here. */
  async restore(): Promise<void> {
    const userId = readSetting(this.deps.settings, 'lastUserId');
    const token = await this.deps.secrets.get(REFRESH_TOKEN_SECRET);
    if (!userId || !token) return;
    try {
      this.account = await this.open(userId);
    } catch {
      // Left signed out: signing in again reports the database problem in words.
      return;
    }
    if (!(await this.account.repo.user())) {
      await this.close();
      return;
    }
    this.deps.client.resume(token);
  }

  private async open(userId: string): Promise<OpenAccount> {
    try {
      const db = await openLocalDatabase(
        accountDatabaseFile(this.deps.dataDir, userId),
        this.deps.sqliteNativeBinding,
      );
      return { userId, db, repo: new AccountRepository(db) };
    } catch (error) {
      throw databaseError(error);
    }
  }

  private async close(): Promise<void> {
    const account = this.account;
    this.account = null;
    await account?.db.destroy();
  }

  /** The open account's database, for handlers that need it. */
  requireAccount(): OpenAccount {
    if (!this.account) throw new AppError('unauthorized', 'Connectez-vous pour accéder à cette page.');
    return this.account;
  }

  async current(): Promise<Session> {
    if (!this.account) return { status: 'signedOut' };
    const user = await this.account.repo.user();
    if (!user) return { status: 'signedOut' };
    return {
      status: 'signedIn',
      user,
      structure: await this.account.repo.structure(),
      reauthRequired: this.reauthRequired,
    };
  }

  private async announce(): Promise<Session> {
    const session = await this.current();
    this.deps.events.emit({ type: 'session.changed', payload: session });
    return session;
  }

  private async fetchStructure(user: User): Promise<Structure | null> {
    if (!user.structureId) return null;
    return this.deps.client.call({ method: 'GET', path: '/structure', auth: true, schema: structureSchema });
  }

  async signIn(mail: string, password: string): Promise<Session> {
    const { client } = this.deps;
    const user = await client.login(mail, password);
    const structure = await this.fetchStructure(user);
    if (this.account && this.account.userId !== user.id) await this.close();
    if (!this.account) {
      try {
        this.account = await this.open(user.id);
      } catch (error) {
        await client.logout();
        throw error;
      }
    }
    await this.account.repo.save(user, structure);
    this.deps.settings.set('lastUserId', user.id);
    this.reauthRequired = false;
    return this.announce();
  }

  async signOut(): Promise<void> {
    await this.deps.client.logout();
    this.deps.settings.delete('lastUserId');
    this.reauthRequired = false;
    await this.close();
    await this.announce();
  }

  /** Attaches the account to its structure (first login); needs the platform. */
  async createStructure(siret: string): Promise<Structure> {
    const { repo } = this.requireAccount();
    const structure = await this.deps.client.call({
      method: 'POST',
      path: '/structure',
      body: { siret },
      auth: true,
      schema: structureSchema,
    });
    const user = await this.deps.client.call({ method: 'GET', path: '/me', auth: true, schema: userSchema });
    await repo.save(user, structure);
    await this.announce();
    return structure;
  }

  /** Re-reads the user and their structure from the platform; quiet when offline. */
  refreshFromPlatform(): Promise<void> {
    this.refreshing ??= (async () => {
      const account = this.account;
      if (!account || this.reauthRequired || !this.deps.client.hasSession()) return;
      try {
        const user = await this.deps.client.call({
          method: 'GET',
          path: '/me',
          auth: true,
          schema: userSchema,
        });
        const structure = await this.fetchStructure(user);
        if (this.account !== account) return;
        await account.repo.save(user, structure);
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'unauthorized')) return;
        this.reauthRequired = true;
      }
      await this.announce();
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** The platform refused our refresh token: local data stays readable, a new login is needed. */
  markReauthRequired(): void {
    if (this.reauthRequired || !this.account) return;
    this.reauthRequired = true;
    void this.announce();
  }

  async dispose(): Promise<void> {
    await this.close();
  }
}
