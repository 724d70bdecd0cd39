import { describe, expect, it } from 'vitest';
import { structureAttachmentSchema } from '../../shared/domain/structure';
import { AGRICOLE_THES_SIRET, generateDirectory } from '../seed/directory';
import { expectProblem, freeSirets, newSignedInAccount, usePlatform } from '../test-support';

const PASSWORD = 'Alternance-2026';

const platform = usePlatform();

/** A new account, signed in: its access token. */
async function signedInUser(): Promise<string> {
  return (await newSignedInAccount(platform(), PASSWORD)).token;
}

function request(
  method: 'GET' | 'POST' | 'PATCH',
  token: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return platform().app.inject({
    method,
    url: '/api/v1/structure',
    headers: { authorization: `Bearer ${token}`, ...headers },
    ...(payload === undefined ? {} : { payload: payload as never }),
  });
}

const attach = (token: string, siret: string) => request('POST', token, { siret });
const patch = (token: string, body: unknown, ifMatch?: string) =>
  request('PATCH', token, body, ifMatch === undefined ? {} : { 'if-match': ifMatch });

async function me(token: string) {
  return (
    await platform().app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    })
  ).json();
}

/** Open establishments not attached by an earlier test: one per test that attaches. */
const nextFreeSiret = freeSirets();

