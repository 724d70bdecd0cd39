import { describe, expect, it } from 'vitest';
import { applicationFromColumns } from '../../shared/db/application-rows';
import {
  applicantProfileSchema,
  applicationSchema,
  applicationStatusLabels,
  refusalReasonLabels,
  refusalReasons,
  applicationStatuses,
  isOverdue,
  type ApplicationEvent,
} from '../../shared/domain/applications';
import { mobileSchema } from '../../shared/domain/account';
import { candidateSessionSchema, profileCreateSchema } from '../../shared/domain/candidates';
import { DAY_MS } from '../../shared/random';
import { PROFILE_DELETED } from '../applications/abandonment';
import { ageOn } from '../applications/applicant';
import { diplomasOf, toCandidateProfile } from '../candidates/profiles';
import { communeByCode, diplomaById } from '../referentials/lookups';
import { apiCaller, usePlatform } from '../test-support';
import { DEMO_GESTIONNAIRE, DEMO_REFERENT } from './demo';
import {
  CANDIDATE_MAIL_DOMAIN,
  DEMO_A_TRAITER_OVERDUE,
  DEMO_A_TRAITER_TODAY,
  DEMO_APPLICATION_COUNTS,
  DEMO_CANDIDATE,
  DEMO_CANDIDATE_COUNT,
  DEMO_OETH_CANDIDATE,
  DEMO_PROFILE_COUNT,
  seedDemoCandidates,
} from './demo-candidates';
import { DEMO_OFFER_PLANS } from './demo-offers';
import { DEMO_CFA_SIRET } from './directory';
import { TRADES_BY_NAF } from './trades';

// Both platforms are seeded on the same instant: everything, dates included, must be equal.
const now = new Date();
const platform = usePlatform({ seed: 'demo', clock: () => now });
const twin = usePlatform({ seed: 'demo', clock: () => now });
const call = apiCaller(platform);

const db = () => platform().db;

const candidates = () => db().selectFrom('candidates').selectAll().orderBy('id').execute();
const profiles = () => db().selectFrom('candidate_profiles').selectAll().orderBy('id').execute();
const applications = () => db().selectFrom('applications').selectAll().orderBy('number').execute();
const demoOffers = async () => {
  const structure = await db()
    .selectFrom('structures')
    .select('id')
    .where('siret', '=', DEMO_CFA_SIRET)
    .executeTakeFirstOrThrow();
  return db().selectFrom('offers').selectAll().where('structure_id', '=', structure.id).execute();
};
const events = (row: { history: string }) => JSON.parse(row.history) as ApplicationEvent[];
const levelOf = (diplomaId: string) => diplomaById().get(diplomaId)!.level;

