import { randomUUID } from 'node:crypto';
import { ALERTS_PER_OFFER } from '../../shared/domain/alerts';
import { matchProfile, type Match, type MatchOffer, type MatchProfile } from '../../shared/domain/match';
import type { ContractType } from '../../shared/domain/offers';
import type { Profile } from '../../shared/domain/profiles';
import { diplomasOf } from '../candidates/profiles';
import { jsonArrayHasAny } from '../db/dialect/json';
import type { PlatformDb } from '../db/open';
import type { AlertsTable, CandidateProfilesTable, OffersTable } from '../db/schema';
import { diplomaIdsOf } from '../offers/columns';
import { profilesById } from '../profiles/staff-view';
import { diplomaById } from '../referentials/lookups';
import { boxAround } from '../referentials/nearby';
import { recordAlert } from '../sync/offer-bound-feed';
import { withoutKey } from '../sync/versioned-update';

// "Alertes": for each offer "En cours", the profiles `matchProfile` (shared/domain/match.ts)
// deems worth an alert, the best ALERTS_PER_OFFER of them (higher score first, then the newest
// profile), leaving out those that applied to it and those the structure dismissed for it.
//
// - A dismissed alert stays in the table, dismissed: no computation brings it back or changes it.
// - An alert that no longer makes the cut (and is not dismissed) is deleted (tombstone); an offer
//   that leaves "En cours" loses the alerts it had.
// - An alert gets a new version only when what it says changed (score, reasons, the profile as
//   staff see it, the offer's number or title).
// - Everything happens in the caller's transaction, recorded in the structure's feed like the
//   offer's applications (../sync/offer-bound-feed.ts).

/** How the computations name new alerts (the demo seed passes a seeded generator). */
export interface AlertOptions {
  newId?: () => string;
}

/** What a computation changed. */
export interface AlertTally {
  created: number;
  updated: number;
  deleted: number;
}

interface Matchable {
  id: string;
  createdAt: string;
  profile: MatchProfile;
  /** Where an offer must be for the candidate to reach it (a box around their mobility radius). */
  reach: ReturnType<typeof boxAround>;
}

interface Ranked {
  profileId: string;
  createdAt: string;
  score: number;
}

interface Winner extends Ranked {
  match: Match;
}

/** Best first: higher score, then the newest profile, then the id (the same alerts whatever order rows come in). */
function byRank(a: Ranked, b: Ranked): number {
  return (
    b.score - a.score || b.createdAt.localeCompare(a.createdAt) || a.profileId.localeCompare(b.profileId)
  );
}

type MatchColumns = Pick<
  CandidateProfilesTable,
  | 'id'
  | 'rome_code'
  | 'diplomas'
  | 'latitude'
  | 'longitude'
  | 'mobility_km'
  | 'available_from'
  | 'contract_types'
  | 'created_at'
>;

function toMatchable(row: MatchColumns): Matchable {
  return {
    id: row.id,
    createdAt: row.created_at,
    // matchProfile's distance is met up to mobilityKm + 0.5 (it rounds): this box holds that disc.
    reach: boxAround(row, row.mobility_km + 1),
    profile: {
      romeCode: row.rome_code,
      diplomas: diplomasOf(row).flatMap(({ diplomaId, state }) => {
        const diploma = diplomaById().get(diplomaId);
        return diploma ? [{ id: diploma.id, label: diploma.label, level: diploma.level, state }] : [];
      }),
      latitude: row.latitude,
      longitude: row.longitude,
      mobilityKm: row.mobility_km,
      availableFrom: row.available_from,
      contractTypes: JSON.parse(row.contract_types) as ContractType[],
    },
  };
}

function toMatchOffer(offer: OffersTable): MatchOffer {
  return {
    romeCode: offer.rome_code,
    diplomas: diplomaIdsOf(offer).flatMap((id) => {
      const diploma = diplomaById().get(id);
      return diploma ? [{ id, label: diploma.label, level: diploma.level }] : [];
    }),
    latitude: offer.latitude,
    longitude: offer.longitude,
    startDate: offer.start_date,
    contractType: offer.contract_type,
  };
}

/**
 * The columns of an offer its alerts depend on: those the match reads (toMatchOffer), those an
 * alert shows (AlertWriter.put; the number never changes once given) and the status.
 */
const ALERT_COLUMNS = [
  'rome_code',
  'diploma_ids',
  'commune_code',
  'latitude',
  'longitude',
  'start_date',
  'contract_type',
  'status',
  'title',
  'number',
] as const satisfies ReadonlyArray<keyof OffersTable>;

