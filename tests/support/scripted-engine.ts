import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach } from 'vitest';
import type { User } from '../../shared/domain/account';
import type { Offer } from '../../shared/domain/offers';
import { openLocalDatabase, type LocalStore } from '../../electron/core/db/open';
import type { OutboxTable } from '../../electron/core/db/schema';
import type { Exchange, PlatformClient, RequestOptions } from '../../electron/core/platform/client';
import { SyncEngine, type SyncEngineOptions } from '../../electron/core/sync/engine';

// A sync engine on a real local database, against a platform that answers from a script:
// for what the real platform cannot easily be made to do (answer late, refuse, move a row).

export type Route = (request: RequestOptions) => Exchange | Promise<Exchange>;

export const ok = (data: unknown): Exchange => ({ kind: 'ok', data });
export const unreachable: Exchange = { kind: 'network', message: 'La plateforme est injoignable.' };

/** A refusal as the platform words it, with a message per field. */
export function refused(status: number, detail: string, errors: Record<string, string> = {}): Exchange {
  return {
    kind: 'http',
    status,
    message: detail,
    problem: {
      type: 'about:blank',
      title: 'Refus',
      status,
      detail,
      errors: Object.entries(errors).map(([field, message]) => ({ field, detail: message })),
    },
    retryAfterMs: undefined,
  };
}

export const STRUCTURE_ID = '5d0c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b';
export const EMPLOYER_ID = '7f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
export const ME = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
export const SOMEONE_ELSE = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

/** The signed-in user as the platform describes them. */
export function me(role: User['role'], version = 1): User {
  return {
    id: ME,
    mail: 'claire@cfa-demo.fr',
    firstName: 'Claire',
    lastName: 'Lacoste',
    mobile: '+33612345678',
    structureId: STRUCTURE_ID,
    role,
    createdAt: '2026-01-05T09:00:00.000Z',
    version,
  };
}

/** An offer as the desktop makes it before the platform numbers it. */
export function sampleOffer(id: string, overrides: Partial<Offer> = {}): Offer {
  const now = new Date().toISOString();
  return {
    id,
    employerId: EMPLOYER_ID,
    title: 'Commis de cuisine',
    romeCode: 'G1602',
    diplomaIds: ['cap-cuisine'],
    contractType: 'apprentissage',
    startDate: '2026-09-01',
    durationMonths: 24,
    positions: 1,
    rhythm: null,
    communeCode: '33063',
    description: 'Préparation des entrées et des desserts.',
    handicapCommitment: false,
    sharedWithStructure: true,
    franceTravail: false,
    number: null,
    employerName: 'Brasserie du Port',
    romeLabel: 'Personnel de cuisine',
    romeVersion: '4.0',
    communeName: 'Bordeaux',
    status: 'en_cours',
    createdBy: ME,
    createdAt: now,
    publishedAt: null,
    archiveAt: null,
    applicationsCount: 0,
    version: 0,
    updatedAt: now,
    ...overrides,
  };
}

/** The fields `POST /offers` carries (the engine adds the id). */
export function offerPayload(offer: Offer) {
  const { employerId, title, romeCode, diplomaIds, contractType, startDate, durationMonths } = offer;
  const { positions, rhythm, communeCode, description, handicapCommitment } = offer;
  const { sharedWithStructure, franceTravail } = offer;
  return {
    ...{ employerId, title, romeCode, diplomaIds, contractType, startDate, durationMonths },
    ...{
      positions,
      rhythm,
      communeCode,
      description,
      handicapCommitment,
      sharedWithStructure,
      franceTravail,
    },
  };
}

/** What the platform makes of an offer it accepted: numbered, published. */
export function published(offer: Offer, number: number, version = 1): Offer {
  const now = new Date().toISOString();
  return { ...offer, number, version, publishedAt: now, archiveAt: now, updatedAt: now };
}

export interface ScriptedEngine {
  store: LocalStore;
  engine: SyncEngine;
  /** Every request the engine made, in order. */
  requests: RequestOptions[];
  /** How the platform answers the next requests (unreachable until set). */
  answer(route: Route): void;
  outbox(): Promise<OutboxTable[]>;
}

/**
 * For each test, a fresh database and an engine that only runs when the test says so;
 * `listeners` hear what it tells the core (arrivals, changes).
 */
export function useScriptedEngine(
  listeners: Partial<Pick<SyncEngineOptions, 'onArrivals' | 'onChange'>> = {},
): () => ScriptedEngine {
  let dir = '';
  let current: ScriptedEngine | undefined;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'engine-'));
    const store = await openLocalDatabase(path.join(dir, 'local.sqlite'));
    let route: Route = () => unreachable;
    const requests: RequestOptions[] = [];
    const client = {
      async exchange(request: RequestOptions): Promise<Exchange> {
        requests.push(request);
        return route(request);
      },
    } as unknown as PlatformClient;
    const engine = new SyncEngine({
      store,
      client,
      logger: { error: () => undefined },
      onChange: () => undefined,
      onStatus: () => undefined,
      onSessionExpired: () => undefined,
      // Never started: runNow() and syncNow() only.
      debounceMs: 3_600_000,
      // The scripted platform serves the change feed and the single paths only: a first sync
      // replays the feed, each change goes as its own request (the rules of each are under test;
      // the batch and the snapshot are tested against the real platform, tests/sync).
      legacyBootstrap: true,
      legacyPush: true,
      ...listeners,
    });
    current = {
      store,
      engine,
      requests,
      answer: (next) => (route = next),
      outbox: () => store.read((tx) => tx.all<OutboxTable>(sql`select * from outbox order by position`)),
    };
  });
  afterEach(async () => {
    await current?.engine.stop();
    await current?.store.close();
    current = undefined;
    rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!current) throw new Error('moteur pas encore prêt');
    return current;
  };
}
