import { describe, expect, it } from 'vitest';
import { candidateProfileSchema, candidateSessionSchema } from '../../shared/domain/candidates';
import {
  CANDIDATE_PASSWORD,
  candidateCalls,
  profileFields,
  registration,
} from '../applications/test-fixtures';
import { expectProblem, freeSirets, newReferent, newSignedInAccount, usePlatform } from '../test-support';

const LOGIN_ATTEMPTS = 4;
const platform = usePlatform({
  limits: { registrations: 10_000, loginAttempts: LOGIN_ATTEMPTS },
  clock: () => new Date('2026-03-02T09:00:00.000Z'),
});
const { call, newCandidate, createProfile } = candidateCalls(platform);
const nextSiret = freeSirets();

const login = (mail: string, password: string) =>
  call('POST', '/candidates/login', undefined, { mail, password });

describe('POST /candidates/register', () => {
  it('creates the account and signs the candidate in', async () => {
    const body = registration({ mail: `  Ines.Register.${process.pid}@Exemple.fr ` });
    const response = await call('POST', '/candidates/register', undefined, body);
    expect(response.statusCode, response.body).toBe(201);
    const session = candidateSessionSchema.parse(response.json());
    expect(session.expiresIn).toBeGreaterThan(0);
    const row = await platform()
      .db.selectFrom('candidates')
      .selectAll()
      .where('id', '=', session.candidateId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      mail: `ines.register.${process.pid}@exemple.fr`,
      mobile: '+33712345678',
      birth_date: '2007-05-14',
      first_name: 'Inès',
    });
    expect(row.password_hash).not.toContain(CANDIDATE_PASSWORD);
    expect((await call('GET', '/candidate/profiles', session.accessToken)).json()).toEqual([]);
  });

  it('refuses a mail another candidate has, with 409 naming mail', async () => {
    const { mail } = await newCandidate();
    const problem = expectProblem(
      await call('POST', '/candidates/register', undefined, registration({ mail: mail.toUpperCase() })),
      409,
    );
    expect(problem.code).toBe('mail_taken');
    expect(problem.errors).toEqual([{ field: 'mail', detail: 'Un compte existe déjà avec ce mail.' }]);
  });

  it.each([
    ['without consent', { consent: false }, 'consent'],
    ['with an invalid birth date', { birthDate: '14/05/2007' }, 'birthDate'],
    ['with a weak password', { password: 'abc' }, 'password'],
    ['with a landline', { mobile: '05 56 12 34 56' }, 'mobile'],
  ])('refuses a registration %s, naming the field', async (_why, overrides, field) => {
    const problem = expectProblem(
      await call('POST', '/candidates/register', undefined, registration(overrides)),
      400,
    );
    expect(problem.errors?.map((e) => e.field)).toContain(field);
  });

  it('refuses a birth date that is not past', async () => {
    const problem = expectProblem(
      await call('POST', '/candidates/register', undefined, registration({ birthDate: '2026-03-02' })),
      422,
    );
    expect(problem.errors?.[0]?.field).toBe('birthDate');
  });
});

describe('POST /candidates/login', () => {
  it('signs a candidate in with their mail and password', async () => {
    const { id, mail } = await newCandidate();
    const response = await login(mail, CANDIDATE_PASSWORD);
    expect(response.statusCode).toBe(200);
    const session = candidateSessionSchema.parse(response.json());
    expect(session.candidateId).toBe(id);
    expect((await call('GET', '/candidate/notifications', session.accessToken)).statusCode).toBe(200);
  });

  it('refuses a wrong password or an unknown mail alike, then limits the attempts', async () => {
    const { mail } = await newCandidate();
    const wrong = expectProblem(await login(mail, 'Pas-le-bon-1'), 401);
    expect(wrong).toMatchObject({ code: 'wrong_credentials', detail: 'Mail ou mot de passe incorrect' });
    expect(expectProblem(await login(`inconnu.${mail}`, CANDIDATE_PASSWORD), 401).code).toBe(
      'wrong_credentials',
    );
    for (let i = 1; i < LOGIN_ATTEMPTS; i++) await login(mail, 'Pas-le-bon-1');
    const limited = expectProblem(await login(mail, CANDIDATE_PASSWORD), 429);
    expect(limited.code).toBe('rate_limited');
  });

  it('does not sign a staff account in as a candidate', async () => {
    const staff = await newSignedInAccount(platform());
    expect(expectProblem(await login(staff.mail, 'Alternance-2026'), 401).code).toBe('wrong_credentials');
  });
});