/** Whether a change of an offer from `before` to `after` can change its alerts. */
export function changesAlerts(before: OffersTable, after: OffersTable): boolean {
  return ALERT_COLUMNS.some((column) => before[column] !== after[column]);
}

/** `ids` in slices SQLite can bind. */
function slices<T>(ids: readonly T[], size = 500): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < ids.length; i += size) result.push(ids.slice(i, i + size));
  return result;
}

/** The profiles seeking one of `contractTypes` (the others are never an alert), but `without`. */
async function matchableProfiles(
  trx: PlatformDb,
  contractTypes: ReadonlySet<ContractType>,
  without: ReadonlySet<string>,
): Promise<Matchable[]> {
  let query = trx
    .selectFrom('candidate_profiles')
    .select([
      'id',
      'rome_code',
      'diplomas',
      'latitude',
      'longitude',
      'mobility_km',
      'available_from',
      'contract_types',
      'created_at',
    ])
    .where(jsonArrayHasAny(trx, 'candidate_profiles.contract_types', [...contractTypes]));
  if (without.size > 0) query = query.where('id', 'not in', [...without]);
  return (await query.execute()).map(toMatchable);
}

/** False when `matchProfile(offer, profile).alert` is certainly false: another contract, too far. */
export function canBeAlert(offer: MatchOffer, profile: MatchProfile, reach: Matchable['reach']): boolean {
  return (
    profile.contractTypes.includes(offer.contractType) &&
    offer.latitude >= reach.minLatitude &&
    offer.latitude <= reach.maxLatitude &&
    offer.longitude >= reach.minLongitude &&
    offer.longitude <= reach.maxLongitude
  );
}

/** The profiles that deserve an alert for `offer`, best first, at most ALERTS_PER_OFFER, but `excluded`. */
function bestFor(offer: MatchOffer, profiles: readonly Matchable[], excluded: ReadonlySet<string>): Winner[] {
  const winners: Winner[] = [];
  for (const { id, createdAt, profile, reach } of profiles) {
    if (excluded.has(id)) continue;
    // Without the offer's contract, or beyond the candidate's mobility, a match is never an alert
    // (matchProfile requires both): most pairs are left out before any computation.
    if (!canBeAlert(offer, profile, reach)) continue;
    const match = matchProfile(offer, profile);
    if (match.alert) winners.push({ profileId: id, createdAt, score: match.score, match });
  }
  return winners.sort(byRank).slice(0, ALERTS_PER_OFFER);
}

/** Writes alert changes, records them in the feed and counts them. */
class AlertWriter {
  readonly tally: AlertTally = { created: 0, updated: 0, deleted: 0 };
  private readonly newId: () => string;

  constructor(
    private readonly trx: PlatformDb,
    private readonly now: Date,
    options: AlertOptions,
  ) {
    this.newId = options.newId ?? randomUUID;
  }

  async delete(row: AlertsTable, offer: OffersTable): Promise<void> {
    await this.trx.deleteFrom('alerts').where('id', '=', row.id).execute();
    await recordAlert(this.trx, { ...row, version: row.version + 1 }, offer, true);
    this.tally.deleted += 1;
  }

  /** `winner` as the alert of `offer`, over `current` (its alert so far, if any). */
  async put(offer: OffersTable, winner: Winner, profile: Profile, current: AlertsTable | undefined) {
    const at = this.now.toISOString();
    const says = {
      offer_number: offer.number,
      offer_title: offer.title,
      profile: JSON.stringify(profile),
      score: winner.score,
      reasons: JSON.stringify(winner.match.reasons),
    };
    let row: AlertsTable;
    if (current) {
      const same = (Object.keys(says) as Array<keyof typeof says>).every((key) => current[key] === says[key]);
      if (same) return;
      row = { ...current, ...says, version: current.version + 1, updated_at: at };
      await this.trx.updateTable('alerts').set(withoutKey(row)).where('id', '=', row.id).execute();
      this.tally.updated += 1;
    } else {
      row = {
        id: this.newId(),
        structure_id: offer.structure_id,
        offer_id: offer.id,
        profile_id: winner.profileId,
        ...says,
        dismissed: 0,
        dismissed_by: null,
        created_at: at,
        version: 1,
        updated_at: at,
      };
      await this.trx.insertInto('alerts').values(row).execute();
      this.tally.created += 1;
    }
    await recordAlert(this.trx, row, offer);
  }
}

