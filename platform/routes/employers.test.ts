import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { companySchema } from '../../shared/domain/company';
import { employerSchema } from '../../shared/domain/employers';
import { z } from '../../shared/zod';
import { REFUSED_ALREADY_PARTNER, REFUSED_CLOSED, REFUSED_UNKNOWN } from '../employers/screening';
import { CONTACT, offerCalls } from '../offers/test-fixtures';
import { DIRECTORY_CLOSED_SIRET } from '../seed/demo-offers';
import {
  expectProblem,
  freeSirets,
  newGestionnaire,
  newPendingMember,
  newReferent,
  newSignedInAccount,
  usePlatform,
} from '../test-support';

const platform = usePlatform({ limits: { registrations: 10_000 } });
const { call, addEmployer, feed } = offerCalls(platform);
const nextSiret = freeSirets();

/** A valid SIRET (Luhn) that no establishment of the directory has. */
const UNKNOWN_VALID_SIRET = '44306184100013';

const post = (token: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call('POST', '/employers', token, { id: randomUUID(), ...CONTACT, ...body }, headers);

async function employerRows(structureId: string) {
  return platform().db.selectFrom('employers').selectAll().where('structure_id', '=', structureId).execute();
}

describe('POST /employers: the platform screens the request and always answers 201', () => {
  it('accepts an open establishment of the directory, with its directory data', async () => {
    const owner = await newReferent(platform, nextSiret);
    const siret = nextSiret();
    const id = randomUUID();
    const response = await post(owner.token, { id, siret });
    expect(response.statusCode).toBe(201);
    const employer = employerSchema.parse(response.json());
    const company = companySchema.parse((await call('GET', `/companies/${siret}`)).json());
    expect(employer).toEqual({
      id,
      siret,
      legalName: company.legalName,
      tradeName: company.tradeName,
      nafCode: company.nafCode,
      nafLabel: company.nafLabel,
      address: company.address,
      contactLastName: 'Lafargue',
      contactFirstName: 'Sophie',
      contactMail: 'sophie.lafargue@exemple.fr',
      contactPhone: '+33556123456',
      status: 'acceptee',
      refusalReason: null,
      createdBy: owner.id,
      createdAt: expect.any(String),
      version: 1,
      updatedAt: employer.createdAt,
    });
    expect(employer.nafLabel).not.toBe(employer.nafCode);
    expect(response.headers.etag).toBe('"1"');
    expect((await call('GET', `/employers/${id}`, owner.token)).json()).toEqual(employer);
  });

  it('refuses, with the reason in French, a SIRET the directory does not know', async () => {
    const owner = await newReferent(platform, nextSiret);
    const employer = await addEmployer(owner.token, UNKNOWN_VALID_SIRET);
    expect(employer).toMatchObject({
      siret: UNKNOWN_VALID_SIRET,
      status: 'refusee',
      refusalReason: REFUSED_UNKNOWN,
      legalName: null,
      tradeName: null,
      nafCode: null,
      nafLabel: null,
      address: null,
      contactLastName: 'Lafargue',
    });
    expect(employer.refusalReason).toMatch(/annuaire/);
  });

  it('refuses a closed establishment, showing which one it was', async () => {
    const owner = await newReferent(platform, nextSiret);
    const company = companySchema.parse((await call('GET', `/companies/${DIRECTORY_CLOSED_SIRET}`)).json());
    expect(company.active).toBe(false);
    const employer = await addEmployer(owner.token, DIRECTORY_CLOSED_SIRET);
    expect(employer).toMatchObject({
      status: 'refusee',
      refusalReason: REFUSED_CLOSED,
      legalName: company.legalName,
      address: company.address,
    });
  });

  it('refuses an establishment already an accepted partner of the structure, not of another one', async () => {
    const owner = await newReferent(platform, nextSiret);
    const siret = nextSiret();
    expect((await addEmployer(owner.token, siret)).status).toBe('acceptee');
    const again = await addEmployer(owner.token, siret);
    expect(again).toMatchObject({ status: 'refusee', refusalReason: REFUSED_ALREADY_PARTNER });
    expect(again.refusalReason).toBe('Cet employeur est déjà un partenaire de votre structure.');

    // A refused request does not count: another structure may have the same partner.
    const other = await newReferent(platform, nextSiret);
    expect((await addEmployer(other.token, siret)).status).toBe('acceptee');
    expect((await employerRows(owner.structureId)).map((r) => r.status).sort()).toEqual([
      'acceptee',
      'refusee',
    ]);
  });

  it('answers a retried request (same Idempotency-Key) with the same employer, recorded once', async () => {
    const owner = await newReferent(platform, nextSiret);
    const body = { id: randomUUID(), siret: nextSiret() };
    const headers = { 'idempotency-key': `employer-${body.id}` };
    const first = await post(owner.token, body, headers);
    const second = await post(owner.token, body, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(await employerRows(owner.structureId)).toHaveLength(1);
    const entries = (await feed(owner.token)).filter((c) => c.entity === 'employer');
    expect(entries.map((c) => [c.id, c.version])).toEqual([[body.id, 1]]);

    // The same key for another request is refused, and nothing changes.
    const other = await post(owner.token, { id: randomUUID(), siret: nextSiret() }, headers);
    expect(expectProblem(other, 422).code).toBe('idempotency_mismatch');
    expect(await employerRows(owner.structureId)).toHaveLength(1);
  });

  it('answers 409 on the id field to an id already used, by this structure or another', async () => {
    const owner = await newReferent(platform, nextSiret);
    const id = randomUUID();
    expect((await post(owner.token, { id, siret: nextSiret() })).statusCode).toBe(201);
    const problem = expectProblem(await post(owner.token, { id, siret: nextSiret() }), 409);
    expect(problem.code).toBe('id_taken');
    expect(problem.errors?.map((e) => e.field)).toEqual(['id']);

    const other = await newReferent(platform, nextSiret);
    expect(expectProblem(await post(other.token, { id, siret: nextSiret() }), 409).code).toBe('id_taken');
    expect(await employerRows(other.structureId)).toEqual([]);
  });

  it('answers 400 naming the field for an invalid SIRET, mail or phone', async () => {
    const owner = await newReferent(platform, nextSiret);
    for (const [body, field] of [
      [{ siret: '44306184100014' }, 'siret'],
      [{ siret: nextSiret(), contactMail: 'sophie.lafargue' }, 'contactMail'],
      [{ siret: nextSiret(), contactPhone: '12' }, 'contactPhone'],
      [{ siret: nextSiret(), contactLastName: '' }, 'contactLastName'],
      [{ siret: nextSiret(), status: 'acceptee' }, 'status'],
    ] as const) {
      const problem = expectProblem(await post(owner.token, body), 400);
      expect(
        problem.errors?.map((e) => e.field),
        field,
      ).toContain(field);
    }
    expect(await employerRows(owner.structureId)).toEqual([]);
  });

  it('refuses a pending collaborator (403) and an account without a structure (404)', async () => {
    const owner = await newReferent(platform, nextSiret);
    const pending = await newPendingMember(platform, owner.siret);
    expect(expectProblem(await post(pending.token, { siret: nextSiret() }), 403).code).toBe(
      'membership_pending',
    );
    expect(expectProblem(await call('GET', '/employers', pending.token), 403).code).toBe(
      'membership_pending',
    );
    const { token } = await newSignedInAccount(platform());
    expect(expectProblem(await post(token, { siret: nextSiret() }), 404).code).toBe('no_structure');
    expect(expectProblem(await call('GET', '/employers'), 401).code).toBe('token_missing');
    expect(await employerRows(owner.structureId)).toEqual([]);
  });
});

describe('GET /employers and GET /employers/{id}', () => {
  it('lists the structure’s employers for every member, and hides other structures’ ones', async () => {
    const owner = await newReferent(platform, nextSiret);
    const gestionnaire = await newGestionnaire(platform, owner);
    const accepted = await addEmployer(owner.token, nextSiret());
    const refused = await addEmployer(gestionnaire.token, UNKNOWN_VALID_SIRET);
    const listed = z
      .array(employerSchema)
      .parse((await call('GET', '/employers', gestionnaire.token)).json());
    expect(listed.map((e) => e.id).sort()).toEqual([accepted.id, refused.id].sort());
    expect(listed.find((e) => e.id === refused.id)?.createdBy).toBe(gestionnaire.id);

    const stranger = await newReferent(platform, nextSiret);
    expect((await call('GET', '/employers', stranger.token)).json()).toEqual([]);
    expect(expectProblem(await call('GET', `/employers/${accepted.id}`, stranger.token), 404).code).toBe(
      'employer_unknown',
    );
  });
});

describe('PATCH /employers/{id}', () => {
  const patch = (token: string, id: string, body: unknown, headers: Record<string, string>) =>
    call('PATCH', `/employers/${id}`, token, body, headers);

  it('changes the contact person under If-Match, and nothing else', async () => {
    const owner = await newReferent(platform, nextSiret);
    const employer = await addEmployer(owner.token, nextSiret());
    expectProblem(await patch(owner.token, employer.id, { contactFirstName: 'Julie' }, {}), 428);

    const response = await patch(
      owner.token,
      employer.id,
      { contactFirstName: 'Julie', contactPhone: '06 12 34 56 78' },
      { 'if-match': '"1"' },
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    expect(employerSchema.parse(response.json())).toEqual({
      ...employer,
      contactFirstName: 'Julie',
      contactPhone: '+33612345678',
      version: 2,
      updatedAt: expect.any(String),
    });

    const stale = expectProblem(
      await patch(owner.token, employer.id, { contactLastName: 'Dubos' }, { 'if-match': '"1"' }),
      412,
    );
    expect(employerSchema.parse(stale.current)).toMatchObject({ contactFirstName: 'Julie', version: 2 });

    for (const field of ['siret', 'legalName', 'status']) {
      const problem = expectProblem(
        await patch(owner.token, employer.id, { [field]: 'x' }, { 'if-match': '"2"' }),
        400,
      );
      expect(problem.errors?.map((e) => e.field)).toContain(field);
    }
  });

  it('applies a retried change once and answers 404 for another structure’s employer', async () => {
    const owner = await newReferent(platform, nextSiret);
    const employer = await addEmployer(owner.token, nextSiret());
    const headers = { 'if-match': '"1"', 'idempotency-key': `patch-${employer.id}` };
    const first = await patch(owner.token, employer.id, { contactLastName: 'Dubos' }, headers);
    const second = await patch(owner.token, employer.id, { contactLastName: 'Dubos' }, headers);
    expect(second.json()).toEqual(first.json());
    expect(second.json().version).toBe(2);

    const stranger = await newReferent(platform, nextSiret);
    const problem = expectProblem(
      await patch(stranger.token, employer.id, { contactLastName: 'X' }, { 'if-match': '"2"' }),
      404,
    );
    expect(problem.code).toBe('employer_unknown');
  });
});

describe('employers in the feed', () => {
  it('records each change as entity "employer" for every member, in order', async () => {
    const owner = await newReferent(platform, nextSiret);
    const gestionnaire = await newGestionnaire(platform, owner);
    const accepted = await addEmployer(gestionnaire.token, nextSiret());
    const refused = await addEmployer(owner.token, DIRECTORY_CLOSED_SIRET);
    await call(
      'PATCH',
      `/employers/${accepted.id}`,
      owner.token,
      { contactMail: 'rh@exemple.fr' },
      { 'if-match': '"1"' },
    );
    for (const token of [owner.token, gestionnaire.token]) {
      const entries = (await feed(token)).filter((c) => c.entity === 'employer');
      expect(entries.map((c) => [c.id, c.version])).toEqual([
        [refused.id, 1],
        [accepted.id, 2],
      ]);
      expect(employerSchema.parse(entries[1]!.data)).toMatchObject({ contactMail: 'rh@exemple.fr' });
      expect(employerSchema.parse(entries[0]!.data)).toMatchObject({ status: 'refusee' });
    }
  });
});
