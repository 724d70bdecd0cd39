/**
 * The demo CFA's applications, planned from its offers as they are in the database (their dates
 * and status) and from the demo candidates: who applied to which offer, when, and what happened
 * since (read, answered, abandoned). Drawn from a fixed seed: the same plan for the same offers
 * and the same day.
 *
 * Realism rules: candidates apply mostly to offers of their métier, near them, with the diploma
 * the offer prepares; an application arrives while its offer is online and within the last
 * APPLICATION_WINDOW_DAYS days; staff read before they answer, answer within days, and an offer
 * filled meanwhile gets its remaining applications refused ("poste pourvu"). Abandoned
 * applications come from profiles deleted since: nothing of the candidate is left.
 */
import type { ApplicationStatus } from '../../shared/domain/applications';
import { distanceKm } from '../../shared/domain/referentials';
import type { OfferStatus } from '../../shared/domain/offers';
import { DAY_MS, pick, seededRandom } from '../../shared/random';
import { communeByCode, diplomaById, romeByCode } from '../referentials/lookups';
import {
  applicationMessage,
  interviewReply,
  nationalPhone,
  refusalReply,
  type RefusalReason,
  type ReplyContext,
} from './demo-candidate-texts';
import {
  APPLICATION_WINDOW_DAYS,
  OETH_TARGET_OFFER,
  type PlannedCandidate,
  type PlannedProfile,
} from './demo-candidates-plan';
import { seededUuid } from './demo-offers';

type Random = () => number;

/** The demo CFA's applications per status ("A traiter" 45 %, "Recevables" 25 %, …). */
export const DEMO_APPLICATION_COUNTS: Readonly<Record<ApplicationStatus, number>> = {
  a_traiter: 68,
  recevable: 37,
  refusee: 30,
  abandonnee: 15,
};

/** Of those "A traiter", how many arrived today, and how many more than a week ago (the reminder). */
export const DEMO_A_TRAITER_TODAY = 6;
export const DEMO_A_TRAITER_OVERDUE = 20;

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** Applications to one offer, at most. */
const PER_OFFER_MAX = 8;
/** Applications of one profile, at most. */
const PER_PROFILE_MAX = 3;

export type MemberKey = 'referent' | 'gestionnaire';

export interface OfferFacts {
  id: string;
  title: string;
  status: OfferStatus;
  romeCode: string;
  diplomaIds: readonly string[];
  commune: { name: string; latitude: number; longitude: number };
  publishedAt: Date;
  /** When it was filled or archived; null while "En cours". */
  closedAt: Date | null;
  /** Who answers its applications, most of the time. */
  author: MemberKey;
}

export interface Contacts {
  structureName: string;
  structureMail: string;
  structurePhone: string;
  members: Record<MemberKey, { name: string; mail: string }>;
}

export interface PlannedEvent {
  at: Date;
  by: MemberKey;
}

export interface PlannedReply extends PlannedEvent {
  status: 'recevable' | 'refusee';
  message: string;
}

export interface PlannedApplication {
  id: string;
  offerId: string;
  /** Null when the candidate deleted the profile since (the application is "Abandonnée"). */
  applicant: { candidate: PlannedCandidate; profile: PlannedProfile } | null;
  message: string | null;
  status: ApplicationStatus;
  receivedAt: Date;
  read: PlannedEvent | null;
  /** In order; a refusal may follow an interview. */
  replies: PlannedReply[];
  abandonedAt: Date | null;
}

export interface ApplicationsInput {
  now: Date;
  offers: OfferFacts[];
  /** The candidates who apply (not the demo candidate: testers apply with that one). */
  candidates: PlannedCandidate[];
  /** The OETH candidate, with exactly one application "A traiter" (to OETH_TARGET_OFFER). */
  oethCandidate: PlannedCandidate | undefined;
  contacts: Contacts;
}

const within = (random: Random, from: number, to: number) =>
  new Date(from + random() * Math.max(0, to - from));

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** The kinds of slots an application fills, each with its own dates. */
type Slot =
  | { status: 'a_traiter'; when: 'today' | 'recent' | 'overdue' }
  | { status: 'recevable' | 'refusee' | 'abandonnee' };

interface Window {
  offer: OfferFacts;
  from: number;
  to: number;
}

class Planner {
  readonly random: Random;
  readonly now: number;
  readonly applications: PlannedApplication[] = [];
  readonly perOffer = new Map<string, number>();
  readonly perProfile = new Map<string, number>();
  readonly pairs = new Set<string>();
  readonly profiles: Array<{ candidate: PlannedCandidate; profile: PlannedProfile }>;

