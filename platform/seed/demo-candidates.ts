/**
 * The demo's candidate side: about 250 candidates with 330 profiles (./demo-candidates-plan.ts)
 * and 150 applications to the demo CFA's offers (./demo-applications-plan.ts), answered,
 * read or abandoned as a few weeks of work would leave them, with the candidates'
 * notifications, the offers' counts and the structure's feed.
 *
 * Seeded once: when a planned candidate or an application to a demo offer exists, a previous run
 * did it, and what candidates and staff did since (a closed account, a reply) stays done.
 */
import { applicationToColumns } from '../../shared/db/application-rows';
import {
  applicationStatusLabels,
  refusalReasonLabels,
  refusalReasons,
  type ApplicationEvent,
  type RefusalReason,
} from '../../shared/domain/applications';
import { PROFILE_DELETED } from '../applications/abandonment';
import { applicantProfileOf } from '../applications/applicant';
import { memberName } from '../applications/columns';
import { nextApplicationNumber } from '../applications/numbers';
import { hashPassword } from '../auth/passwords';
import { newProfile } from '../candidates/profiles';
import type { PlatformDb } from '../db/open';
import type {
  ApplicationsTable,
  CandidateNotificationsTable,
  CandidateProfilesTable,
  CandidatesTable,
  OffersTable,
} from '../db/schema';
import { communeByCode } from '../referentials/lookups';
import { recordApplication } from '../sync/offer-bound-feed';
import { recordOffer } from '../sync/offer-feed';
import { seededRandom } from '../../shared/random';
import { DEMO_GESTIONNAIRE, DEMO_REFERENT } from './demo';
import {
  planApplications,
  type Contacts,
  type MemberKey,
  type OfferFacts,
  type PlannedApplication,
} from './demo-applications-plan';
import { OETH_TARGET_OFFER, planCandidates, type PlannedCandidate } from './demo-candidates-plan';
import { DEMO_CFA_NAME, DEMO_OFFER_PLANS, seededUuid } from './demo-offers';
import { DEMO_CFA_SIRET } from './directory';

export {
  DEMO_A_TRAITER_OVERDUE,
  DEMO_A_TRAITER_TODAY,
  DEMO_APPLICATION_COUNTS,
} from './demo-applications-plan';
export {
  CANDIDATE_MAIL_DOMAIN,
  DEMO_CANDIDATE_COUNT,
  DEMO_OETH_CANDIDATE_COUNT,
} from './demo-candidates-plan';

/** Names, mails and ids do not depend on the seeding day (only dates do). */
const planned = planCandidates(new Date());

/** Every demo candidate shares the demo staff's password. */
const DEMO_CANDIDATE_PASSWORD = DEMO_REFERENT.password;

/**
 * The candidate testers play (`npm run platform:candidate`): two profiles, for the métiers of
 * the most offers "En cours" of the demo CFA, and no application, so that every offer can be
 * applied to.
 */
export const DEMO_CANDIDATE = {
  mail: planned[0]!.mail,
  password: DEMO_CANDIDATE_PASSWORD,
  firstName: planned[0]!.firstName,
  lastName: planned[0]!.lastName,
};

/** A candidate who declared the OETH, with one application "A traiter" to `offerId`. */
export const DEMO_OETH_CANDIDATE = {
  mail: planned[1]!.mail,
  password: DEMO_CANDIDATE_PASSWORD,
  firstName: planned[1]!.firstName,
  lastName: planned[1]!.lastName,
  offerId: OETH_TARGET_OFFER.id,
  offerTitle: OETH_TARGET_OFFER.title,
};

/** Profiles of all demo candidates. */
export const DEMO_PROFILE_COUNT = planned.reduce((sum, candidate) => sum + candidate.profiles.length, 0);

async function alreadySeeded(db: PlatformDb, candidates: PlannedCandidate[]): Promise<boolean> {
  const candidate = await db
    .selectFrom('candidates')
    .select('id')
    .where(
      'id',
      'in',
      candidates.map((c) => c.id),
    )
    .limit(1)
    .executeTakeFirst();
  if (candidate) return true;
  const application = await db
    .selectFrom('applications')
    .select('id')
    .where(
      'offer_id',
      'in',
      DEMO_OFFER_PLANS.map((o) => o.id),
    )
    .limit(1)
    .executeTakeFirst();
  return application !== undefined;
}

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await insert(rows.slice(i, i + 100));
}

/** The demo CFA's référent and gestionnaire (the référent stands in for a missing gestionnaire). */
async function demoMembers(trx: PlatformDb, structureId: string) {
  const users = await trx
    .selectFrom('users')
    .select(['id', 'mail', 'first_name', 'last_name', 'role'])
    .where('structure_id', '=', structureId)
    .where('role', 'in', ['referent', 'gestionnaire'])
    .orderBy('created_at')
    .execute();
  const referent = users.find((u) => u.role === 'referent');
  if (!referent) return undefined;
  const gestionnaire =
    users.find((u) => u.mail === DEMO_GESTIONNAIRE.mail && u.role === 'gestionnaire') ?? referent;
  return { referent, gestionnaire };
}