describe('candidate and staff tokens', () => {
  it('refuses a candidate’s token on staff routes with 403 candidate_account', async () => {
    const candidate = await newCandidate();
    for (const url of ['/me', '/structure', '/applications', '/offers', '/sync/changes']) {
      const problem = expectProblem(await call('GET', url, candidate.token), 403);
      expect(problem.code, url).toBe('candidate_account');
      expect(problem.detail).toBe(
        'Ce compte est un compte candidat : l’application est réservée aux structures.',
      );
    }
  });

  it('refuses a staff token on candidate routes with 403 not_a_candidate', async () => {
    const owner = await newReferent(platform, nextSiret);
    for (const [method, url] of [
      ['GET', '/candidate/profiles'],
      ['POST', '/candidate/profiles'],
      ['GET', '/candidate/notifications'],
      ['DELETE', '/candidate/account'],
    ] as const) {
      const body = method === 'POST' ? profileFields() : undefined;
      expect(expectProblem(await call(method, url, owner.token, body), 403).code, url).toBe(
        'not_a_candidate',
      );
    }
    expect(expectProblem(await call('GET', '/candidate/profiles'), 401).code).toBe('token_missing');
  });

  it('tells a candidate who signs in to the desktop that it is for structures only', async () => {
    const { mail } = await newCandidate();
    const refused = expectProblem(
      await call('POST', '/auth/login', undefined, { mail, password: CANDIDATE_PASSWORD }),
      403,
    );
    expect(refused).toMatchObject({
      code: 'candidate_account',
      detail: 'Ce compte est un compte candidat : l’application est réservée aux structures.',
    });
    // Without the right password, nothing tells that the mail is a candidate's.
    const wrong = expectProblem(
      await call('POST', '/auth/login', undefined, { mail, password: 'Pas-le-bon-1' }),
      401,
    );
    expect(wrong.code).toBe('wrong_credentials');
  });
});

