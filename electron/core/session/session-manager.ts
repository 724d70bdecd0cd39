import { userSchema, type User } from '../../../shared/domain/account';
import type { Session } from '../../../shared/domain/session';
import { structureSchema, type Structure } from '../../../shared/domain/structure';
import type { SyncStatus } from '../../../shared/domain/sync';
import { DatabaseTooNewError, MigrationFailedError } from '../../../shared/db/migrate';
import { AppError } from '../../../shared/ipc/errors';
import type { Logger } from '../dispatch';
import { accountDatabaseFile, openLocalDatabase } from '../db/open';
import type { LocalStore } from '../db/store';
import type { EventHub } from '../events';
import type { PlatformClient } from '../platform/client';
import type { SecretStore } from '../secrets';
import { readSetting, type SettingsStore } from '../settings';
import { SyncEngine, type SyncEngineOptions } from '../sync/engine';
import { readLocalSession, storeSignedInState } from './local-session';

/** The single secret: the refresh token of the signed-in account. */
export const REFRESH_TOKEN_SECRET = 'session.refreshToken';

export interface OpenAccount {
  userId: string;
  store: LocalStore;
  sync: SyncEngine;
}

/** Sync engine options the core chooses (timings, test hooks); the rest comes from the session. */
export type SyncTuning = Omit<
  SyncEngineOptions,
  'store' | 'client' | 'logger' | 'onChange' | 'onStatus' | 'onSessionExpired'
>;

export interface SessionDeps {
  dataDir: string;
  secrets: SecretStore;
  settings: SettingsStore;
  client: PlatformClient;
  events: EventHub;
  logger: Logger;
  sync?: SyncTuning;
  sqliteNativeBinding?: string;
}

function databaseError(error: unknown): AppError {
  if (error instanceof DatabaseTooNewError || error instanceof MigrationFailedError)
    return new AppError('database', error.message);
  return new AppError('database', 'La base de données locale de ce compte ne peut pas être ouverte.');
}

/** Entities whose changes change what the session shows (the shell, the menus). */
const SESSION_ENTITIES = new Set(['account', 'structure']);

/**
 * Who is signed in on this desktop, their local database and its sync engine. A signed-in
 * user stays signed in across restarts, offline included: the cache is theirs until they
 * sign out.
 */
export class SessionManager {
  private account: OpenAccount | null = null;
  private reauthRequired = false;

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
    if (!(await readLocalSession(this.account.store)).user) {
      await this.close();
      return;
    }
    this.deps.client.resume(token);
    this.account.sync.start();
  }

  private async open(userId: string): Promise<OpenAccount> {
    let store: LocalStore;
    try {
      store = await openLocalDatabase(
        accountDatabaseFile(this.deps.dataDir, userId),
        this.deps.sqliteNativeBinding,
      );
    } catch (error) {
      throw databaseError(error);
    }
    const sync = new SyncEngine({
      ...this.deps.sync,
      store,
      client: this.deps.client,
      logger: this.deps.logger,
      onChange: (entities) => this.onEntitiesChanged(entities),
      onStatus: (status: SyncStatus) => this.deps.events.emit({ type: 'sync.status', payload: status }),
      onSessionExpired: () => this.markReauthRequired(),
    });
    return { userId, store, sync };
  }

  private onEntitiesChanged(entities: string[]): void {
    this.deps.events.emit({ type: 'entities.changed', payload: { entities } });
    if (entities.some((e) => SESSION_ENTITIES.has(e))) void this.announce();
  }

  private async close(): Promise<void> {
    const account = this.account;
    this.account = null;
    if (!account) return;
    await account.sync.stop();
    await account.store.close();
  }

  /** The open account, for handlers that need it. */
  requireAccount(): OpenAccount {
    if (!this.account) throw new AppError('unauthorized', 'Connectez-vous pour accéder à cette page.');
    return this.account;
  }

  async current(): Promise<Session> {
    if (!this.account) return { status: 'signedOut' };
    const { user, structure } = await readLocalSession(this.account.store);
    if (!user) return { status: 'signedOut' };
    return { status: 'signedIn', user, structure, reauthRequired: this.reauthRequired };
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
    await storeSignedInState(this.account.store, user, structure);
    this.deps.settings.set('lastUserId', user.id);
    this.reauthRequired = false;
    this.account.sync.start();
    return this.announce();
  }

  async signOut(): Promise<void> {
    await this.account?.sync.stop();
    await this.deps.client.logout();
    this.deps.settings.delete('lastUserId');
    this.reauthRequired = false;
    await this.close();
    await this.announce();
  }

  /** Attaches the account to its structure (first login); needs the platform. */
  async createStructure(siret: string): Promise<void> {
    const { store, sync } = this.requireAccount();
    const structure = await this.deps.client.call({
      method: 'POST',
      path: '/structure',
      body: { siret },
      auth: true,
      schema: structureSchema,
    });
    const user = await this.deps.client.call({ method: 'GET', path: '/me', auth: true, schema: userSchema });
    await storeSignedInState(store, user, structure);
    await this.announce();
    void sync.runNow();
  }

  /** The network is back: send what waits, fetch what changed. */
  onReconnect(): void {
    if (!this.reauthRequired) this.account?.sync.onReconnect();
  }

  /** The platform refused our refresh token: local data stays readable, a new login is needed to sync. */
  markReauthRequired(): void {
    if (this.reauthRequired || !this.account) return;
    this.reauthRequired = true;
    void this.account.sync.stop();
    void this.announce();
  }

  async dispose(): Promise<void> {
    await this.close();
  }
}