describe('POST /structure', () => {
  it('attaches the first account as référent, with the directory data, and an ETag', async () => {
    const token = await signedInUser();
    const response = await attach(token, '921 934 444 00016');
    expect(response.statusCode).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    expect(response.json().status).toBe('created');
    const structure = response.json().structure;
    expect(structure).toEqual({
      id: expect.any(String),
      siret: AGRICOLE_THES_SIRET,
      legalName: 'SAS AGRICOLE THES DE BRETAGNE',
      nafCode: '01.29Z',
      nafLabel: 'Autres cultures permanentes',
      headcountBand: '02',
      tradeName: null,
      email: null,
      phone: null,
      website: null,
      address: {
        street: 'LIEU-DIT ELIZALDEA',
        postalCode: '64310',
        communeCode: '64495',
        communeName: 'Saint-Pée-sur-Nivelle',
      },
      acceptsThirdGradeInterns: false,
      acceptsSecondGradeInterns: false,
      replyTemplates: null,
      version: 1,
      updatedAt: expect.any(String),
    });
    expect(await me(token)).toMatchObject({ structureId: structure.id, role: 'referent' });

    const again = await request('GET', token);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(structure);
    expect(again.headers.etag).toBe('"1"');
  });

  it('refuses a second attachment of the same account', async () => {
    const token = await signedInUser();
    const siret = nextFreeSiret();
    expect((await attach(token, siret)).statusCode).toBe(201);
    const sameAgain = expectProblem(await attach(token, siret), 409);
    expect(sameAgain.code).toBe('already_attached');
    const otherSiret = nextFreeSiret();
    const other = expectProblem(await attach(token, otherSiret), 409);
    expect(other.code).toBe('already_attached');
    expect(
      await platform().db.selectFrom('structures').select('id').where('siret', '=', otherSiret).execute(),
    ).toHaveLength(0);
  });

  it('makes another account of a registered structure a pending collaborator: 202 with its request', async () => {
    const first = await signedInUser();
    const siret = nextFreeSiret();
    const created = (await attach(first, siret)).json().structure;
    const second = await signedInUser();
    const before = Date.now();
    const response = await attach(second, siret);
    expect(response.statusCode).toBe(202);
    const body = structureAttachmentSchema.parse(response.json());
    expect(body).toEqual({
      status: 'pending',
      request: {
        siret,
        legalName: created.legalName,
        communeName: created.address.communeName,
        requestedAt: expect.any(String),
      },
    });
    if (body.status !== 'pending') throw new Error('attendu : pending');
    expect(Date.parse(body.request.requestedAt)).toBeGreaterThanOrEqual(before - 1000);
    // Attached without a role (pending), and one version further.
    expect(await me(second)).toMatchObject({ structureId: created.id, role: null, version: 2 });
    // Nothing of the structure's own data in the answer.
    expect(response.body).not.toContain(created.id);
    expect((await request('GET', first)).json()).toEqual(created);
  });

  it('refuses a second request from a pending collaborator, saying a request is waiting', async () => {
    const siret = nextFreeSiret();
    expect((await attach(await signedInUser(), siret)).statusCode).toBe(201);
    const pending = await signedInUser();
    expect((await attach(pending, siret)).statusCode).toBe(202);
    for (const again of [siret, nextFreeSiret()]) {
      const problem = expectProblem(await attach(pending, again), 409);
      expect(problem.code).toBe('already_attached');
      expect(problem.detail).toMatch(/demande de rattachement en attente/);
    }
  });

  it('registers a structure once when two accounts attach it at the same time: one référent, one pending', async () => {
    const [first, second] = await Promise.all([signedInUser(), signedInUser()]);
    const siret = nextFreeSiret();
    const responses = await Promise.all([attach(first, siret), attach(second, siret)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 202]);
    expect(
      await platform().db.selectFrom('structures').select('id').where('siret', '=', siret).execute(),
    ).toHaveLength(1);
    const roles = [(await me(first)).role, (await me(second)).role];
    expect(roles.sort()).toEqual([null, 'referent'].sort());
  });

  it('attaches an account to one structure only when it sends two requests at once', async () => {
    const token = await signedInUser();
    const sirets = [nextFreeSiret(), nextFreeSiret()];
    const responses = await Promise.all(sirets.map((siret) => attach(token, siret)));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const created = await platform()
      .db.selectFrom('structures')
      .select('id')
      .where('siret', 'in', sirets)
      .execute();
    expect(created).toHaveLength(1);
    expect((await me(token)).structureId).toBe(created[0]!.id);
  });

  it('answers 404 on the siret field for a SIRET absent from the directory', async () => {
    const token = await signedInUser();
    const problem = expectProblem(await attach(token, '44306184100013'), 404);
    expect(problem.code).toBe('siret_unknown');
    expect(problem.errors).toEqual([{ field: 'siret', detail: 'Aucun établissement trouvé pour ce Siret' }]);
    expect(await me(token)).toMatchObject({ structureId: null });
  });

  it('answers 400 on the siret field for an invalid SIRET', async () => {
    const token = await signedInUser();
    const problem = expectProblem(await attach(token, '92193444400017'), 400);
    expect(problem.errors).toEqual([{ field: 'siret', detail: 'Numéro de Siret invalide' }]);
  });

  it('refuses a closed establishment with 422 siret_closed', async () => {
    const closed = generateDirectory().find((establishment) => !establishment.active);
    expect(closed).toBeDefined();
    const token = await signedInUser();
    const problem = expectProblem(await attach(token, closed!.siret), 422);
    expect(problem.code).toBe('siret_closed');
    expect(problem.errors?.[0]?.field).toBe('siret');
    expect(
      await platform().db.selectFrom('structures').select('id').where('siret', '=', closed!.siret).execute(),
    ).toHaveLength(0);
    expect(await me(token)).toMatchObject({ structureId: null });
  });

  it('requires a token', async () => {
    const response = await platform().app.inject({
      method: 'POST',
      url: '/api/v1/structure',
      payload: { siret: AGRICOLE_THES_SIRET },
    });
    expect(expectProblem(response, 401).code).toBe('token_missing');
  });

  it('refuses unknown fields', async () => {
    const token = await signedInUser();
    const problem = expectProblem(
      await request('POST', token, { siret: '44306184100013', role: 'gestionnaire' }),
      400,
    );
    expect(problem.errors?.map((e) => e.field)).toContain('role');
  });
});

describe('GET /structure', () => {
  it('answers 404 no_structure before the account is attached', async () => {
    const token = await signedInUser();
    const problem = expectProblem(await request('GET', token), 404);
    expect(problem.code).toBe('no_structure');
    expect(problem.detail).toMatch(/Siret/);
  });
});

