import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REFERENT } from '../seed/demo';
import { DEMO_CANDIDATE } from '../seed/demo-candidates';
import { DEMO_CFA_SIRET } from '../seed/directory';
import { createPlatform, type Platform } from '../server';
import { newTestStorage, type TestStorage } from '../test-support';
import { runCandidateCli } from './run';

let platform: Platform;
let url: string;
let dataDir: string;
let storage: TestStorage;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'candidate-cli-'));
  storage = await newTestStorage();
  platform = await createPlatform({ ...storage.where, seed: 'demo' });
  url = await platform.listen(0);
});

afterAll(async () => {
  await platform.close();
  await storage.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the CLI against the test platform; what it printed, and its exit code. */
async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCandidateCli([...args, '--platform', url], {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: {},
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function demoOffers() {
  return platform.db
    .selectFrom('offers')
    .innerJoin('structures', 'structures.id', 'offers.structure_id')
    .selectAll('offers')
    .where('structures.siret', '=', DEMO_CFA_SIRET)
    .orderBy('offers.number')
    .execute();
}

async function candidateId(mail: string) {
  return (
    await platform.db.selectFrom('candidates').select('id').where('mail', '=', mail).executeTakeFirstOrThrow()
  ).id;
}

describe('npm run platform:candidate', () => {
  it('lists the demo candidate’s profiles and applies with one of them to an offer by its number', async () => {
    const listed = await cli('profiles');
    expect(listed).toMatchObject({ code: 0, err: '' });
    expect(listed.out).toMatch(/^1\. .+\n.+\n {3}identifiant : [0-9a-f-]{36}\n2\. /);

    const profiles = await platform.db
      .selectFrom('candidate_profiles')
      .selectAll()
      .where('candidate_id', '=', await candidateId(DEMO_CANDIDATE.mail))
      .orderBy('created_at')
      .execute();
    const offer = (await demoOffers()).find(
      (o) =>
        o.status === 'en_cours' && o.shared_with_structure === 1 && o.rome_code === profiles[1]!.rome_code,
    )!;
    const applied = await cli(
      'apply',
      '--offer',
      String(offer.number),
      '--profile',
      '2',
      '--message',
      'Bonjour !',
    );
    expect(applied.err).toBe('');
    expect(applied.code).toBe(0);
    const application = await platform.db
      .selectFrom('applications')
      .selectAll()
      .where('profile_id', '=', profiles[1]!.id)
      .executeTakeFirstOrThrow();
    expect(application).toMatchObject({ offer_id: offer.id, status: 'a_traiter', message: 'Bonjour !' });
    expect(applied.out).toBe(
      `Candidature n° ${application.number} envoyée à l'offre n° ${offer.number} « ${offer.title} », avec le profil ${profiles[1]!.id}.`,
    );

    // Twice: the platform's refusal, in French, and exit code 1.
    const again = await cli('apply', '--offer', String(offer.number), '--profile', '2');
    expect(again).toMatchObject({ code: 1, out: '' });
    expect(again.err).toMatch(/^Erreur 409 : Vous avez déjà postulé à cette offre avec ce profil/);
  });

  it('cannot find a filled offer by its number', async () => {
    const filled = (await demoOffers()).find((o) => o.status === 'pourvue')!;
    const byNumber = await cli('apply', '--offer', String(filled.number), '--profile', '1');
    expect(byNumber.code).toBe(1);
    expect(byNumber.err).toMatch(new RegExp(`^Aucune offre « En cours » n'a le N° ${filled.number}`));
  });

  it('passes on the platform’s refusals: a filled offer, a profile the candidate does not have', async () => {
    const filled = (await demoOffers()).find((o) => o.status === 'pourvue')!;
    const byId = await cli('apply', '--offer', filled.id, '--profile', '1');
    expect(byId).toMatchObject({
      code: 1,
      err: 'Erreur 422 : Cette offre est pourvue : elle ne reçoit plus de candidatures.',
    });
    const noSuchProfile = await cli('apply', '--offer', filled.id, '--profile', '3');
    expect(noSuchProfile).toMatchObject({
      code: 1,
      err: 'Profil 3 inconnu : vous avez 2 profils (voir « profiles »).',
    });
  });

  it('registers a candidate who adds a profile, applies, deletes the profile and closes the account', async () => {
    const mail = 'camille.roux.test@exemple-candidat.fr';
    const as = ['--as', mail, '--password', 'Alternance-2026!'];
    const registered = await cli(
      'register',
      '--mail',
      mail,
      '--password',
      'Alternance-2026!',
      '--first-name',
      'Camille',
      '--last-name',
      'Roux',
      '--mobile',
      '06 39 98 99 01',
      '--birth-date',
      '2007-03-02',
    );
    expect(registered).toMatchObject({ code: 0, err: '' });
    expect(registered.out).toMatch(/^Compte candidat créé : camille\.roux\.test@exemple-candidat\.fr/);

    // Bad input: the platform names each field.
    const refused = await cli(
      'add-profile',
      ...as,
      '--rome',
      'Z9999',
      '--diploma',
      'cap-inconnu',
      '--commune',
      '33063',
    );
    expect(refused.code).toBe(1);
    expect(refused.err.split('\n')).toEqual([
      expect.stringMatching(/^Erreur 4\d\d : /),
      expect.stringMatching(/^ {2}- Métier : /),
      ...(refused.err.includes('Diplômes :') ? [expect.stringMatching(/^ {2}- Diplômes : /)] : []),
    ]);

    const offer = (await demoOffers()).find((o) => o.status === 'en_cours' && o.shared_with_structure === 1)!;
    const file = path.join(dataDir, 'profil.json');
    writeFileSync(
      file,
      JSON.stringify({
        romeCode: offer.rome_code,
        diplomas: [{ diplomaId: JSON.parse(offer.diploma_ids)[0], state: 'prepare' }],
        communeCode: '33063',
        mobilityKm: 25,
        availableFrom: '2027-09-01',
        contractTypes: ['apprentissage'],
        presentation: 'Je cherche un employeur près de Bordeaux.',
        oeth: true,
      }),
    );
    const added = await cli('add-profile', ...as, '--file', file);
    expect(added).toMatchObject({ code: 0, err: '' });
    expect(added.out).toMatch(
      /^Profil créé :\n1\. .+ — .+\(en préparation\)\n {3}Bordeaux, mobilité 25 km — disponible le 2027-09-01 — Apprentissage — OETH/,
    );

    expect((await cli('apply', ...as, '--offer', offer.id, '--profile', '1')).code).toBe(0);
    const deleted = await cli('delete-profile', ...as, '--profile', '1');
    expect(deleted).toMatchObject({ code: 0, err: '' });
    const abandoned = await platform.db
      .selectFrom('applications')
      .selectAll()
      .where('offer_id', '=', offer.id)
      .where('status', '=', 'abandonnee')
      .where('abandon_reason', '=', 'Le candidat a supprimé ce profil.')
      .orderBy('number', 'desc')
      .executeTakeFirstOrThrow();
    expect(abandoned).toMatchObject({ profile: null, candidate_id: null });
    expect((await cli('profiles', ...as)).out).toBe(`${mail} n'a aucun profil.`);

    expect(await cli('close-account', ...as)).toMatchObject({ code: 0, err: '' });
    const gone = await cli('profiles', ...as);
    expect(gone.code).toBe(1);
    expect(gone.err).toMatch(/^Erreur 401 : /);
  });

  it('shows a seeded candidate the structure’s replies', async () => {
    const notified = await platform.db
      .selectFrom('candidate_notifications')
      .innerJoin('candidates', 'candidates.id', 'candidate_notifications.candidate_id')
      .select(['candidates.mail', 'candidate_notifications.application_number'])
      .where('candidate_notifications.kind', '=', 'refus')
      .executeTakeFirstOrThrow();
    const shown = await cli('notifications', '--as', notified.mail);
    expect(shown).toMatchObject({ code: 0, err: '' });
    expect(shown.out).toContain(`Candidature refusée — candidature n° ${notified.application_number}`);
    expect(shown.out).toContain('CFA GIRONDE METIERS');
    expect(shown.out).toContain('Cordialement,');
  });

  it('shows a candidate the offer a structure proposed to one of their profiles', async () => {
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mail: DEMO_REFERENT.mail, password: DEMO_REFERENT.password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const mail = 'lou.contact.test@exemple-candidat.fr';
    const as = ['--as', mail, '--password', 'Alternance-2026!'];
    const person = ['--first-name', 'Lou', '--last-name', 'Darrigrand', '--mobile', '0611223344'];
    await cli(
      'register',
      '--mail',
      mail,
      '--password',
      'Alternance-2026!',
      ...person,
      '--birth-date',
      '2006-04-02',
    );
    await cli('add-profile', ...as, '--rome', 'D1102', '--diploma', 'cap-boulanger', '--commune', '33063');
    const profile = await platform.db
      .selectFrom('candidate_profiles')
      .select('id')
      .where('candidate_id', '=', await candidateId(mail))
      .executeTakeFirstOrThrow();
    const offer = (await demoOffers()).find((o) => o.status === 'en_cours')!;
    const sent = await fetch(`${url}/api/v1/profiles/${profile.id}/contact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({
        id: randomUUID(),
        offerId: offer.id,
        message: 'Bonjour,\nnotre offre vous plairait.',
      }),
    });
    expect(sent.status).toBe(201);
    const shown = await cli('notifications', ...as);
    expect(shown).toMatchObject({ code: 0, err: '' });
    expect(shown.out).toMatch(
      new RegExp(
        `^Le .+ — Une structure vous propose une offre — offre n° ${offer.number}, « .+ » — CFA GIRONDE METIERS\n {3}pour votre profil ${profile.id}\n {3}Bonjour,\n {3}notre offre vous plairait\\.$`,
      ),
    );
  });

  it('says when the platform does not answer, and prints the usage on a wrong command line', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: {} };
    const closed = await createPlatform({ dataDir: path.join(dataDir, 'other') });
    const address = await closed.listen(0);
    await closed.close();
    expect(await runCandidateCli(['profiles', '--platform', address], io)).toBe(1);
    expect(err.join('\n')).toMatch(new RegExp(`^Erreur : La plateforme ${address} ne répond pas`));
    expect(await runCandidateCli(['apply', '--offer', 'douze'], io)).toBe(2);
    expect(err.at(-1)).toMatch(/^--offer : « douze ».*\n\nJouer un candidat/s);
    expect(await runCandidateCli(['--help'], io)).toBe(0);
    expect(out.at(-1)).toMatch(/^Jouer un candidat/);
  });
});