async function alertsOfOffers(
  trx: PlatformDb,
  offerIds: readonly string[],
): Promise<Map<string, AlertsTable[]>> {
  const byOffer = new Map<string, AlertsTable[]>();
  for (const slice of slices(offerIds)) {
    const rows = await trx.selectFrom('alerts').selectAll().where('offer_id', 'in', slice).execute();
    for (const row of rows) byOffer.set(row.offer_id, [...(byOffer.get(row.offer_id) ?? []), row]);
  }
  return byOffer;
}

/** The profiles that applied to each of these offers. */
async function applicantsOf(trx: PlatformDb, offerIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const byOffer = new Map<string, Set<string>>();
  for (const slice of slices(offerIds)) {
    const rows = await trx
      .selectFrom('applications')
      .select(['offer_id', 'profile_id'])
      .where('offer_id', 'in', slice)
      .where('profile_id', 'is not', null)
      .execute();
    for (const row of rows) {
      const set = byOffer.get(row.offer_id) ?? new Set<string>();
      set.add(row.profile_id!);
      byOffer.set(row.offer_id, set);
    }
  }
  return byOffer;
}

/** The alerts of `offers` computed again from every profile but `without` (see the top of this file). */
async function recomputeOffers(
  trx: PlatformDb,
  offers: readonly OffersTable[],
  now: Date,
  options: AlertOptions,
  without: ReadonlySet<string> = new Set(),
): Promise<AlertTally> {
  const writer = new AlertWriter(trx, now, options);
  const existing = await alertsOfOffers(
    trx,
    offers.map((offer) => offer.id),
  );
  const open = offers.filter((offer) => offer.status === 'en_cours');
  for (const offer of offers) {
    if (offer.status === 'en_cours') continue;
    for (const row of existing.get(offer.id) ?? []) if (row.dismissed === 0) await writer.delete(row, offer);
  }
  if (open.length === 0) return writer.tally;

  const profiles = await matchableProfiles(trx, new Set(open.map((offer) => offer.contract_type)), without);
  const applicants = await applicantsOf(
    trx,
    open.map((offer) => offer.id),
  );
  const winners = new Map<string, Winner[]>();
  for (const offer of open) {
    const rows = existing.get(offer.id) ?? [];
    const excluded = new Set([
      ...(applicants.get(offer.id) ?? []),
      ...rows.filter((row) => row.dismissed === 1).map((row) => row.profile_id),
    ]);
    winners.set(offer.id, bestFor(toMatchOffer(offer), profiles, excluded));
  }
  const seen = await profilesById(
    trx,
    [...new Set([...winners.values()].flat().map((winner) => winner.profileId))],
    now,
  );
  for (const offer of open) {
    const rows = existing.get(offer.id) ?? [];
    const best = winners.get(offer.id)!;
    const kept = new Set(best.map((winner) => winner.profileId));
    for (const row of rows)
      if (row.dismissed === 0 && !kept.has(row.profile_id)) await writer.delete(row, offer);
    const current = new Map(rows.map((row) => [row.profile_id, row]));
    for (const winner of best) {
      await writer.put(offer, winner, seen.get(winner.profileId)!, current.get(winner.profileId));
    }
  }
  return writer.tally;
}

/** Every alert of the structure's offers, computed again. */
export async function recomputeStructureAlerts(
  trx: PlatformDb,
  structureId: string,
  now: Date,
  options: AlertOptions = {},
): Promise<AlertTally> {
  const offers = await trx
    .selectFrom('offers')
    .selectAll()
    .where('structure_id', '=', structureId)
    .orderBy('number')
    .execute();
  return recomputeOffers(trx, offers, now, options);
}

/** The alerts of one offer, computed again (created, changed, duplicated, closed or republished). */
export async function recomputeOfferAlerts(
  trx: PlatformDb,
  offer: OffersTable,
  now: Date,
  options: AlertOptions = {},
): Promise<AlertTally> {
  return recomputeOffers(trx, [offer], now, options);
}

/**
 * A new profile, evaluated against the offers "En cours" of the platform it may suit (its
 * contracts, within its reach): it becomes an alert of those where it is among the best (pushing
 * out the last one when the offer already has ALERTS_PER_OFFER), the other alerts untouched.
 * Since every change that moves an offer's alerts computes them again (a dismissal included,
 * which hands its place on), an offer never has fewer than ALERTS_PER_OFFER live alerts while
 * another profile qualifies: this gives the same alerts as computing those offers again, at the
 * cost of one match per such offer.
 */
