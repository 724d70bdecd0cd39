import { decodeJwt, SignJWT } from 'jose';
import { loadSigningKey } from '../auth/tokens';
import { describe, expect, it, vi } from 'vitest';
import { expectProblem, usePlatform } from '../test-support';

const LOGIN_ATTEMPTS = 3;
const TTL_SECONDS = 120;
const ISSUER = 'plateforme-alternance-na';
const WRONG_CREDENTIALS = 'Mail ou mot de passe incorrect';
const PASSWORD = 'Alternance-2026';

const platform = usePlatform({
  accessTokenTtlSeconds: TTL_SECONDS,
  limits: { loginAttempts: LOGIN_ATTEMPTS, loginWindowMs: 60 * 60_000 },
});

let counter = 0;
/** A mail no other test uses, so the tests do not depend on each other. */
const freshMail = (label: string) => `${label}.${++counter}@exemple.fr`;

function registration(overrides: Record<string, unknown> = {}) {
  return {
    mail: freshMail('claire'),
    password: PASSWORD,
    firstName: 'Claire',
    lastName: 'Lacoste',
    mobile: '06 12 34 56 78',
    consent: true,
    ...overrides,
  };
}

function post(url: string, payload?: unknown, headers: Record<string, string> = {}) {
  return platform().app.inject({ method: 'POST', url: `/api/v1${url}`, payload: payload as never, headers });
}

function getMe(authorization?: string) {
  return platform().app.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: authorization === undefined ? {} : { authorization },
  });
}

async function register(overrides: Record<string, unknown> = {}) {
  const body = registration(overrides);
  const response = await post('/auth/register', body);
  expect(response.statusCode).toBe(201);
  return { mail: body.mail.trim().toLowerCase(), password: body.password, user: response.json() };
}

async function login(mail: string, password = PASSWORD) {
  const response = await post('/auth/login', { mail, password });
  expect(response.statusCode).toBe(200);
  return response.json() as {
    accessToken: string;
    refreshToken: string;
    accessTokenExpiresIn: number;
    user: { id: string };
  };
}