type Members = NonNullable<Awaited<ReturnType<typeof demoMembers>>>;

function factsOf(offer: OffersTable, members: Members): OfferFacts {
  const commune = communeByCode().get(offer.commune_code)!;
  return {
    id: offer.id,
    title: offer.title,
    status: offer.status,
    romeCode: offer.rome_code,
    diplomaIds: JSON.parse(offer.diploma_ids) as string[],
    commune: { name: commune.name, latitude: commune.latitude, longitude: commune.longitude },
    publishedAt: new Date(offer.published_at),
    closedAt: offer.status === 'en_cours' ? null : new Date(offer.updated_at),
    author: offer.created_by === members.gestionnaire.id ? 'gestionnaire' : 'referent',
  };
}

interface RowContext {
  offer: OffersTable;
  number: number;
  names: Record<MemberKey, string>;
  candidates: ReadonlyMap<string, CandidatesTable>;
  profiles: ReadonlyMap<string, CandidateProfilesTable>;
}

/** A demo refusal's reason: one of the list (never "autre"), the same at every seeding. */
function demoRefusal(planned: Pick<PlannedApplication, 'id'>): RefusalReason {
  return refusalReasons[Number.parseInt(planned.id.slice(0, 8), 16) % (refusalReasons.length - 1)]!;
}

function applicationRow(planned: PlannedApplication, context: RowContext): ApplicationsTable {
  const { offer, names } = context;
  const history: ApplicationEvent[] = [
    { kind: 'recue', at: planned.receivedAt.toISOString(), by: null, detail: null },
  ];
  if (planned.read) {
    history.push({
      kind: 'lue',
      at: planned.read.at.toISOString(),
      by: names[planned.read.by],
      detail: null,
    });
  }
  for (const reply of planned.replies) {
    history.push({
      kind: 'repondue',
      at: reply.at.toISOString(),
      by: names[reply.by],
      detail:
        reply.status === 'refusee'
          ? `${applicationStatusLabels[reply.status]} : ${refusalReasonLabels[demoRefusal(planned)]}`
          : applicationStatusLabels[reply.status],
    });
  }
  if (planned.abandonedAt) {
    history.push({
      kind: 'abandonnee',
      at: planned.abandonedAt.toISOString(),
      by: null,
      detail: PROFILE_DELETED,
    });
  }
  const lastReply = planned.replies.at(-1);
  const applicant = planned.applicant;
  const profile = applicant
    ? applicantProfileOf(
        context.candidates.get(applicant.candidate.id)!,
        context.profiles.get(applicant.profile.id)!,
        planned.receivedAt,
      )
    : null;
  return {
    ...applicationToColumns({
      id: planned.id,
      number: context.number,
      offerId: offer.id,
      offerNumber: offer.number,
      offerTitle: offer.title,
      employerId: offer.employer_id,
      employerName: offer.employer_name,
      profile,
      message: planned.message,
      status: planned.status,
      abandonReason: planned.abandonedAt ? PROFILE_DELETED : null,
      replyMessage: lastReply?.message ?? null,
      refusalReason: planned.status === 'refusee' ? demoRefusal(planned) : null,
      refusalDetail: null,
      repliedAt: lastReply?.at.toISOString() ?? null,
      repliedBy: lastReply ? names[lastReply.by] : null,
      readAt: planned.read?.at.toISOString() ?? null,
      readBy: planned.read ? names[planned.read.by] : null,
      receivedAt: planned.receivedAt.toISOString(),
      history,
      // One version per event, as the platform counts them.
      version: history.length,
      updatedAt: history.at(-1)!.at,
    }),
    structure_id: offer.structure_id,
    candidate_id: applicant?.candidate.id ?? null,
    profile_id: applicant?.profile.id ?? null,
  };
}