export async function addProfileAlerts(
  trx: PlatformDb,
  profileId: string,
  now: Date,
  options: AlertOptions = {},
): Promise<AlertTally> {
  const writer = new AlertWriter(trx, now, options);
  const row = await trx
    .selectFrom('candidate_profiles')
    .selectAll()
    .where('id', '=', profileId)
    .executeTakeFirst();
  if (!row) return writer.tally;
  const { profile, createdAt, reach } = toMatchable(row);
  const offers = await trx
    .selectFrom('offers')
    .selectAll()
    .where('status', '=', 'en_cours')
    .where('contract_type', 'in', profile.contractTypes)
    .orderBy('number')
    .execute();
  const suited = offers.flatMap((offer) => {
    const matchOffer = toMatchOffer(offer);
    if (!canBeAlert(matchOffer, profile, reach)) return [];
    const match = matchProfile(matchOffer, profile);
    return match.alert ? [{ offer, winner: { profileId, createdAt, score: match.score, match } }] : [];
  });
  if (suited.length === 0) return writer.tally;

  const ids = suited.map(({ offer }) => offer.id);
  const applied = new Set(
    (
      await trx.selectFrom('applications').select('offer_id').where('profile_id', '=', profileId).execute()
    ).map((application) => application.offer_id),
  );
  const existing = await alertsOfOffers(trx, ids);
  const createdAts = new Map<string, string>();
  for (const slice of slices([...new Set([...existing.values()].flat().map((alert) => alert.profile_id))])) {
    const rows = await trx
      .selectFrom('candidate_profiles')
      .select(['id', 'created_at'])
      .where('id', 'in', slice)
      .execute();
    for (const { id, created_at } of rows) createdAts.set(id, created_at);
  }
  const seen = (await profilesById(trx, [profileId], now)).get(profileId)!;
  for (const { offer, winner } of suited) {
    const rows = existing.get(offer.id) ?? [];
    if (applied.has(offer.id) || rows.some((alert) => alert.profile_id === profileId)) continue;
    const live = rows
      .filter((alert) => alert.dismissed === 0)
      .map((alert) => ({
        alert,
        profileId: alert.profile_id,
        score: alert.score,
        createdAt: createdAts.get(alert.profile_id)!,
      }))
      .sort(byRank);
    if (live.length >= ALERTS_PER_OFFER && byRank(winner, live[ALERTS_PER_OFFER - 1]!) > 0) continue;
    for (const pushedOut of live.slice(ALERTS_PER_OFFER - 1)) await writer.delete(pushedOut.alert, offer);
    await writer.put(offer, winner, seen, undefined);
  }
  return writer.tally;
}

/**
 * Profiles about to be deleted (by their candidate, or with the account): their alerts go
 * (tombstones), and the offers "En cours" that lose one take the next best profile.
 */
export async function removeProfilesAlerts(
  trx: PlatformDb,
  profileIds: readonly string[],
  now: Date,
  options: AlertOptions = {},
): Promise<AlertTally> {
  const writer = new AlertWriter(trx, now, options);
  const rows: AlertsTable[] = [];
  for (const slice of slices(profileIds)) {
    rows.push(...(await trx.selectFrom('alerts').selectAll().where('profile_id', 'in', slice).execute()));
  }
  if (rows.length === 0) return writer.tally;
  const offers = await trx
    .selectFrom('offers')
    .selectAll()
    .where('id', 'in', [...new Set(rows.map((row) => row.offer_id))])
    .orderBy('number')
    .execute();
  const byId = new Map(offers.map((offer) => [offer.id, offer]));
  for (const row of rows) await writer.delete(row, byId.get(row.offer_id)!);
  const emptied = new Set(rows.filter((row) => row.dismissed === 0).map((row) => row.offer_id));
  const refilled = await recomputeOffers(
    trx,
    offers.filter((offer) => emptied.has(offer.id) && offer.status === 'en_cours'),
    now,
    options,
    new Set(profileIds),
  );
  return sum(writer.tally, refilled);
}

/** A profile applied to an offer: its alert for it goes, and the offer takes the next best profile. */
export async function dropAppliedAlert(
  trx: PlatformDb,
  offer: OffersTable,
  profileId: string,
  now: Date,
  options: AlertOptions = {},
): Promise<AlertTally> {
  const writer = new AlertWriter(trx, now, options);
  const row = await trx
    .selectFrom('alerts')
    .selectAll()
    .where('offer_id', '=', offer.id)
    .where('profile_id', '=', profileId)
    .executeTakeFirst();
  if (!row) return writer.tally;
  await writer.delete(row, offer);
  if (row.dismissed === 1) return writer.tally;
  return sum(writer.tally, await recomputeOffers(trx, [offer], now, options));
}

function sum(a: AlertTally, b: AlertTally): AlertTally {
  return { created: a.created + b.created, updated: a.updated + b.updated, deleted: a.deleted + b.deleted };
}
