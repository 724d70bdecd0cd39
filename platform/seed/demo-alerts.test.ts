import { describe, expect, it } from 'vitest';
import { ALERTS_PER_OFFER, alertsListSchema } from '../../shared/domain/alerts';
import { nafSubclasses } from '../referentials/load';
import { apiCaller, usePlatform } from '../test-support';
import { DEMO_GESTIONNAIRE, DEMO_REFERENT } from './demo';
import { seedDemoAlerts } from './demo-alerts';
import { DEMO_CFA_SIRET } from './directory';
import { seed } from './index';

// Both platforms are seeded on the same instant: their alerts must be the same.
const now = new Date();
const platform = usePlatform({ seed: 'demo', clock: () => now });
const twin = usePlatform({ seed: 'demo', clock: () => now });
const call = apiCaller(platform);

async function alertsOf(mail: string, password: string) {
  const login = await call('POST', '/auth/login', undefined, { mail, password });
  expect(login.statusCode).toBe(200);
  const response = await call('GET', '/alerts', login.json().accessToken);
  expect(response.statusCode).toBe(200);
  return alertsListSchema.parse(response.json()).alerts;
}

describe('the demo alerts', () => {
  it('fill the demo CFA’s dashboard, « Même métier » among their reasons, 20 at most per offer « En cours »', async () => {
    const alerts = await alertsOf(DEMO_REFERENT.mail, DEMO_REFERENT.password);
    expect(alerts.length).toBeGreaterThan(20);
    const reasons = alerts.flatMap((a) => a.reasons.filter((r) => r.met).map((r) => r.text));
    expect(reasons).toContain('Même métier');
    expect(reasons.some((text) => /^À \d+ km$/.test(text))).toBe(true);
    expect(reasons.some((text) => text.startsWith('Disponible au '))).toBe(true);
    const structure = await platform()
      .db.selectFrom('structures')
      .select('id')
      .where('siret', '=', DEMO_CFA_SIRET)
      .executeTakeFirstOrThrow();
    const offers = await platform()
      .db.selectFrom('offers')
      .select(['id', 'status'])
      .where('structure_id', '=', structure.id)
      .execute();
    const open = new Set(offers.filter((o) => o.status === 'en_cours').map((o) => o.id));
    for (const alert of alerts) expect(open.has(alert.offerId)).toBe(true);
    for (const id of open)
      expect(alerts.filter((a) => a.offerId === id).length).toBeLessThanOrEqual(ALERTS_PER_OFFER);
    // Never a profile that applied to the offer.
    const applied = await platform()
      .db.selectFrom('applications')
      .select(['offer_id', 'profile_id'])
      .where('profile_id', 'is not', null)
      .execute();
    const pairs = new Set(applied.map((a) => `${a.offer_id}/${a.profile_id}`));
    for (const alert of alerts) expect(pairs.has(`${alert.offerId}/${alert.profile.id}`)).toBe(false);
    // The gestionnaire sees those of the offers they see.
    const seen = await alertsOf(DEMO_GESTIONNAIRE.mail, DEMO_GESTIONNAIRE.password);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(alerts.length);
  });

  it('are the same on every platform seeded the same day, and computed only once', async () => {
    const content = async (of: typeof platform) =>
      (await of().db.selectFrom('alerts').selectAll().orderBy('id').execute()).map((row) => ({
        ...row,
        structure_id: '',
      }));
    const mine = await content(platform);
    expect(await content(twin)).toEqual(mine);
    const feed = async () => (await platform().db.selectFrom('sync_log').select('seq').execute()).length;
    const before = await feed();
    expect(await seedDemoAlerts(platform().db, now)).toBe(false);
    expect(await content(platform)).toEqual(mine);
    expect(await feed()).toBe(before);
  });

  it('are computed on the next seeding of a demo platform that has none (seeded before alerts existed)', async () => {
    const content = async () => platform().db.selectFrom('alerts').selectAll().orderBy('id').execute();
    const mine = await content();
    expect(mine.length).toBeGreaterThan(0);
    await platform().db.deleteFrom('alerts').execute();

    const nafLabels = new Map(nafSubclasses().map((n) => [n.code, n.label]));
    await seed(platform().db, 'demo', nafLabels, now);
    expect(await content()).toEqual(mine);
    // Seeded again: nothing more.
    await seed(platform().db, 'demo', nafLabels, now);
    expect(await content()).toEqual(mine);
  });
});