  constructor(readonly input: ApplicationsInput) {
    this.random = seededRandom(8201);
    this.now = input.now.getTime();
    this.profiles = input.candidates.flatMap((candidate) =>
      candidate.profiles.map((profile) => ({ candidate, profile })),
    );
  }

  /** Staff answer their own offers mostly, the other demo member sometimes. */
  member(offer: OfferFacts): MemberKey {
    if (this.random() < 0.8) return offer.author;
    return offer.author === 'referent' ? 'gestionnaire' : 'referent';
  }

  /** The profile that fits the offer best, among the best few at random (none when all applied). */
  applicantFor(offer: OfferFacts, receivedAt: Date) {
    const scored = this.profiles
      .filter(
        ({ profile }) =>
          !this.pairs.has(`${profile.id}/${offer.id}`) &&
          (this.perProfile.get(profile.id) ?? 0) < PER_PROFILE_MAX &&
          profile.createdAt.getTime() < receivedAt.getTime(),
      )
      .map((entry) => ({ entry, score: this.score(entry.profile, offer) }));
    if (scored.length === 0) return undefined;
    const best = Math.max(...scored.map((s) => s.score));
    return pick(
      this.random,
      scored.filter((s) => s.score >= best - 0.5),
    ).entry;
  }

  score(profile: PlannedProfile, offer: OfferFacts): number {
    const { romeCode, diplomas, communeCode, mobilityKm } = profile.fields;
    const rome = romeByCode().get(romeCode)!;
    const offerRome = romeByCode().get(offer.romeCode)!;
    const prepared = diplomas.find((d) => d.state === 'prepare')!.diplomaId;
    const km = distanceKm(communeByCode().get(communeCode)!, offer.commune);
    return (
      (romeCode === offer.romeCode
        ? 4
        : rome.domainCode === offerRome.domainCode
          ? 1.5
          : romeCode[0] === offer.romeCode[0]
            ? 0.5
            : 0) +
      (offer.diplomaIds.includes(prepared) ? 2 : 0) +
      (km <= mobilityKm ? 2 : km <= mobilityKm + 25 ? 1 : 0) -
      1.5 * (this.perProfile.get(profile.id) ?? 0)
    );
  }

  replyContext(offer: OfferFacts, firstName: string, by: MemberKey): ReplyContext {
    const { contacts } = this.input;
    return {
      firstName,
      offerTitle: offer.title,
      memberName: contacts.members[by].name,
      memberMail: contacts.members[by].mail,
      structureName: contacts.structureName,
      structureMail: contacts.structureMail,
      structurePhone: nationalPhone(contacts.structurePhone),
    };
  }

  /** A refusal's reason follows the facts: the offer filled, the distance, the diploma prepared. */
  refusalReason(offer: OfferFacts, profile: PlannedProfile): RefusalReason {
    if (offer.status === 'pourvue') return 'pourvue';
    const km = distanceKm(communeByCode().get(profile.fields.communeCode)!, offer.commune);
    if (km > profile.fields.mobilityKm + 10) return 'distance';
    const prepared = profile.fields.diplomas[0]!.diplomaId;
    return offer.diplomaIds.includes(prepared) ? 'autre' : 'profil';
  }

  reply(
    offer: OfferFacts,
    applicant: { candidate: PlannedCandidate; profile: PlannedProfile },
    decision: { status: 'recevable' } | { status: 'refusee'; why: RefusalReason },
    at: Date,
    by: MemberKey,
  ): PlannedReply {
    const context = this.replyContext(offer, applicant.candidate.firstName, by);
    const message =
      decision.status === 'recevable'
        ? interviewReply(this.random, context)
        : refusalReply(this.random, context, decision.why);
    return { status: decision.status, at, by, message };
  }

  /** A moment between `min` and `max` after `from`, a minute ago at the latest (never in the future). */
  later(from: Date | number, min: number, max: number): Date {
    const start = typeof from === 'number' ? from : from.getTime();
    const latest = Math.max(start, Math.min(start + max, this.now - MINUTE_MS));
    const earliest = Math.min(start + min, latest);
    return new Date(earliest + this.random() * (latest - earliest));
  }