describe('PATCH /structure', () => {
  async function attachedReferent() {
    const token = await signedInUser();
    const created = await attach(token, nextFreeSiret());
    expect(created.statusCode).toBe(201);
    return { token, structure: created.json().structure };
  }

  it('applies the change with the right If-Match and bumps the version', async () => {
    const { token, structure } = await attachedReferent();
    const response = await patch(
      token,
      {
        tradeName: '  Mon CFA  ',
        email: 'contact@mon-cfa.fr',
        phone: '05 56 12 34 56',
        website: 'https://www.mon-cfa.fr',
        acceptsThirdGradeInterns: true,
        headcountBand: '12',
      },
      '"1"',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    const updated = response.json();
    expect(updated).toMatchObject({
      id: structure.id,
      siret: structure.siret,
      legalName: structure.legalName,
      tradeName: 'Mon CFA',
      email: 'contact@mon-cfa.fr',
      phone: '+33556123456',
      website: 'https://www.mon-cfa.fr',
      acceptsThirdGradeInterns: true,
      acceptsSecondGradeInterns: false,
      headcountBand: '12',
      version: 2,
    });
    expect((await request('GET', token)).json()).toEqual(updated);

    // Blank optional text clears it.
    const cleared = await patch(token, { tradeName: '   ', phone: null }, '2');
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ tradeName: null, phone: null, version: 3 });
  });

  it('keeps the reply templates, and null gives the defaults back', async () => {
    const { token } = await attachedReferent();
    const templates = [
      {
        id: 'entretien',
        decision: 'recevable',
        name: 'Entretien',
        body: 'Bonjour {prénom}, appelez le 05 56 00 00 00.',
      },
      {
        id: 'refus',
        decision: 'refusee',
        name: 'Refus',
        body: 'Bonjour {prénom}, le poste « {intitulé} » est pourvu.',
      },
    ];
    const response = await patch(token, { replyTemplates: templates }, '"1"');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ replyTemplates: templates, version: 2 });
    expect((await request('GET', token)).json().replyTemplates).toEqual(templates);
    const changes = await platform().app.inject({
      method: 'GET',
      url: '/api/v1/sync/changes',
      headers: { authorization: `Bearer ${token}` },
    });
    const entry = changes.json().changes.find((c: { entity: string }) => c.entity === 'structure');
    expect(entry.data.replyTemplates).toEqual(templates);

    const reset = await patch(token, { replyTemplates: null }, '"2"');
    expect(reset.json()).toMatchObject({ replyTemplates: null, version: 3 });
  });

  it.each([
    ['a template without text', [{ id: 'a', decision: 'recevable', name: 'A', body: ' ' }]],
    ['a template for no decision', [{ id: 'a', decision: 'peut-etre', name: 'A', body: 'Texte' }]],
    [
      'two templates with the same id',
      [
        { id: 'a', decision: 'recevable', name: 'A', body: 'Texte' },
        { id: 'a', decision: 'refusee', name: 'B', body: 'Texte' },
      ],
    ],
  ])('refuses %s on replyTemplates and changes nothing', async (_why, replyTemplates) => {
    const { token, structure } = await attachedReferent();
    const problem = expectProblem(await patch(token, { replyTemplates }, '"1"'), 400);
    expect(problem.errors?.[0]?.field).toMatch(/^replyTemplates/);
    expect((await request('GET', token)).json()).toEqual(structure);
  });

  it('refuses a stale If-Match with 412 and changes nothing', async () => {
    const { token } = await attachedReferent();
    expect((await patch(token, { tradeName: 'Première' }, '"1"')).statusCode).toBe(200);
    const before = (await request('GET', token)).json();

    const problem = expectProblem(await patch(token, { tradeName: 'Seconde' }, '"1"'), 412);
    expect(problem.code).toBe('version_mismatch');
    expect((await request('GET', token)).json()).toEqual(before);
    expect(before).toMatchObject({ tradeName: 'Première', version: 2 });
  });

  it('refuses a malformed If-Match', async () => {
    const { token } = await attachedReferent();
    expect(expectProblem(await patch(token, { tradeName: 'X' }, 'latest'), 400).code).toBe('if_match');
  });

  it.each([
    ['an invalid email', { email: 'pas-un-mail' }, 'email'],
    ['an invalid phone', { phone: '12' }, 'phone'],
    ['a website without scheme', { website: 'www.mon-cfa.fr' }, 'website'],
    ['an unknown headcount band', { headcountBand: '99' }, 'headcountBand'],
    ['a checkbox as text', { acceptsSecondGradeInterns: 'oui' }, 'acceptsSecondGradeInterns'],
    ['an unknown key', { couleur: 'bleu' }, 'couleur'],
    ['a directory field', { legalName: 'AUTRE NOM' }, 'legalName'],
  ])('refuses %s, naming the field, and changes nothing', async (_why, body, field) => {
    const { token, structure } = await attachedReferent();
    const problem = expectProblem(await patch(token, body, '"1"'), 400);
    expect(problem.code).toBe('validation');
    expect(problem.errors?.map((e) => e.field)).toEqual([field]);
    expect((await request('GET', token)).json()).toEqual(structure);
  });

  it('answers 404 no_structure for an account without structure', async () => {
    const token = await signedInUser();
    expect(expectProblem(await patch(token, { tradeName: 'X' }), 404).code).toBe('no_structure');
  });
});
