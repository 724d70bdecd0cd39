import { rmSync } from 'node:fs';
import path from 'node:path';
import { membershipOf, userSchema, type User } from '../../../shared/domain/account';
import type { Session, SignOutNotice } from '../../../shared/domain/session';
import {
  joinRequestSchema,
  structureAttachmentSchema,
  structureSchema,
} from '../../../shared/domain/structure';
import type { SyncStatus } from '../../../shared/domain/sync';
import { AppError } from '../../../shared/ipc/errors';
import { accountDatabaseFile } from '../db/open';
import type { Recovery } from '../db/recovery';
import type { LocalStore } from '../db/store';
import type { EventHub } from '../events';
import type { PlatformClient } from '../platform/client';
import type { SecretStore } from '../secrets';
import { readSetting, type SettingsStore } from '../settings';
import { ReferentialRefresher } from '../referentials/refresh';
import { SyncEngine, type SyncEngineOptions } from '../sync/engine';
import { z } from '../../../shared/zod';
import {
  damageWatchingLogger,
  noteDamage,
  openAccountStore,
  type AccountDatabaseDeps,
} from './account-database';
import { readLocalSession, storeMembership, type PlatformMembership } from './local-session';

/** The single secret: the refresh token of the signed-in account. */
export const REFRESH_TOKEN_SECRET = 'session.refreshToken';

export interface OpenAccount {
  userId: string;
  store: LocalStore;
  sync: SyncEngine;
  referentials: ReferentialRefresher;
}

/** Sync engine options the core chooses (timings, test hooks); the rest comes from the session. */
export type SyncTuning = Omit<
  SyncEngineOptions,
  | 'store'
  | 'client'
  | 'logger'
  | 'onChange'
  | 'onStatus'
  | 'onSessionExpired'
  | 'verifyMembership'
  | 'onSynced'
  | 'onArrivals'
>;

/** How often referentials are checked again; `downloads: false` never fetches them (sync fault tests). */
export interface ReferentialTuning {
  intervalMs?: number;
  downloads?: boolean;
}

export interface SessionDeps extends AccountDatabaseDeps {
  secrets: SecretStore;
  settings: SettingsStore;
  client: PlatformClient;
  events: EventHub;
  sync?: SyncTuning;
  referentials?: ReferentialTuning;
}