  add(window: Window, slot: Slot, receivedAt: Date): void {
    const { offer } = window;
    const received = receivedAt.getTime();
    const id = seededUuid(this.random);
    const base = { id, offerId: offer.id, receivedAt, replies: [] as PlannedReply[], abandonedAt: null };

    if (slot.status === 'abandonnee') {
      const by = this.member(offer);
      const read = this.random() < 0.5 ? { at: this.later(received, HOUR_MS, 2 * DAY_MS), by } : null;
      const abandonedAt = this.later(read?.at ?? received, HOUR_MS, 20 * DAY_MS);
      this.perOffer.set(offer.id, (this.perOffer.get(offer.id) ?? 0) + 1);
      this.applications.push({
        ...base,
        applicant: null,
        message: null,
        status: 'abandonnee',
        read,
        abandonedAt,
      });
      return;
    }

    const applicant = this.applicantFor(offer, receivedAt);
    if (!applicant) return;
    this.perOffer.set(offer.id, (this.perOffer.get(offer.id) ?? 0) + 1);
    this.pairs.add(`${applicant.profile.id}/${offer.id}`);
    this.perProfile.set(applicant.profile.id, (this.perProfile.get(applicant.profile.id) ?? 0) + 1);
    const prepared = diplomaById().get(applicant.profile.fields.diplomas[0]!.diplomaId)!;
    const message = applicationMessage(this.random, {
      gender: applicant.candidate.gender,
      firstName: applicant.candidate.firstName,
      offerTitle: offer.title,
      prepared,
      preparedByOffer: offer.diplomaIds.includes(prepared.id),
      availableFrom: applicant.profile.fields.availableFrom,
      offerCommuneName: offer.commune.name,
    });
    const by = this.member(offer);

    if (slot.status === 'a_traiter') {
      const readChance = slot.when === 'today' ? 0.2 : 0.35;
      const read =
        this.random() < readChance ? { at: this.later(received, 10 * MINUTE_MS, 3 * DAY_MS), by } : null;
      this.applications.push({ ...base, applicant, message, status: 'a_traiter', read });
      return;
    }

    // Read within two days; answered within two more (a filled offer's, once it is filled).
    const readAt = this.later(received, 30 * MINUTE_MS, 2 * DAY_MS);
    const filled = offer.status === 'pourvue' && slot.status === 'refusee' && offer.closedAt !== null;
    const replyFrom = filled ? Math.max(offer.closedAt!.getTime(), readAt.getTime()) : readAt.getTime();
    const firstReplyAt = this.later(replyFrom, 5 * MINUTE_MS, 2 * DAY_MS);
    const replies: PlannedReply[] = [];
    // Some refusals come after an interview.
    const interviewFirst =
      slot.status === 'refusee' &&
      !filled &&
      this.now - firstReplyAt.getTime() > 3 * DAY_MS &&
      this.random() < 0.3;
    if (interviewFirst) {
      replies.push(this.reply(offer, applicant, { status: 'recevable' }, firstReplyAt, by));
      const refusedAt = this.later(firstReplyAt, 2 * DAY_MS, 10 * DAY_MS);
      replies.push(this.reply(offer, applicant, { status: 'refusee', why: 'entretien' }, refusedAt, by));
    } else {
      const decision =
        slot.status === 'recevable'
          ? { status: slot.status }
          : { status: slot.status, why: this.refusalReason(offer, applicant.profile) };
      replies.push(this.reply(offer, applicant, decision, firstReplyAt, by));
    }
    this.applications.push({
      ...base,
      applicant,
      message,
      status: slot.status,
      read: { at: readAt, by },
      replies,
    });
  }
}

const parisClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Midnight of the day it is in France at `time`. */
function startOfDayInFrance(time: number): number {
  const [hours, minutes, seconds] = parisClock.format(new Date(time)).split(':').map(Number) as [
    number,
    number,
    number,
  ];
  return time - ((hours * 60 + minutes) * 60 + seconds) * 1000 - (time % 1000);
}

/** Dates an application of this slot may arrive at, on this offer (empty: the offer cannot have it). */
function arrivalRange(slot: Slot, window: Window, now: number): [number, number] | undefined {
  let [from, to] = [window.from, window.to];
  if (slot.status === 'a_traiter') {
    if (slot.when === 'today') {
      // Since midnight in France (the last 20 minutes at least), 5 hours at most.
      const earliest = Math.min(now - 20 * MINUTE_MS, Math.max(now - 5 * HOUR_MS, startOfDayInFrance(now)));
      [from, to] = [Math.max(from, earliest), now - MINUTE_MS];
    }
    if (slot.when === 'recent') [from, to] = [Math.max(from, now - 6 * DAY_MS), now - DAY_MS];
    // Past the reminder by a day at least: the count holds for a day after seeding.
    if (slot.when === 'overdue') to = Math.min(to, now - 8 * DAY_MS);
  } else {
    // Time to have been read and answered (or abandoned).
    to = Math.min(to, now - DAY_MS);
  }
  return to > from ? [from, to] : undefined;
}