describe('candidate profiles', () => {
  it('creates a profile with what the referentials say, and lists only the candidate’s own', async () => {
    const candidate = await newCandidate();
    const other = await newCandidate();
    const fields = profileFields({ oeth: true, contractTypes: ['apprentissage', 'professionnalisation'] });
    const response = await call('POST', '/candidate/profiles', candidate.token, fields);
    expect(response.statusCode, response.body).toBe(201);
    const profile = candidateProfileSchema.parse(response.json());
    expect(profile).toEqual({ ...fields, id: expect.any(String), createdAt: '2026-03-02T09:00:00.000Z' });
    const row = await platform()
      .db.selectFrom('candidate_profiles')
      .selectAll()
      .where('id', '=', profile.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      candidate_id: candidate.id,
      rome_label: 'Pâtissier / Pâtissière',
      commune_name: 'Talence',
      oeth: 1,
    });
    expect(row.search_text).toContain('cap patissier');
    await createProfile(other.token);
    const second = await createProfile(candidate.token, { romeCode: 'G1602' });
    const listed = (await call('GET', '/candidate/profiles', candidate.token)).json();
    expect(listed.map((p: { id: string }) => p.id)).toEqual([profile.id, second.id]);
  });

  it.each([
    [
      'an unknown diploma',
      { diplomas: [{ diplomaId: 'cap-inconnu', state: 'prepare' as const }] },
      422,
      'diplomas',
      'diploma_unknown',
    ],
    ['an unknown commune', { communeCode: '75056' }, 422, 'communeCode', 'commune_unknown'],
    ['an unknown métier', { romeCode: 'N9999' }, 422, 'romeCode', 'rome_unknown'],
    ['a negative mobility', { mobilityKm: -5 }, 400, 'mobilityKm', 'validation'],
    ['no diploma', { diplomas: [] }, 400, 'diplomas', 'validation'],
    ['no contract type', { contractTypes: [] }, 400, 'contractTypes', 'validation'],
  ])(
    'refuses a profile with %s, naming the field, and keeps nothing',
    async (_why, overrides, status, field, code) => {
      const candidate = await newCandidate();
      const problem = expectProblem(
        await call('POST', '/candidate/profiles', candidate.token, profileFields(overrides)),
        status,
      );
      expect(problem.code).toBe(code);
      expect(problem.errors?.map((e) => e.field)).toEqual([field]);
      expect((await call('GET', '/candidate/profiles', candidate.token)).json()).toEqual([]);
    },
  );

  it('names every unknown reference at once', async () => {
    const candidate = await newCandidate();
    const problem = expectProblem(
      await call(
        'POST',
        '/candidate/profiles',
        candidate.token,
        profileFields({ communeCode: '75056', diplomas: [{ diplomaId: 'cap-inconnu', state: 'obtenu' }] }),
      ),
      422,
    );
    expect(problem.errors?.map((e) => e.field)).toEqual(['diplomas', 'communeCode']);
    expect(problem.detail).toBe('Profil impossible à enregistrer : « Diplômes », « Lieu ».');
  });

  it('creates one profile for a request retried with the same Idempotency-Key', async () => {
    const candidate = await newCandidate();
    const headers = { 'idempotency-key': 'profil-une-fois' };
    const first = await call('POST', '/candidate/profiles', candidate.token, profileFields(), headers);
    const again = await call('POST', '/candidate/profiles', candidate.token, profileFields(), headers);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect((await call('GET', '/candidate/profiles', candidate.token)).json()).toHaveLength(1);
  });

  it('deletes only the candidate’s own profiles', async () => {
    const candidate = await newCandidate();
    const other = await newCandidate();
    const profile = await createProfile(candidate.token);
    expect(
      expectProblem(await call('DELETE', `/candidate/profiles/${profile.id}`, other.token), 404).code,
    ).toBe('profile_unknown');
    expect((await call('DELETE', `/candidate/profiles/${profile.id}`, candidate.token)).statusCode).toBe(204);
    expect((await call('GET', '/candidate/profiles', candidate.token)).json()).toEqual([]);
    expect(
      expectProblem(await call('DELETE', `/candidate/profiles/${profile.id}`, candidate.token), 404).code,
    ).toBe('profile_unknown');
  });
});

describe('DELETE /candidate/account', () => {
  it('closes the account: its token stops working and the mail is free again', async () => {
    const candidate = await newCandidate();
    await createProfile(candidate.token);
    expect((await call('DELETE', '/candidate/account', candidate.token)).statusCode).toBe(204);
    expect(expectProblem(await call('GET', '/candidate/profiles', candidate.token), 401).code).toBe(
      'token_invalid',
    );
    expect(expectProblem(await login(candidate.mail, CANDIDATE_PASSWORD), 401).code).toBe(
      'wrong_credentials',
    );
    const profiles = await platform()
      .db.selectFrom('candidate_profiles')
      .select('id')
      .where('candidate_id', '=', candidate.id)
      .execute();
    expect(profiles).toEqual([]);
    const again = await call(
      'POST',
      '/candidates/register',
      undefined,
      registration({ mail: candidate.mail }),
    );
    expect(again.statusCode).toBe(201);
  });
});