describe('the demo candidates', () => {
  it('are about 250 people with French names, fictional mails and phones, and 300 profiles or more', async () => {
    const rows = await candidates();
    expect(rows).toHaveLength(DEMO_CANDIDATE_COUNT);
    expect(DEMO_CANDIDATE_COUNT).toBeGreaterThanOrEqual(240);
    const all = await profiles();
    expect(all).toHaveLength(DEMO_PROFILE_COUNT);
    expect(all.length).toBeGreaterThanOrEqual(300);

    const perCandidate = new Map<string, number>();
    for (const p of all) perCandidate.set(p.candidate_id, (perCandidate.get(p.candidate_id) ?? 0) + 1);
    expect([...perCandidate.values()].every((n) => n === 1 || n === 2)).toBe(true);
    expect([...perCandidate.values()].filter((n) => n === 2).length).toBeGreaterThanOrEqual(40);

    expect(new Set(rows.map((c) => c.mail)).size).toBe(rows.length);
    expect(new Set(rows.map((c) => c.mobile)).size).toBe(rows.length);
    for (const candidate of rows) {
      expect(candidate.mail).toMatch(new RegExp(`^[a-z-]+\\.[a-z-]+\\.\\d+@${CANDIDATE_MAIL_DOMAIN}$`));
      // A French mobile as registration stores it, in the block kept for fiction.
      expect(mobileSchema.parse(candidate.mobile)).toBe(candidate.mobile);
      expect(candidate.mobile).toMatch(/^\+3363998\d{4}$/);
    }
    expect(new Set(rows.map((c) => c.first_name)).size).toBeGreaterThan(80);
    expect(new Set(rows.map((c) => c.last_name)).size).toBeGreaterThan(100);
    expect(rows.some((c) => c.first_name.includes('-'))).toBe(true);
    expect(rows.some((c) => c.last_name.includes('-'))).toBe(true);
    // One hash for everyone: the seed does not spend Argon2's time 250 times.
    expect(new Set(rows.map((c) => c.password_hash)).size).toBe(1);
  });

  it('have valid profiles: métiers with the diplomas that lead to them, in Nouvelle-Aquitaine, available around September', async () => {
    const all = await profiles();
    const diplomasByRome = new Map<string, Set<string>>();
    for (const trade of Object.values(TRADES_BY_NAF).flat()) {
      const set = diplomasByRome.get(trade.rome) ?? new Set<string>();
      for (const choice of trade.diplomas) for (const id of choice) set.add(id);
      diplomasByRome.set(trade.rome, set);
    }
    const comingSeptember = Date.UTC(now.getUTCFullYear() + (now.getUTCMonth() >= 8 ? 1 : 0), 8, 1);
    const today = now.toISOString().slice(0, 10);
    for (const row of all) {
      // What a candidate could have sent to POST /candidate/profiles.
      const { id: _id, createdAt: _createdAt, ...fields } = toCandidateProfile(row);
      expect(profileCreateSchema.parse(fields)).toEqual(fields);
      const prepared = diplomasOf(row).filter((d) => d.state === 'prepare');
      expect(prepared).toHaveLength(1);
      expect(diplomasByRome.get(row.rome_code)?.has(prepared[0]!.diplomaId), row.id).toBe(true);
      const commune = communeByCode().get(row.commune_code)!;
      expect(row).toMatchObject({ commune_name: commune.name, latitude: commune.latitude });
      expect(row.mobility_km).toBeGreaterThanOrEqual(5);
      expect(row.mobility_km).toBeLessThanOrEqual(80);
      expect(row.available_from >= today).toBe(true);
      expect(Date.parse(row.available_from)).toBeLessThan(comingSeptember + 30 * DAY_MS);
      const sentences = row.presentation.split(/(?<=[.!?])\s+/);
      expect(sentences.length).toBeGreaterThanOrEqual(1);
      expect(sentences.length).toBeLessThanOrEqual(3);
    }
    const aroundSeptember = all.filter(
      (p) => Math.abs(Date.parse(p.available_from) - comingSeptember) <= 21 * DAY_MS,
    );
    expect(aroundSeptember.length / all.length).toBeGreaterThan(0.5);
    // Mostly around the demo CFA (Gironde), some everywhere in the region.
    const departements = all.map((p) => communeByCode().get(p.commune_code)!.departementCode);
    expect(departements.filter((d) => d === '33').length / all.length).toBeGreaterThan(0.5);
    expect(new Set(departements).size).toBeGreaterThanOrEqual(8);
    // Many aim at the métiers of the demo CFA's offers.
    const demoRomes = new Set(DEMO_OFFER_PLANS.map((o) => o.romeCode));
    expect(all.filter((p) => demoRomes.has(p.rome_code)).length / all.length).toBeGreaterThan(0.5);
  });

  it('are of an age consistent with the diplomas they prepare and hold', async () => {
    const people = new Map((await candidates()).map((c) => [c.id, c]));
    const levels = new Set<number>();
    for (const row of await profiles()) {
      const age = ageOn(people.get(row.candidate_id)!.birth_date, now);
      expect(age).toBeGreaterThanOrEqual(16);
      expect(age).toBeLessThanOrEqual(30);
      const diplomas = diplomasOf(row);
      const prepared = diplomaById().get(diplomas.find((d) => d.state === 'prepare')!.diplomaId)!;
      levels.add(prepared.level);
      const context = `${row.id}: ${prepared.id} à ${age} ans`;
      if (prepared.kind === 'CAP') expect(age, context).toBeLessThanOrEqual(19);
      if (prepared.level === 3 && prepared.kind !== 'Titre professionnel') {
        expect(age, context).toBeLessThanOrEqual(21);
      }
      if (prepared.level >= 5) expect(age, context).toBeGreaterThanOrEqual(18);
      if (prepared.level >= 6) expect(age, context).toBeGreaterThanOrEqual(19);
      if (prepared.kind === 'Master') expect(age, context).toBeGreaterThanOrEqual(22);
      if (prepared.level === 7) expect(age, context).toBeGreaterThanOrEqual(21);
      for (const held of diplomas.filter((d) => d.state === 'obtenu')) {
        const level = levelOf(held.diplomaId);
        expect(level, context).toBeLessThanOrEqual(prepared.level);
        // Old enough to have obtained it: a CAP at 17, a bac at 18, a BTS at 20, a licence at 21.
        expect(age, `${context}, ${held.diplomaId}`).toBeGreaterThanOrEqual(
          { 3: 17, 4: 18, 5: 20, 6: 21 }[level]!,
        );
      }
    }
    expect([...levels].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('declared the OETH about 6 % of the time', async () => {
    const all = await profiles();
    const share = all.filter((p) => p.oeth === 1).length / all.length;
    expect(share).toBeGreaterThan(0.04);
    expect(share).toBeLessThan(0.08);
  });
});

describe('the demo applications', () => {
  it('are about 150 to the demo CFA’s offers, in the four statuses, numbered by the platform', async () => {
    const rows = await applications();
    const count = (status: string) => rows.filter((a) => a.status === status).length;
    expect(Object.fromEntries(applicationStatuses.map((s) => [s, count(s)]))).toEqual(
      DEMO_APPLICATION_COUNTS,
    );
    expect(rows.length).toBeGreaterThanOrEqual(140);
    expect(rows.map((a) => a.number)).toEqual(rows.map((_, i) => i + 1));
    const sequence = await db()
      .selectFrom('platform_sequences')
      .select('last_value')
      .where('name', '=', 'application_number')
      .executeTakeFirstOrThrow();
    expect(sequence.last_value).toBe(rows.length);
    // Numbered in the order they arrived.
    const received = rows.map((a) => a.received_at);
    expect(received).toEqual([...received].sort());

    const offers = new Map((await demoOffers()).map((o) => [o.id, o]));
    const referent = await db()
      .selectFrom('users')
      .select('id')
      .where('mail', '=', DEMO_REFERENT.mail)
      .executeTakeFirstOrThrow();
    for (const row of rows) {
      const offer = offers.get(row.offer_id)!;
      expect(offer, row.id).toBeDefined();
      expect(row).toMatchObject({
        structure_id: offer.structure_id,
        offer_number: offer.number,
        offer_title: offer.title,
        employer_id: offer.employer_id,
        employer_name: offer.employer_name,
      });
      // The référent's unshared offers have none: both demo members count the same applications.
      expect(offer.shared_with_structure === 1 || offer.created_by !== referent.id).toBe(true);
      // Within the last eight weeks, while the offer was online.
      expect(Date.parse(row.received_at)).toBeGreaterThanOrEqual(now.getTime() - 56 * DAY_MS);
      expect(row.received_at >= offer.published_at, row.id).toBe(true);
      if (offer.status !== 'en_cours') expect(row.received_at <= offer.updated_at, row.id).toBe(true);
      if (row.status === 'a_traiter') expect(offer.status).toBe('en_cours');
      expect(applicationSchema.parse(applicationFromColumns(row))).toBeDefined();
    }
    expect(rows.filter((a) => offers.get(a.offer_id)!.status !== 'en_cours').length).toBeGreaterThan(5);
    expect(
      rows.filter((a) => offers.get(a.offer_id)!.status === 'en_cours').length / rows.length,
    ).toBeGreaterThan(0.8);
    // Each offer counts its applications.
    for (const offer of offers.values()) {
      expect(offer.applications_count, offer.title).toBe(rows.filter((a) => a.offer_id === offer.id).length);
    }
  });

  it('include applications "A traiter" of today and of more than a week (the reminder)', async () => {
    const rows = (await applications()).filter((a) => a.status === 'a_traiter');
    const overdue = rows.filter((a) => isOverdue(applicationFromColumns(a), now));
    expect(overdue).toHaveLength(DEMO_A_TRAITER_OVERDUE);
    expect(DEMO_A_TRAITER_OVERDUE).toBeGreaterThan(0);
    const lastHours = rows.filter((a) => now.getTime() - Date.parse(a.received_at) < 5 * 3_600_000);
    expect(lastHours).toHaveLength(DEMO_A_TRAITER_TODAY);
    // Every other one arrived in the last six days: the count of those overdue holds for a day.
    for (const row of rows.filter((a) => !overdue.includes(a))) {
      expect(now.getTime() - Date.parse(row.received_at)).toBeLessThan(6 * DAY_MS + 60_000);
    }
  });

  it('have a history: received, read and answered by demo members, abandoned by their candidate', async () => {
    const members = [DEMO_REFERENT, DEMO_GESTIONNAIRE].map((m) => `${m.firstName} ${m.lastName}`);
    for (const row of await applications()) {
      const history = events(row);
      expect(history[0]).toEqual({ kind: 'recue', at: row.received_at, by: null, detail: null });
      const times = history.map((e) => e.at);
      expect(times, row.id).toEqual([...times].sort());
      expect(times.every((at) => Date.parse(at) <= now.getTime())).toBe(true);
      expect(row.version).toBe(history.length);
      expect(row.updated_at).toBe(history.at(-1)!.at);
      const read = history.filter((e) => e.kind === 'lue');
      expect(read.length).toBeLessThanOrEqual(1);
      if (read[0]) expect(row).toMatchObject({ read_at: read[0].at, read_by: read[0].by });
      else expect(row).toMatchObject({ read_at: null, read_by: null });
      for (const event of history.filter((e) => e.kind === 'lue' || e.kind === 'repondue')) {
        expect(members).toContain(event.by);
      }
      const replies = history.filter((e) => e.kind === 'repondue');
      if (row.status === 'recevable' || row.status === 'refusee') {
        expect(read, row.id).toHaveLength(1);
        // A refusal names its reason, one of the list, on the row and in the history.
        const reason = row.refusal_reason;
        expect(reason === null).toBe(row.status !== 'refusee');
        if (reason) expect(refusalReasons).toContain(reason);
        expect(history.at(-1)).toMatchObject({
          kind: 'repondue',
          at: row.replied_at,
          by: row.replied_by,
          detail: reason
            ? `${applicationStatusLabels[row.status]} : ${refusalReasonLabels[reason]}`
            : applicationStatusLabels[row.status],
        });
        // The manual: the candidate has no other way to reach the CFA.
        expect(row.reply_message).toMatch(/@cfa-demo\.fr|05 56 00 00 00/);
        expect(row.reply_message).toContain(JSON.parse(row.profile!).firstName);
      } else {
        expect(replies).toEqual([]);
        expect(row).toMatchObject({ reply_message: null, replied_at: null, replied_by: null });
      }
      if (row.status === 'abandonnee') {
        expect(history.at(-1)).toMatchObject({ kind: 'abandonnee', by: null, detail: PROFILE_DELETED });
        expect(row).toMatchObject({
          abandon_reason: PROFILE_DELETED,
          profile: null,
          applicant_name: null,
          message: null,
          oeth: 0,
          profile_id: null,
          candidate_id: null,
        });
      } else {
        expect(row.abandon_reason).toBeNull();
        expect(row.message).toBeTruthy();
      }
    }
  });

  it('show staff the profile as it was, without any contact details', async () => {
    const people = new Map((await candidates()).map((c) => [c.id, c]));
    const projects = new Map((await profiles()).map((p) => [p.id, p]));
    const live = (await applications()).filter((a) => a.status !== 'abandonnee');
    expect(live.filter((a) => a.oeth === 1).length).toBeGreaterThan(0);
    for (const row of live) {
      const candidate = people.get(row.candidate_id!)!;
      const project = projects.get(row.profile_id!)!;
      expect(project.candidate_id).toBe(candidate.id);
      const snapshot = applicantProfileSchema.strict().parse(JSON.parse(row.profile!));
      expect(snapshot).toMatchObject({
        id: project.id,
        firstName: candidate.first_name,
        lastName: candidate.last_name,
        age: ageOn(candidate.birth_date, new Date(row.received_at)),
        romeCode: project.rome_code,
        presentation: project.presentation,
        oeth: project.oeth === 1,
      });
      expect(snapshot.age).toBeGreaterThanOrEqual(16);
      expect(row.applicant_name).toBe(`${candidate.first_name} ${candidate.last_name}`);
      expect(row.oeth).toBe(project.oeth);
      for (const text of [row.profile!, row.message!]) {
        expect(text).not.toContain(candidate.mail);
        expect(text).not.toContain('@');
        expect(text).not.toContain(candidate.birth_date);
        expect(text).not.toMatch(/\+33|0[67](\s?\d{2}){4}/);
      }
      expect(Date.parse(project.created_at)).toBeLessThan(Date.parse(row.received_at));
    }
  });

  it('told candidates of every reply, with the structure’s name', async () => {
    const notifications = await db().selectFrom('candidate_notifications').selectAll().execute();
    const rows = await applications();
    const replied = rows.filter((a) => a.candidate_id !== null);
    const replies = replied.flatMap((a) =>
      events(a)
        .filter((e) => e.kind === 'repondue')
        .map((e) => ({ application: a, event: e })),
    );
    expect(notifications).toHaveLength(replies.length);
    for (const { application, event } of replies) {
      const notification = notifications.find(
        (n) => n.application_id === application.id && n.created_at === event.at,
      );
      expect(notification, application.id).toMatchObject({
        candidate_id: application.candidate_id,
        kind: event.detail === 'Recevable' ? 'entretien' : 'refus',
        application_number: application.number,
        offer_title: application.offer_title,
        structure_name: 'CFA GIRONDE METIERS',
      });
    }
    // The last reply is the application's.
    for (const application of replied.filter((a) => a.reply_message !== null)) {
      const last = notifications
        .filter((n) => n.application_id === application.id)
        .sort((a, b) => a.created_at.localeCompare(b.created_at))
        .at(-1);
      expect(last?.message).toBe(application.reply_message);
    }
  });

  it('reach the structure’s feed after their offer, which carries its new count', async () => {
    const feed = await db()
      .selectFrom('sync_log')
      .selectAll()
      .where('entity', 'in', ['offer', 'private_offer', 'application', 'private_application'])
      .execute();
    const entry = (id: string) => feed.find((e) => e.entity_id === id)!;
    const offers = new Map((await demoOffers()).map((o) => [o.id, o]));
    for (const row of await applications()) {
      const offer = offers.get(row.offer_id)!;
      const own = entry(row.id);
      expect(own.entity).toBe(offer.shared_with_structure === 1 ? 'application' : 'private_application');
      expect(JSON.parse(own.data!)).toEqual(applicationFromColumns(row));
      const offerEntry = entry(offer.id);
      expect(offerEntry.seq).toBeLessThan(own.seq);
      expect(JSON.parse(offerEntry.data!)).toMatchObject({
        applicationsCount: offer.applications_count,
        version: offer.version,
      });
    }
  });
});

describe('the candidates the README names', () => {
  it('DEMO_CANDIDATE has two profiles, for métiers of offers "En cours", and no application', async () => {
    const login = await call('POST', '/candidates/login', undefined, {
      mail: DEMO_CANDIDATE.mail,
      password: DEMO_CANDIDATE.password,
    });
    expect(login.statusCode).toBe(200);
    const { accessToken, candidateId } = candidateSessionSchema.parse(login.json());
    const mine = (await call('GET', '/candidate/profiles', accessToken)).json() as Array<{
      romeCode: string;
    }>;
    expect(mine).toHaveLength(2);
    const open = (await demoOffers()).filter((o) => o.status === 'en_cours' && o.shared_with_structure === 1);
    for (const profile of mine) expect(open.some((o) => o.rome_code === profile.romeCode)).toBe(true);
    expect(
      await db().selectFrom('applications').select('id').where('candidate_id', '=', candidateId).execute(),
    ).toEqual([]);
    const person = await db()
      .selectFrom('candidates')
      .selectAll()
      .where('id', '=', candidateId)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({
      first_name: DEMO_CANDIDATE.firstName,
      last_name: DEMO_CANDIDATE.lastName,
    });
  });

  it('DEMO_OETH_CANDIDATE declared the OETH and has one application "A traiter" to a shared offer', async () => {
    const person = await db()
      .selectFrom('candidates')
      .selectAll()
      .where('mail', '=', DEMO_OETH_CANDIDATE.mail)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({
      first_name: DEMO_OETH_CANDIDATE.firstName,
      last_name: DEMO_OETH_CANDIDATE.lastName,
    });
    const mine = await db()
      .selectFrom('applications')
      .selectAll()
      .where('candidate_id', '=', person.id)
      .execute();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: 'a_traiter', oeth: 1, offer_id: DEMO_OETH_CANDIDATE.offerId });
    expect(isOverdue(applicationFromColumns(mine[0]!), now)).toBe(false);
    const offer = (await demoOffers()).find((o) => o.id === DEMO_OETH_CANDIDATE.offerId)!;
    expect(offer).toMatchObject({
      status: 'en_cours',
      shared_with_structure: 1,
      title: DEMO_OETH_CANDIDATE.offerTitle,
    });
  });
});

describe('seedDemoCandidates', () => {
  it('seeds the same candidates, profiles, applications and notifications on every platform', async () => {
    const content = async (of: typeof db) => ({
      candidates: await of().selectFrom('candidates').selectAll().orderBy('id').execute(),
      profiles: await of().selectFrom('candidate_profiles').selectAll().orderBy('id').execute(),
      applications: await of().selectFrom('applications').selectAll().orderBy('id').execute(),
      notifications: await of().selectFrom('candidate_notifications').selectAll().orderBy('id').execute(),
    });
    const mine = await content(db);
    const theirs = await content(() => twin().db);
    // Argon2 salts each hash; structures get random ids.
    for (const list of [mine.candidates, theirs.candidates]) for (const c of list) c.password_hash = '';
    for (const list of [mine.applications, theirs.applications]) for (const a of list) a.structure_id = '';
    expect(theirs).toEqual(mine);
  });

  it('adds nothing when run again', async () => {
    const count = async () => ({
      candidates: (await candidates()).length,
      applications: (await applications()).length,
      feed: (await db().selectFrom('sync_log').select('seq').execute()).length,
    });
    const before = await count();
    await seedDemoCandidates(db(), now);
    expect(await count()).toEqual(before);
  });
});