/** See the top of this file. Runs after seedDemoOffers. Whether it seeded (false: a previous run did). */
export async function seedDemoCandidates(db: PlatformDb, now: Date): Promise<boolean> {
  const candidates = planCandidates(now);
  if (await alreadySeeded(db, candidates)) return false;
  // A platform where someone registered one of the planned mails by hand keeps that account.
  const taken = await db
    .selectFrom('candidates')
    .select('mail')
    .where(
      'mail',
      'in',
      candidates.map((c) => c.mail),
    )
    .execute();
  const fresh = candidates.filter((c) => !taken.some((row) => row.mail === c.mail));
  // Argon2 is slow on purpose: every demo candidate has the same password, hashed once.
  const passwordHash = await hashPassword(DEMO_CANDIDATE_PASSWORD);

  await db.transaction().execute(async (trx) => {
    const candidateRows = new Map<string, CandidatesTable>();
    const profileRows = new Map<string, CandidateProfilesTable>();
    for (const candidate of fresh) {
      candidateRows.set(candidate.id, {
        id: candidate.id,
        mail: candidate.mail,
        password_hash: passwordHash,
        first_name: candidate.firstName,
        last_name: candidate.lastName,
        mobile: candidate.mobile,
        birth_date: candidate.birthDate,
        created_at: candidate.createdAt.toISOString(),
        version: 1,
      });
      for (const profile of candidate.profiles) {
        profileRows.set(profile.id, newProfile(candidate.id, profile.fields, profile.createdAt, profile.id));
      }
    }
    await insertInChunks([...candidateRows.values()], (chunk) =>
      trx.insertInto('candidates').values(chunk).execute(),
    );
    await insertInChunks([...profileRows.values()], (chunk) =>
      trx.insertInto('candidate_profiles').values(chunk).execute(),
    );

    const structure = await trx
      .selectFrom('structures')
      .selectAll()
      .where('siret', '=', DEMO_CFA_SIRET)
      .executeTakeFirst();
    const members = structure && (await demoMembers(trx, structure.id));
    if (!structure || !members) return;
    const offers = await trx
      .selectFrom('offers')
      .selectAll()
      .where('structure_id', '=', structure.id)
      .where(
        'id',
        'in',
        DEMO_OFFER_PLANS.map((o) => o.id),
      )
      .orderBy('number')
      .execute();
    // The référent's own offers are left without applications: the gestionnaire, who does not
    // see them, then counts as many applications as the référent (the README's figures).
    const answerable = offers.filter(
      (o) => o.shared_with_structure === 1 || o.created_by === members.gestionnaire.id,
    );
    const contacts: Contacts = {
      structureName: DEMO_CFA_NAME,
      structureMail: structure.email ?? 'contact@cfa-demo.fr',
      structurePhone: structure.phone ?? '+33556000000',
      members: {
        referent: { name: memberName(members.referent), mail: members.referent.mail },
        gestionnaire: { name: memberName(members.gestionnaire), mail: members.gestionnaire.mail },
      },
    };
    const byId = new Map(fresh.map((c) => [c.id, c]));
    const plan = planApplications({
      now,
      offers: answerable.map((offer) => factsOf(offer, members)),
      candidates: fresh.filter((c) => c.id !== planned[0]!.id && c.id !== planned[1]!.id),
      oethCandidate: byId.get(planned[1]!.id),
      contacts,
    });

    // Numbered in the order they arrived, as the platform would have.
    const offersById = new Map(offers.map((o) => [o.id, o]));
    const names = {
      referent: contacts.members.referent.name,
      gestionnaire: contacts.members.gestionnaire.name,
    };
    const rows: ApplicationsTable[] = [];
    for (const application of [...plan].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())) {
      rows.push(
        applicationRow(application, {
          offer: offersById.get(application.offerId)!,
          number: await nextApplicationNumber(trx),
          names,
          candidates: candidateRows,
          profiles: profileRows,
        }),
      );
    }
    await insertInChunks(rows, (chunk) => trx.insertInto('applications').values(chunk).execute());

    // Each reply told its candidate (the structure's name, never its contact details).
    const random = seededRandom(8301);
    const structureName = structure.trade_name ?? structure.legal_name;
    const numbers = new Map(rows.map((row) => [row.id, row.number]));
    const notifications: CandidateNotificationsTable[] = plan.flatMap((application) =>
      application.applicant
        ? application.replies.map((reply) => ({
            id: seededUuid(random),
            candidate_id: application.applicant!.candidate.id,
            application_id: application.id,
            kind: reply.status === 'recevable' ? ('entretien' as const) : ('refus' as const),
            application_number: numbers.get(application.id)!,
            profile_id: null,
            offer_number: offersById.get(application.offerId)!.number,
            offer_title: offersById.get(application.offerId)!.title,
            structure_name: structureName,
            message: reply.message,
            refusal_reason: reply.status === 'refusee' ? refusalReasonLabels[demoRefusal(application)] : null,
            created_at: reply.at.toISOString(),
          }))
        : [],
    );
    await insertInChunks(notifications, (chunk) =>
      trx.insertInto('candidate_notifications').values(chunk).execute(),
    );

    // The feed: each offer with its new count, then its applications.
    for (const offer of offers) {
      const own = rows.filter((row) => row.offer_id === offer.id);
      if (own.length === 0) continue;
      const latest = own
        .map((row) => row.received_at)
        .sort()
        .at(-1)!;
      const counted: OffersTable = {
        ...offer,
        applications_count: offer.applications_count + own.length,
        version: offer.version + 1,
        updated_at: latest > offer.updated_at ? latest : offer.updated_at,
      };
      await trx
        .updateTable('offers')
        .set({
          applications_count: counted.applications_count,
          version: counted.version,
          updated_at: counted.updated_at,
        })
        .where('id', '=', offer.id)
        .execute();
      await recordOffer(trx, counted);
      for (const row of own) await recordApplication(trx, row);
    }
  });
  return true;
}