async function countUsers(): Promise<number> {
  const row = await platform()
    .db.selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The platform's own signing key, to forge tokens it would sign. */
const signingKey = () => loadSigningKey(platform().db);

describe('POST /auth/register', () => {
  it('creates the account, normalising the mail and the mobile, without exposing the password', async () => {
    const before = await countUsers();
    const response = await post(
      '/auth/register',
      registration({ mail: '  Claire.Lacoste@Exemple.FR ', mobile: '06.12.34.56.78' }),
    );
    expect(response.statusCode).toBe(201);
    const user = response.json();
    expect(user).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      mail: 'claire.lacoste@exemple.fr',
      firstName: 'Claire',
      lastName: 'Lacoste',
      mobile: '+33612345678',
      structureId: null,
      role: null,
      createdAt: expect.any(String),
      version: 1,
    });
    expect(response.body).not.toContain(PASSWORD);
    expect(response.body).not.toMatch(/argon|hash/i);
    expect(await countUsers()).toBe(before + 1);

    const row = await platform()
      .db.selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
    expect(row.consent_at).toEqual(expect.any(String));
  });

  it('refuses a mail that already has an account, whatever its case', async () => {
    const { mail } = await register();
    const before = await countUsers();
    const response = await post('/auth/register', registration({ mail: ` ${mail.toUpperCase()}` }));
    const problem = expectProblem(response, 409);
    expect(problem.code).toBe('mail_taken');
    expect(problem.errors?.[0]?.field).toBe('mail');
    expect(problem.detail).toBe('Un compte existe déjà avec ce mail.');
    expect(await countUsers()).toBe(before);
  });

  it('creates one account only when the same mail registers twice at once', async () => {
    const body = registration();
    const before = await countUsers();
    const responses = await Promise.all([post('/auth/register', body), post('/auth/register', body)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const conflict = responses.find((r) => r.statusCode === 409)!;
    expect(expectProblem(conflict, 409).errors?.[0]?.field).toBe('mail');
    expect(await countUsers()).toBe(before + 1);
  });

  it.each([
    ['no body at all', undefined, ['(racine)']],
    ['an empty object', {}, ['mail', 'password', 'firstName', 'lastName', 'mobile', 'consent']],
    ['a missing mail', registration({ mail: undefined }), ['mail']],
    ['a number as first name', registration({ firstName: 42 }), ['firstName']],
    ['consent false', registration({ consent: false }), ['consent']],
    ['consent as text', registration({ consent: 'true' }), ['consent']],
    ['a weak password', registration({ password: 'motdepasse' }), ['password']],
    ['a landline as mobile', registration({ mobile: '05 56 12 34 56' }), ['mobile']],
    ['an array', [registration()], ['(racine)']],
  ])('refuses %s, naming the fields, and writes nothing', async (_why, payload, fields) => {
    const before = await countUsers();
    const response = await post('/auth/register', payload);
    const problem = expectProblem(response, 400);
    expect(problem.code).toBe('validation');
    expect(problem.errors?.map((e) => e.field)).toEqual(fields);
    for (const error of problem.errors ?? []) expect(error.detail).not.toBe('');
    expect(await countUsers()).toBe(before);
  });

  it('names the French labels of the invalid fields in the detail', async () => {
    const response = await post('/auth/register', registration({ firstName: '', consent: false }));
    const problem = expectProblem(response, 400);
    expect(problem.detail).toBe('Saisie invalide : « Prénom », « Consentement ».');
    expect(problem.errors).toEqual([
      { field: 'firstName', detail: 'Le champ « Prénom » est obligatoire.' },
      {
        field: 'consent',
        detail: 'Vous devez accepter que les informations saisies soient exploitées pour créer votre compte.',
      },
    ]);
  });

  it('refuses a body that is not JSON', async () => {
    const before = await countUsers();
    const response = await post('/auth/register', '{"mail": "claire@exemple.fr",', {
      'content-type': 'application/json',
    });
    const problem = expectProblem(response, 400);
    expect(problem.code).toBe('json');
    expect(problem.detail).toBe('Le corps de la requête n’est pas un JSON valide.');
    expect(await countUsers()).toBe(before);
  });

  it('refuses a form-encoded body as an unsupported media type', async () => {
    const before = await countUsers();
    const response = await post('/auth/register', 'mail=claire%40exemple.fr&consent=true', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    const problem = expectProblem(response, 415);
    expect(problem.code).toBe('media_type');
    expect(problem.detail).toMatch(/JSON/);
    expect(await countUsers()).toBe(before);
  });

  it('refuses JSON sent as text/plain without creating the account', async () => {
    const before = await countUsers();
    const response = await post('/auth/register', JSON.stringify(registration()), {
      'content-type': 'text/plain',
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await countUsers()).toBe(before);
  });
});

describe('POST /auth/login', () => {
  it('returns tokens and the user', async () => {
    const { mail, user } = await register();
    const response = await post('/auth/login', { mail: mail.toUpperCase(), password: PASSWORD });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({
      accessToken: expect.any(String),
      accessTokenExpiresIn: TTL_SECONDS,
      refreshToken: expect.any(String),
      user,
    });
    expect(decodeJwt(body.accessToken).sub).toBe(user.id);
  });

  it('gives the same answer for a wrong password and an unknown mail', async () => {
    const { mail } = await register();
    const wrongPassword = await post('/auth/login', { mail, password: 'Alternance-2027' });
    const unknownMail = await post('/auth/login', { mail: freshMail('inconnu'), password: PASSWORD });
    const a = expectProblem(wrongPassword, 401);
    const b = expectProblem(unknownMail, 401);
    expect(a.detail).toBe(WRONG_CREDENTIALS);
    expect(b).toEqual(a);
  });

  it('accepts an old weak password on login (no strength rule there)', async () => {
    const { mail } = await register();
    // Not the account's password, but the point is the answer is 401, not 400.
    expectProblem(await post('/auth/login', { mail, password: 'abc' }), 401);
  });

  it('refuses malformed credentials with a field-level problem', async () => {
    const problem = expectProblem(await post('/auth/login', { mail: 'pas-un-mail' }), 400);
    expect(problem.errors?.map((e) => e.field)).toEqual(['mail', 'password']);
  });

  it(`limits attempts per mail to ${LOGIN_ATTEMPTS}, then answers 429 in French with Retry-After`, async () => {
    const { mail } = await register();
    for (let attempt = 1; attempt <= LOGIN_ATTEMPTS; attempt++) {
      expectProblem(await post('/auth/login', { mail, password: `Mauvais-${attempt}` }), 401);
    }
    // Even the right password is refused now.
    const limited = await post('/auth/login', { mail, password: PASSWORD });
    const problem = expectProblem(limited, 429);
    expect(problem.code).toBe('rate_limited');
    expect(problem.detail).toMatch(
      /^Trop de tentatives de connexion pour ce mail\. Réessayez dans \d+ minutes?\.$/,
    );
    const retryAfter = Number(limited.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60 * 60);

    // Another mail from the same address is not affected.
    const other = await register();
    expect((await post('/auth/login', { mail: other.mail, password: PASSWORD })).statusCode).toBe(200);
  });

  it('counts a differently typed spelling of the same mail against the same limit', async () => {
    const { mail } = await register();
    for (let attempt = 1; attempt <= LOGIN_ATTEMPTS; attempt++) {
      const typed = attempt % 2 ? ` ${mail.toUpperCase()}` : mail;
      expectProblem(await post('/auth/login', { mail: typed, password: 'Mauvais-1' }), 401);
    }
    expectProblem(await post('/auth/login', { mail, password: PASSWORD }), 429);
  });
});

describe('POST /auth/refresh and /auth/logout', () => {
  it('rotates the refresh token: the new one works, the old one is refused', async () => {
    const { mail } = await register();
    const first = await login(mail);
    const rotated = await post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(rotated.statusCode).toBe(200);
    const second = rotated.json();
    expect(second).toEqual({
      accessToken: expect.any(String),
      accessTokenExpiresIn: TTL_SECONDS,
      refreshToken: expect.any(String),
    });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await getMe(`Bearer ${second.accessToken}`)).statusCode).toBe(200);

    const third = await post('/auth/refresh', { refreshToken: second.refreshToken });
    expect(third.statusCode).toBe(200);
  });

  it('revokes the whole family when a rotated token is used again', async () => {
    const { mail } = await register();
    const first = await login(mail);
    const second = (await post('/auth/refresh', { refreshToken: first.refreshToken })).json();

    const replay = expectProblem(await post('/auth/refresh', { refreshToken: first.refreshToken }), 401);
    expect(replay.code).toBe('refresh_invalid');
    expect(replay.detail).toBe('Votre session a expiré : reconnectez-vous.');

    // The legitimate holder's newest token is revoked too.
    expectProblem(await post('/auth/refresh', { refreshToken: second.refreshToken }), 401);
  });

  it('leaves the other sessions of the same user alone when one family is revoked', async () => {
    const { mail } = await register();
    const desktop = await login(mail);
    const laptop = await login(mail);
    await post('/auth/refresh', { refreshToken: desktop.refreshToken });
    await post('/auth/refresh', { refreshToken: desktop.refreshToken });
    expect((await post('/auth/refresh', { refreshToken: laptop.refreshToken })).statusCode).toBe(200);
  });

  it('refuses an unknown or missing refresh token', async () => {
    expectProblem(await post('/auth/refresh', { refreshToken: 'inconnu' }), 401);
    const missing = expectProblem(await post('/auth/refresh', {}), 400);
    expect(missing.errors?.[0]?.field).toBe('refreshToken');
  });

  it('logout revokes the refresh token (and its rotations)', async () => {
    const { mail } = await register();
    const session = await login(mail);
    const rotated = (await post('/auth/refresh', { refreshToken: session.refreshToken })).json();
    const logout = await post('/auth/logout', { refreshToken: rotated.refreshToken });
    expect(logout.statusCode).toBe(204);
    expect(logout.body).toBe('');
    expectProblem(await post('/auth/refresh', { refreshToken: rotated.refreshToken }), 401);
  });

  it('logout of an unknown token is not an error', async () => {
    expect((await post('/auth/logout', { refreshToken: 'inconnu' })).statusCode).toBe(204);
  });
});

describe('GET /me', () => {
  it('requires a token', async () => {
    const response = await getMe();
    const problem = expectProblem(response, 401);
    expect(problem.code).toBe('token_missing');
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it.each([
    ['a malformed token', 'Bearer pas-un-jeton'],
    ['another scheme', 'Basic Y2xhaXJlOnNlY3JldA=='],
    ['an empty bearer', 'Bearer '],
  ])('refuses %s', async (_why, authorization) => {
    const problem = expectProblem(await getMe(authorization), 401);
    expect(['token_invalid', 'token_missing']).toContain(problem.code);
  });

  it('refuses a token signed with another key', async () => {
    const { user } = await register();
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new Uint8Array(32).fill(7));
    expect(expectProblem(await getMe(`Bearer ${forged}`), 401).code).toBe('token_invalid');
  });

  it('refuses a token of another issuer, even signed with the right key', async () => {
    const { user } = await register();
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer('quelqu-un-d-autre')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(await signingKey());
    expect(expectProblem(await getMe(`Bearer ${token}`), 401).code).toBe('token_invalid');
  });

  it('returns the user for a good token', async () => {
    const { mail, user } = await register();
    const { accessToken } = await login(mail);
    const response = await getMe(`Bearer ${accessToken}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(user);
  });

  it('issues access tokens that live accessTokenTtlSeconds', async () => {
    const { mail } = await register();
    const { accessToken, accessTokenExpiresIn } = await login(mail);
    const claims = decodeJwt(accessToken);
    expect(accessTokenExpiresIn).toBe(TTL_SECONDS);
    expect(claims.iss).toBe(ISSUER);
    expect(claims.exp! - claims.iat!).toBe(TTL_SECONDS);
  });

  it('names the session in the access token, the same one across refreshes', async () => {
    const { mail } = await register();
    const first = await login(mail);
    const rotated = (await post('/auth/refresh', { refreshToken: first.refreshToken })).json();
    const other = await login(mail);
    const sid = (token: string) => decodeJwt(token).sid;
    expect(sid(first.accessToken)).toEqual(expect.any(String));
    expect(sid(rotated.accessToken)).toBe(sid(first.accessToken));
    expect(sid(other.accessToken)).not.toBe(sid(first.accessToken));
  });

  it('stops accepting an issued token once accessTokenTtlSeconds have passed', async () => {
    const { mail } = await register();
    const { accessToken } = await login(mail);
    const issuedAt = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(issuedAt + (TTL_SECONDS - 5) * 1000);
      expect((await getMe(`Bearer ${accessToken}`)).statusCode).toBe(200);
      vi.setSystemTime(issuedAt + (TTL_SECONDS + 5) * 1000);
      expect(expectProblem(await getMe(`Bearer ${accessToken}`), 401).code).toBe('token_expired');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses an expired token with token_expired', async () => {
    const { user } = await register();
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setIssuedAt(now - TTL_SECONDS - 60)
      .setExpirationTime(now - 60)
      .sign(await signingKey());
    const response = await getMe(`Bearer ${expired}`);
    const problem = expectProblem(response, 401);
    expect(problem.code).toBe('token_expired');
    expect(problem.detail).toBe('Votre session a expiré : reconnectez-vous.');
    expect(response.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
  });

  it('refuses the token of an account that no longer exists', async () => {
    const now = Math.floor(Date.now() / 1000);
    const orphan = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('00000000-0000-4000-8000-000000000000')
      .setIssuer(ISSUER)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(await signingKey());
    expect(expectProblem(await getMe(`Bearer ${orphan}`), 401).code).toBe('token_invalid');
  });
});

describe('PATCH /me', () => {
  it('updates the personal information, normalising the mobile', async () => {
    const { mail } = await register();
    const { accessToken } = await login(mail);
    const response = await platform().app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${accessToken}`, 'if-match': '"1"' },
      payload: { firstName: ' Camille ', mobile: '07 98 76 54 32' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    expect(response.json()).toMatchObject({
      firstName: 'Camille',
      lastName: 'Lacoste',
      mobile: '+33798765432',
      mail,
    });
  });

  it('refuses to change the mail through PATCH /me', async () => {
    const { mail } = await register();
    const { accessToken } = await login(mail);
    const response = await platform().app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${accessToken}` },
      payload: { mail: 'autre@exemple.fr' },
    });
    expect(expectProblem(response, 400).errors?.[0]?.field).toBe('mail');
  });
});
