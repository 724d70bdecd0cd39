import { decodeJwt, SignJWT } from 'jose';
import { loadSigningKey } from './tokens';
import { describe, expect, it } from 'vitest';
import { apiCaller, expectProblem, newSignedInAccount, usePlatform } from '../test-support';

const ISSUER = 'plateforme-alternance-na';
const PASSWORD = 'Alternance-2026';

const platform = usePlatform({ limits: { registrations: 10_000 } });
const call = apiCaller(platform);

const getMe = (token: string) => call('GET', '/me', token);
const refresh = (refreshToken: string) => call('POST', '/auth/refresh', undefined, { refreshToken });

/** The platform's own signing key, to forge tokens it would sign. */
const signingKey = () => loadSigningKey(platform().db);

/** A token signed with the platform's own key, with only the claims the test sets. */
async function forge(claims: Record<string, unknown>, set: (jwt: SignJWT) => SignJWT): Promise<string> {
  return set(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' })).sign(await signingKey());
}

describe('access tokens of a closed session', () => {
  it('refuses the access token at once after /auth/logout', async () => {
    const session = await newSignedInAccount(platform());
    expect((await getMe(session.token)).statusCode).toBe(200);
    expect(
      (await call('POST', '/auth/logout', undefined, { refreshToken: session.refreshToken })).statusCode,
    ).toBe(204);
    const response = await getMe(session.token);
    const problem = expectProblem(response, 401);
    expect(problem.code).toBe('session_revoked');
    expect(problem.detail).toBe('Cette session a été fermée : reconnectez-vous.');
    expect(response.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
  });

  it('refuses every access token of a family revoked by a replayed refresh token, and only those', async () => {
    const session = await newSignedInAccount(platform());
    const other = await call('POST', '/auth/login', undefined, { mail: session.mail, password: PASSWORD });
    const rotated = (await refresh(session.refreshToken)).json<{ accessToken: string }>();
    expect((await getMe(rotated.accessToken)).statusCode).toBe(200);

    expectProblem(await refresh(session.refreshToken), 401);
    expect(expectProblem(await getMe(session.token), 401).code).toBe('session_revoked');
    expect(expectProblem(await getMe(rotated.accessToken), 401).code).toBe('session_revoked');
    // The same user's other session is another family: it still works.
    expect((await getMe(other.json<{ accessToken: string }>().accessToken)).statusCode).toBe(200);
  });

  it('ends the other sessions’ access tokens with a password change, and keeps this one', async () => {
    const session = await newSignedInAccount(platform());
    const other = (
      await call('POST', '/auth/login', undefined, { mail: session.mail, password: PASSWORD })
    ).json<{ accessToken: string }>();
    const changed = await call('POST', '/me/password', session.token, {
      currentPassword: PASSWORD,
      newPassword: 'Nouveau-Secret-2027',
    });
    expect(changed.statusCode).toBe(204);
    expect((await getMe(session.token)).statusCode).toBe(200);
    expect(expectProblem(await getMe(other.accessToken), 401).code).toBe('session_revoked');
  });

  it('refuses a staff token that names a session which does not exist', async () => {
    const { user } = await newSignedInAccount(platform());
    const token = await forge({ sid: '00000000-0000-4000-8000-000000000000' }, (jwt) =>
      jwt.setSubject(user.id).setIssuer(ISSUER).setIssuedAt().setExpirationTime('5m'),
    );
    expect(expectProblem(await getMe(token), 401).code).toBe('session_revoked');
  });
});

describe('claims an access token must carry', () => {
  it('refuses a token without exp, even signed with the right key and naming an open session', async () => {
    const { user, token } = await newSignedInAccount(platform());
    const sid = decodeJwt(token).sid;
    const forever = await forge({ sid }, (jwt) => jwt.setSubject(user.id).setIssuer(ISSUER).setIssuedAt());
    const problem = expectProblem(await getMe(forever), 401);
    expect(problem.code).toBe('token_invalid');
    expect(problem.detail).toBe('Jeton d’accès invalide.');
    // The same claims with an expiry pass: only `exp` was missing.
    const bounded = await forge({ sid }, (jwt) =>
      jwt.setSubject(user.id).setIssuer(ISSUER).setIssuedAt().setExpirationTime('5m'),
    );
    expect((await getMe(bounded)).statusCode).toBe(200);
  });

  it.each([
    ['sub', (jwt: SignJWT) => jwt.setIssuer(ISSUER).setExpirationTime('5m')],
    ['iss', (jwt: SignJWT) => jwt.setSubject('x').setExpirationTime('5m')],
  ])('refuses a token without %s', async (_claim, set) => {
    const { token } = await newSignedInAccount(platform());
    const forged = await forge({ sid: decodeJwt(token).sid }, set);
    expect(expectProblem(await getMe(forged), 401).code).toBe('token_invalid');
  });

  it('refuses a staff token that names no session', async () => {
    const { user } = await newSignedInAccount(platform());
    const unnamed = await forge({}, (jwt) =>
      jwt.setSubject(user.id).setIssuer(ISSUER).setIssuedAt().setExpirationTime('5m'),
    );
    expect(expectProblem(await getMe(unnamed), 401).code).toBe('token_invalid');
  });

  it('refuses a candidate token without exp on candidate routes', async () => {
    const registered = await call('POST', '/candidates/register', undefined, {
      mail: 'sans.expiration@exemple.fr',
      password: PASSWORD,
      firstName: 'Inès',
      lastName: 'Durand',
      mobile: '0612345678',
      birthDate: '2007-05-04',
      consent: true,
    });
    expect(registered.statusCode).toBe(201);
    const { candidateId } = registered.json<{ candidateId: string }>();
    const forever = await forge({ kind: 'candidate' }, (jwt) =>
      jwt.setSubject(candidateId).setIssuer(ISSUER).setIssuedAt(),
    );
    expect(expectProblem(await call('GET', '/candidate/profiles', forever), 401).code).toBe('token_invalid');
  });
});