/** See the top of this file. */
export function planApplications(input: ApplicationsInput): PlannedApplication[] {
  const planner = new Planner(input);
  const { random } = planner;
  const now = input.now.getTime();
  const windows: Window[] = input.offers.map((offer) => ({
    offer,
    from: Math.max(offer.publishedAt.getTime(), now - APPLICATION_WINDOW_DAYS * DAY_MS),
    to: offer.closedAt ? Math.min(offer.closedAt.getTime(), now) : now,
  }));
  const remaining = { ...DEMO_APPLICATION_COUNTS };

  // The OETH candidate's application, "A traiter" for two days.
  const { oethCandidate } = input;
  const oethWindow = windows.find(
    (w) => w.offer.id === OETH_TARGET_OFFER.id && w.offer.status === 'en_cours',
  );
  if (oethCandidate && oethWindow) {
    const received = Math.max(oethWindow.from, now - 2 * DAY_MS - 3 * HOUR_MS);
    const profile = oethCandidate.profiles[0]!;
    planner.applications.push({
      id: seededUuid(random),
      offerId: oethWindow.offer.id,
      applicant: { candidate: oethCandidate, profile },
      message: applicationMessage(random, {
        gender: oethCandidate.gender,
        firstName: oethCandidate.firstName,
        offerTitle: oethWindow.offer.title,
        prepared: diplomaById().get(profile.fields.diplomas[0]!.diplomaId)!,
        preparedByOffer: oethWindow.offer.diplomaIds.includes(profile.fields.diplomas[0]!.diplomaId),
        availableFrom: profile.fields.availableFrom,
        offerCommuneName: oethWindow.offer.commune.name,
      }),
      status: 'a_traiter',
      receivedAt: new Date(received),
      read: null,
      replies: [],
      abandonedAt: null,
    });
    planner.perOffer.set(oethWindow.offer.id, 1);
    remaining.a_traiter--;
  }

  // Offers filled or archived meanwhile: their last applications, answered or abandoned.
  const closedCaps = { recevable: 8, refusee: 16, abandonnee: 4 };
  for (const window of windows.filter((w) => w.offer.status !== 'en_cours')) {
    const days = (window.to - window.from) / DAY_MS;
    if (days < 1) continue;
    const count = Math.min(days < 7 ? 2 : 4, 1 + Math.floor(random() * 4));
    for (let i = 0; i < count; i++) {
      const filled = window.offer.status === 'pourvue';
      // A filled offer: its first application led to the hire, the others are refused.
      const draw = random();
      const status: 'recevable' | 'refusee' | 'abandonnee' =
        filled && i === 0
          ? 'recevable'
          : draw < 0.15
            ? 'abandonnee'
            : filled || draw < 0.65
              ? 'refusee'
              : 'recevable';
      if (closedCaps[status] === 0 || remaining[status] === 0) continue;
      const range = arrivalRange({ status }, window, now);
      if (!range) continue;
      closedCaps[status]--;
      remaining[status]--;
      planner.add(window, { status }, within(random, range[0], range[1]));
    }
  }

  // Offers "En cours": everything else.
  const slots: Slot[] = [];
  const overdue = Math.min(DEMO_A_TRAITER_OVERDUE, remaining.a_traiter);
  const today = Math.min(DEMO_A_TRAITER_TODAY, remaining.a_traiter - overdue);
  for (let i = 0; i < remaining.a_traiter; i++) {
    slots.push({
      status: 'a_traiter',
      when: i < overdue ? 'overdue' : i < overdue + today ? 'today' : 'recent',
    });
  }
  for (const status of ['recevable', 'refusee', 'abandonnee'] as const) {
    for (let i = 0; i < remaining[status]; i++) slots.push({ status });
  }
  const open = windows.filter((w) => w.offer.status === 'en_cours');
  // Some offers draw many more candidates than others.
  const appeal = new Map(open.map((w) => [w.offer.id, 0.2 + random() * 1.8]));
  for (const slot of shuffle(random, slots)) {
    const possible = open.filter(
      (w) => (planner.perOffer.get(w.offer.id) ?? 0) < PER_OFFER_MAX && arrivalRange(slot, w, now),
    );
    if (possible.length === 0) continue;
    const total = possible.reduce((sum, w) => sum + appeal.get(w.offer.id)!, 0);
    let target = random() * total;
    const window = possible.find((w) => (target -= appeal.get(w.offer.id)!) < 0) ?? possible.at(-1)!;
    const [from, to] = arrivalRange(slot, window, now)!;
    planner.add(window, slot, within(random, from, to));
  }
  return planner.applications;
}
