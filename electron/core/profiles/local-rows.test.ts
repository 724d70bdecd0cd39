import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/domain/alerts';
import { sampleAlert, sampleProfile } from '../../../tests/support/profiles';
import { openLocalDatabase, type LocalStore } from '../db/open';
import { syncEntities } from '../sync/entities';
import { writeView } from '../sync/local-state';
import { alertsSql, listAlerts } from './local-rows';

// "Alertes" at 3,000 alerts: the dashboard's list, an offer's and a profile's each come from
// their index in the platform's order (best first, then the newest, then by id), never sorted.

const offers = Array.from({ length: 30 }, () => randomUUID());
const profiles = Array.from({ length: 300 }, (_, i) => sampleProfile(randomUUID(), { lastName: `Nom${i}` }));
const all: Alert[] = [];
let dir = '';
let store: LocalStore;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'alerts-list-'));
  store = await openLocalDatabase(path.join(dir, 'local.sqlite'));
  for (let i = 0; i < 3_000; i++)
    all.push(
      sampleAlert(randomUUID(), profiles[i % profiles.length]!, {
        offerId: offers[i % offers.length]!,
        // Few scores and dates: many ties, which the id orders.
        score: 50 + (i % 5) * 10,
        createdAt: `2026-03-0${1 + (i % 3)}T09:00:00.000Z`,
        dismissed: i % 7 === 0,
      }),
    );
  await store.write((tx) => {
    for (const alert of all) writeView(tx, syncEntities.alert, alert, 'synced');
  });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function plan(filter: Parameters<typeof alertsSql>[0]): string {
  const compiled = alertsSql(filter).compile(store.db);
  return store.sqlite
    .prepare(`explain query plan ${compiled.sql}`)
    .all(...(compiled.parameters as unknown[]))
    .map((row) => (row as { detail: string }).detail)
    .join(' | ');
}

/** The platform's order of the alerts not dismissed (platform/routes/alerts.ts). */
function expected(keep: (alert: Alert) => boolean): string[] {
  return all
    .filter((alert) => !alert.dismissed && keep(alert))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.createdAt.localeCompare(a.createdAt) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((alert) => alert.id);
}

describe('"Alertes" at 3,000 alerts', () => {
  const offer = offers[4]!;
  const profile = profiles[7]!.id;

  it.each([
    ['the dashboard’s list', { limit: 50 }, 'alert_score'],
    ['an offer’s list', { offerId: offer, limit: 50 }, 'alert_offer'],
    ['a profile’s list', { profileId: profile }, 'alert_profile'],
  ])('reads %s in order from its index', (_, filter, index) => {
    const detail = plan(filter);
    expect(detail).toContain(`USING INDEX ${index}`);
    expect(detail).not.toContain('TEMP B-TREE');
  });

  it('lists in the platform’s order, ties by id', async () => {
    const ids = (filter: Parameters<typeof alertsSql>[0]) =>
      store.read((tx) => listAlerts(tx, filter).map((alert) => alert.id));
    expect(await ids({ limit: 50 })).toEqual(expected(() => true).slice(0, 50));
    expect(await ids({ offerId: offer, limit: 50 })).toEqual(
      expected((alert) => alert.offerId === offer).slice(0, 50),
    );
    expect(await ids({ profileId: profile })).toEqual(expected((alert) => alert.profile.id === profile));
  });
});
