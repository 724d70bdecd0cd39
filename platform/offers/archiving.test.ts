import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPlatform, type Platform } from '../server';
import { freeSirets, newReferent, newTestStorage, type TestStorage } from '../test-support';
import { ARCHIVING_INTERVAL_MS, archiveExpiredOffers, scheduleArchiving } from './archiving';
import { addMonths } from './lifetime';
import { offerCalls, offerFields } from './test-fixtures';

const storages: TestStorage[] = [];
const platforms: Platform[] = [];

afterEach(async () => {
  vi.useRealTimers();
  for (const platform of platforms.splice(0)) await platform.close();
  for (const storage of storages.splice(0)) await storage.remove();
});

async function start(clock: () => Date, reopen?: TestStorage): Promise<Platform> {
  const storage = reopen ?? (await newTestStorage());
  if (!reopen) storages.push(storage);
  const platform = await createPlatform({ ...storage.where, clock });
  platforms.push(platform);
  return platform;
}

/** A platform with one offer "En cours", published at `publishedAt`. */
async function platformWithOffer(publishedAt: Date) {
  let now = publishedAt;
  const platform = await start(() => now);
  const { addEmployer, createOffer } = offerCalls(() => platform);
  const owner = await newReferent(() => platform, freeSirets());
  const employer = await addEmployer(owner.token, freeSirets()());
  const offer = await createOffer(owner.token, offerFields(employer.id));
  return { platform, offer, owner, setNow: (date: Date) => (now = date) };
}

const statusOf = async (platform: Platform, id: string) =>
  platform.db
    .selectFrom('offers')
    .select(['status', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('automatic archiving', () => {
  const published = new Date('2026-08-31T12:00:00.000Z');

  it('ends an offer OFFER_LIFETIME_MONTHS after its publication (end of month when shorter)', () => {
    expect(addMonths(published, 6).toISOString()).toBe('2027-02-28T12:00:00.000Z');
    expect(addMonths(new Date('2027-08-31T12:00:00.000Z'), 6).toISOString()).toBe('2028-02-29T12:00:00.000Z');
    expect(addMonths(new Date('2026-01-15T00:00:00.000Z'), 6).toISOString()).toBe('2026-07-15T00:00:00.000Z');
  });

  it('archives only the offers "En cours" whose end date has passed, once', async () => {
    const { platform, offer } = await platformWithOffer(published);
    expect(await archiveExpiredOffers(platform.db, new Date('2027-02-28T11:59:59.000Z'))).toBe(0);
    expect(await statusOf(platform, offer.id)).toEqual({ status: 'en_cours', version: 1 });
    expect(await archiveExpiredOffers(platform.db, new Date('2027-02-28T12:00:00.000Z'))).toBe(1);
    expect(await statusOf(platform, offer.id)).toEqual({ status: 'archivee', version: 2 });
    expect(await archiveExpiredOffers(platform.db, new Date('2027-06-01T00:00:00.000Z'))).toBe(0);
  });

  it('runs when the platform starts', async () => {
    const { platform, offer } = await platformWithOffer(published);
    await platforms.pop()!.close();
    expect(platform).toBeDefined();
    const reopened = await start(() => new Date('2027-03-01T00:00:00.000Z'), storages[0]!);
    expect(await statusOf(reopened, offer.id)).toEqual({ status: 'archivee', version: 2 });
  });

  it('runs every hour on an unref’d timer that stops with the platform', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { platform, offer } = await platformWithOffer(published);
    // The platform's own hourly run.
    const timers = vi.getTimerCount();
    const schedule = scheduleArchiving(
      platform.db,
      () => new Date('2027-03-01T00:00:00.000Z'),
      (error) => {
        throw error;
      },
    );
    vi.advanceTimersByTime(ARCHIVING_INTERVAL_MS - 1);
    await schedule.stop();
    expect(await statusOf(platform, offer.id)).toEqual({ status: 'en_cours', version: 1 });

    const next = scheduleArchiving(
      platform.db,
      () => new Date('2027-03-01T00:00:00.000Z'),
      (error) => {
        throw error;
      },
    );
    vi.advanceTimersByTime(ARCHIVING_INTERVAL_MS);
    // stop() waits for the run the timer started.
    await next.stop();
    expect(await statusOf(platform, offer.id)).toEqual({ status: 'archivee', version: 2 });
    expect(vi.getTimerCount()).toBe(timers);
  });

  it('never keeps the process alive', async () => {
    const setInterval = vi.spyOn(globalThis, 'setInterval');
    const { platform } = await platformWithOffer(published);
    const schedule = scheduleArchiving(
      platform.db,
      () => new Date(),
      () => {},
    );
    const timer = setInterval.mock.results.at(-1)!.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    await schedule.stop();
    setInterval.mockRestore();
  });
});