/** The `entities.changed` name of the cached referentials (ROME, diplomas, communes). */
export const REFERENTIALS_ENTITY = 'referentials';

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
    let recovery: Recovery | null;
    try {
      ({ account: this.account, recovery } = await this.open(userId));
    } catch {
      // Left signed out: signing in again reports the database problem in words.
      return;
    }
    if (!(await readLocalSession(this.account.store)).user) {
      await this.close();
      // A damaged cache was replaced by an empty one: the login page says what happened to it.
      if (recovery)
        this.deps.settings.set('signOutNotice', {
          userId,
          mail: recovery.mail ?? '(adresse illisible)',
          message: recovery.message,
        });
      return;
    }
    this.deps.client.resume(token);
    this.account.sync.start();
  }

  private async open(userId: string): Promise<{ account: OpenAccount; recovery: Recovery | null }> {
    const { store, recovery } = await openAccountStore(this.deps, userId);
    // Errors of the background work tell a damaged file too: the next start repairs it.
    const watchful = damageWatchingLogger(this.deps, userId);
    const { downloads = true, intervalMs } = this.deps.referentials ?? {};
    const referentials = new ReferentialRefresher({
      store,
      client: this.deps.client,
      logger: watchful,
      onChange: () => this.onEntitiesChanged([REFERENTIALS_ENTITY]),
      ...(intervalMs !== undefined ? { intervalMs } : {}),
    });
    const sync = new SyncEngine({
      ...this.deps.sync,
      store,
      client: this.deps.client,
      logger: watchful,
      onChange: (entities) => this.onEntitiesChanged(entities),
      onStatus: (status: SyncStatus) => this.deps.events.emit({ type: 'sync.status', payload: status }),
      onSessionExpired: () => this.markReauthRequired(),
      verifyMembership: () => this.verifyMembership(),
      // At sign-in, at start and after each sync: the platform answers, so the referentials are checked.
      onSynced: downloads ? () => void referentials.refreshIfDue() : undefined,
      // A desktop notification (Electron) or a toast (browser) says how many, and opens the list.
      onArrivals: ({ application }) => {
        if (application)
          this.deps.events.emit({ type: 'applications.arrived', payload: { count: application } });
      },
    });
    return { account: { userId, store, sync, referentials }, recovery };
  }

  /**
   * The `database` error for an error a handler met in the signed-in account's database, when it
   * says the file is damaged or read-only; null for any other.
   */
  databaseFailure(error: unknown): AppError | null {
    return this.account ? noteDamage(this.deps, this.account.userId, error) : null;
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
    await account.referentials.stop();
    await account.store.close();
  }

  /** The open account, for handlers that need it. */
  requireAccount(): OpenAccount {
    if (!this.account) throw new AppError('unauthorized', 'Connectez-vous pour accéder à cette page.');
    return this.account;
  }

  async current(): Promise<Session> {
    const signedOut: Session = { status: 'signedOut', notice: this.notice() };
    if (!this.account) return signedOut;
    const { user, structure, joinRequest } = await readLocalSession(this.account.store);
    if (!user) return signedOut;
    return { status: 'signedIn', user, structure, joinRequest, reauthRequired: this.reauthRequired };
  }

  private notice(): SignOutNotice | null {
    return readSetting(this.deps.settings, 'signOutNotice') ?? null;
  }

  private async announce(): Promise<Session> {
    const session = await this.current();
    this.deps.events.emit({ type: 'session.changed', payload: session });
    return session;
  }

  /** The user's structure, or their pending request: a pending collaborator gets none of its data. */
  private async fetchMembership(user: User): Promise<PlatformMembership> {
    const { client } = this.deps;
    switch (membershipOf(user)) {
      case 'none':
        return { user, structure: null, joinRequest: null };
      case 'pending': {
        const joinRequest = await client
          .call({ method: 'GET', path: '/structure/request', auth: true, schema: joinRequestSchema })
          .catch((error: unknown) => {
            // Approved or refused in between: the next check sees where the user stands.
            if (error instanceof AppError && error.code === 'not_found') return null;
            throw error;
          });
        return { user, structure: null, joinRequest };
      }
      default: {
        const structure = await client.call({
          method: 'GET',
          path: '/structure',
          auth: true,
          schema: structureSchema,
        });
        return { user, structure, joinRequest: null };
      }
    }
  }

  private async fetchCurrentMembership(): Promise<PlatformMembership> {
    const user = await this.deps.client.call({ method: 'GET', path: '/me', auth: true, schema: userSchema });
    return this.fetchMembership(user);
  }

  async signIn(mail: string, password: string): Promise<Session> {
    const { client } = this.deps;
    const user = await client.login(mail, password);
    const membership = await this.fetchMembership(user).catch(async (error: unknown) => {
      await client.logout();
      throw error;
    });
    if (this.account && this.account.userId !== user.id) await this.close();
    if (!this.account) {
      try {
        this.account = (await this.open(user.id)).account;
      } catch (error) {
        await client.logout();
        throw error;
      }
    }
    try {
      await storeMembership(this.account.store, membership);
    } catch (error) {
      // Unsent changes of a structure the user left: nothing is erased without their consent.
      await this.close();
      await client.logout();
      throw error;
    }
    if (this.notice()?.userId === user.id) this.deps.settings.delete('signOutNotice');
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

  /**
   * Attaches the account to its structure (first login); needs the platform. A structure that
   * already exists makes the user a pending collaborator until its référent approves them.
   */
  async createStructure(siret: string): Promise<Session> {
    const { store, sync } = this.requireAccount();
    const attachment = await this.deps.client.call({
      method: 'POST',
      path: '/structure',
      body: { siret },
      auth: true,
      schema: structureAttachmentSchema,
    });
    const user = await this.deps.client.call({ method: 'GET', path: '/me', auth: true, schema: userSchema });
    await storeMembership(store, {
      user,
      structure: attachment.status === 'created' ? attachment.structure : null,
      joinRequest: attachment.status === 'pending' ? attachment.request : null,
    });
    void sync.runNow();
    return this.announce();
  }

  /** A pending collaborator withdraws their request; needs the platform. */
  async cancelJoinRequest(): Promise<Session> {
    const { store } = this.requireAccount();
    await this.deps.client.call({
      method: 'DELETE',
      path: '/structure/request',
      auth: true,
      schema: z.unknown(),
    });
    await storeMembership(store, await this.fetchCurrentMembership());
    return this.announce();
  }

  /**
   * Asks the platform where the user stands (the sync engine does when a pending collaborator
   * syncs, or when the feed is refused): approved, they get the structure; removed from it,
   * they are signed out and the data stays here. True when the structure's feed may be pulled.
   */
  async verifyMembership(): Promise<boolean> {
    const account = this.account;
    if (!account) return false;
    const before = (await readLocalSession(account.store)).user;
    let membership: PlatformMembership;
    try {
      membership = await this.fetchCurrentMembership();
    } catch (error) {
      this.deps.logger.error('Vérification du rattachement impossible', error);
      return false;
    }
    if (this.account !== account) return false;
    const { user } = membership;
    if (
      before &&
      membershipOf(before) !== 'pending' &&
      before.structureId &&
      !(user.structureId === before.structureId && user.role)
    ) {
      void this.detach(account);
      return false;
    }
    await storeMembership(account.store, membership);
    if (before?.role !== user.role || before?.structureId !== user.structureId) await this.announce();
    return membershipOf(user) === 'referent' || membershipOf(user) === 'gestionnaire';
  }

  /** After a role change made here: the user's own account as the platform has it now. */
  async refreshMembership(): Promise<void> {
    const { store, sync } = this.requireAccount();
    await storeMembership(store, await this.fetchCurrentMembership());
    await this.announce();
    void sync.runNow();
  }

  /** Removed from their structure: signed out, their local data kept until they delete it. */
  private async detach(account: OpenAccount): Promise<void> {
    const { user, structure } = await readLocalSession(account.store);
    if (!user || this.account !== account) return;
    const name = structure?.legalName ?? 'votre structure';
    this.deps.settings.set('signOutNotice', {
      userId: user.id,
      mail: user.mail,
      message: `Vous ne faites plus partie de la structure « ${name} » : vous avez été déconnecté. Les données de ce compte restent sur ce poste jusqu’à ce que vous choisissiez de les supprimer.`,
    });
    await this.signOut();
  }

  /** Erases an account's local database (not the signed-in one's). */
  async deleteLocalData(userId: string): Promise<Session> {
    if (this.account?.userId === userId)
      throw new AppError(
        'conflict',
        'Les données du compte connecté ne peuvent pas être supprimées : déconnectez-vous d’abord.',
      );
    rmSync(path.dirname(accountDatabaseFile(this.deps.dataDir, userId)), { recursive: true, force: true });
    if (this.notice()?.userId === userId) this.deps.settings.delete('signOutNotice');
    return this.announce();
  }

  /** The account was closed on the platform: signed out and its local data erased. */
  async forgetClosedAccount(): Promise<void> {
    const userId = this.account?.userId;
    await this.signOut();
    if (userId) await this.deleteLocalData(userId);
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
