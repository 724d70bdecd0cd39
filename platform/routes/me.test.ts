import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { changesPageSchema } from '../../shared/api/sync';
import { accountExportSchema, userSchema } from '../../shared/domain/account';
import { structureAttachmentSchema } from '../../shared/domain/structure';
import { apiCaller, expectProblem, freeSirets, newSignedInAccount, usePlatform } from '../test-support';

const PASSWORD = 'Alternance-2026';
const NEW_PASSWORD = 'Nouveau-Secret-2027';
const PASSWORD_CHECKS = 5;

const platform = usePlatform({
  limits: { registrations: 10_000, loginAttempts: PASSWORD_CHECKS, loginWindowMs: 60 * 60_000 },
});

const call = apiCaller(platform);

const nextFreeSiret = freeSirets();

const account = () => newSignedInAccount(platform(), PASSWORD);

function login(mail: string, password = PASSWORD) {
  return call('POST', '/auth/login', undefined, { mail, password });
}

const refresh = (refreshToken: string) => call('POST', '/auth/refresh', undefined, { refreshToken });

/** A new account, référent of a new structure. */
async function referent() {
  const me = await account();
  const siret = nextFreeSiret();
  const created = await call('POST', '/structure', me.token, { siret });
  expect(created.statusCode).toBe(201);
  return { ...me, siret, structureId: created.json().structure.id as string };
}

async function pendingOf(siret: string) {
  const me = await account();
  expect((await call('POST', '/structure', me.token, { siret })).statusCode).toBe(202);
  return me;
}

async function structureFeed(structureId: string) {
  return platform()
    .db.selectFrom('sync_log')
    .selectAll()
    .where('structure_id', '=', structureId)
    .orderBy('seq')
    .execute();
}

// ---------------------------------------------------------------------------------------------

describe('POST /me/mail', () => {
  it('changes the mail, one version further, and the structure’s feed follows', async () => {
    const owner = await referent();
    const newMail = `nouveau.${owner.user.id}@exemple.fr`;
    const response = await call('POST', '/me/mail', owner.token, {
      newMail: `  ${newMail.toUpperCase()} `,
      currentPassword: PASSWORD,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"3"');
    expect(userSchema.parse(response.json())).toMatchObject({ id: owner.user.id, mail: newMail, version: 3 });

    expect((await login(newMail)).statusCode).toBe(200);
    expect(expectProblem(await login(owner.mail), 401).code).toBe('wrong_credentials');
    const feed = await structureFeed(owner.structureId);
    for (const entity of ['account', 'member']) {
      const entry = feed.find((r) => r.entity === entity && r.entity_id === owner.user.id)!;
      expect(JSON.parse(entry.data!)).toMatchObject({ mail: newMail, version: 3 });
    }
  });

  it('refuses a wrong current password with 422 on currentPassword, changing nothing', async () => {
    const { token, mail } = await account();
    const problem = expectProblem(
      await call('POST', '/me/mail', token, { newMail: 'ailleurs@exemple.fr', currentPassword: 'Mauvais-1' }),
      422,
    );
    expect(problem.code).toBe('wrong_password');
    expect(problem.errors).toEqual([{ field: 'currentPassword', detail: 'Mot de passe actuel incorrect.' }]);
    expect((await call('GET', '/me', token)).json()).toMatchObject({ mail, version: 1 });
  });

  it('refuses a mail another account has with 409 on newMail', async () => {
    const { token, mail } = await account();
    const other = await account();
    const problem = expectProblem(
      await call('POST', '/me/mail', token, { newMail: other.mail, currentPassword: PASSWORD }),
      409,
    );
    expect(problem.code).toBe('mail_taken');
    expect(problem.errors?.map((e) => e.field)).toEqual(['newMail']);
    expect((await call('GET', '/me', token)).json()).toMatchObject({ mail });
  });

  it('refuses its own mail with 422 on newMail, and an invalid one with 400', async () => {
    const { token, mail } = await account();
    const same = expectProblem(
      await call('POST', '/me/mail', token, { newMail: mail, currentPassword: PASSWORD }),
      422,
    );
    expect(same.errors?.map((e) => e.field)).toEqual(['newMail']);
    const invalid = expectProblem(
      await call('POST', '/me/mail', token, { newMail: 'pas-un-mail', currentPassword: PASSWORD }),
      400,
    );
    expect(invalid.errors?.map((e) => e.field)).toEqual(['newMail']);
  });
});

describe('POST /me/password', () => {
  it('changes the password and ends the other sessions, not this one', async () => {
    const { token, refreshToken, mail } = await account();
    const laptop = (await login(mail)).json();
    const response = await call('POST', '/me/password', token, {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');

    expect(expectProblem(await refresh(laptop.refreshToken), 401).code).toBe('refresh_invalid');
    expect((await refresh(refreshToken)).statusCode).toBe(200);
    expect(expectProblem(await login(mail), 401).code).toBe('wrong_credentials');
    expect((await login(mail, NEW_PASSWORD)).statusCode).toBe(200);
    // The password is no synced data: the account's version did not move.
    expect((await call('GET', '/me', token)).json()).toMatchObject({ version: 1 });
  });

  it('refuses a token that names no session, and changes nothing', async () => {
    const { user, refreshToken } = await account();
    const key = await platform()
      .db.selectFrom('settings')
      .select('value')
      .where('key', '=', 'jwt_secret')
      .executeTakeFirstOrThrow();
    const unnamed = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer('plateforme-alternance-na')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(Buffer.from(key.value, 'base64url'));
    const response = await call('POST', '/me/password', unnamed, {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(expectProblem(response, 401).code).toBe('token_invalid');
    expect((await refresh(refreshToken)).statusCode).toBe(200);
  });

  it('refuses a wrong current password with 422 on currentPassword', async () => {
    const { token, refreshToken, mail } = await account();
    const problem = expectProblem(
      await call('POST', '/me/password', token, { currentPassword: 'Mauvais-1', newPassword: NEW_PASSWORD }),
      422,
    );
    expect(problem.errors).toEqual([{ field: 'currentPassword', detail: 'Mot de passe actuel incorrect.' }]);
    expect((await login(mail)).statusCode).toBe(200);
    expect((await refresh(refreshToken)).statusCode).toBe(200);
  });

  it('refuses the same password again with 422 on newPassword, and a weak one with 400', async () => {
    const { token } = await account();
    const same = expectProblem(
      await call('POST', '/me/password', token, { currentPassword: PASSWORD, newPassword: PASSWORD }),
      422,
    );
    expect(same.code).toBe('same_password');
    expect(same.errors?.map((e) => e.field)).toEqual(['newPassword']);
    const weak = expectProblem(
      await call('POST', '/me/password', token, { currentPassword: PASSWORD, newPassword: 'court' }),
      400,
    );
    expect(weak.errors?.map((e) => e.field)).toEqual(['newPassword']);
  });
});

describe('current password checks', () => {
  it(`are limited to ${PASSWORD_CHECKS} per account across the routes, like logins`, async () => {
    const { token, mail } = await account();
    const wrong = { currentPassword: 'Mauvais-1' };
    const attempts = [
      () => call('POST', '/me/mail', token, { ...wrong, newMail: 'x@exemple.fr' }),
      () => call('POST', '/me/password', token, { ...wrong, newPassword: NEW_PASSWORD }),
      () => call('DELETE', '/me', token, wrong),
    ];
    for (let attempt = 0; attempt < PASSWORD_CHECKS; attempt++) {
      expectProblem(await attempts[attempt % attempts.length]!(), 422);
    }
    // Even the right password is refused now, on any of the three routes.
    const limited = await call('POST', '/me/password', token, {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    const problem = expectProblem(limited, 429);
    expect(problem.code).toBe('rate_limited');
    expect(problem.detail).toMatch(/^Trop de tentatives de mot de passe pour ce compte\. Réessayez dans/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expectProblem(await call('DELETE', '/me', token, { currentPassword: PASSWORD }), 429);
    expect((await login(mail)).statusCode).toBe(200);

    // Another account, from the same address, is not affected.
    const other = await account();
    expect(
      (
        await call('POST', '/me/password', other.token, {
          currentPassword: PASSWORD,
          newPassword: NEW_PASSWORD,
        })
      ).statusCode,
    ).toBe(204);
  });
});

describe('DELETE /me', () => {
  it('refuses a wrong password with 422 on currentPassword', async () => {
    const { token } = await account();
    const problem = expectProblem(await call('DELETE', '/me', token, { currentPassword: 'Mauvais-1' }), 422);
    expect(problem.errors?.map((e) => e.field)).toEqual(['currentPassword']);
    expect((await call('GET', '/me', token)).statusCode).toBe(200);
  });

  it('refuses a référent whose structure has other users, even only a pending one: 409 transfer_first', async () => {
    const owner = await referent();
    await pendingOf(owner.siret);
    const problem = expectProblem(
      await call('DELETE', '/me', owner.token, { currentPassword: PASSWORD }),
      409,
    );
    expect(problem.code).toBe('transfer_first');
    expect(problem.detail).toMatch(/transférez d’abord vos droits/);
    expect((await call('GET', '/me', owner.token)).json()).toMatchObject({ role: 'referent' });
  });

  it('closes a sole référent’s account; the next to register the SIRET becomes its référent', async () => {
    const owner = await referent();
    const key = 'cle-de-test-suppression';
    expect(
      (
        await call(
          'PATCH',
          '/me',
          owner.token,
          { firstName: 'Avant' },
          { 'if-match': '"2"', 'idempotency-key': key },
        )
      ).statusCode,
    ).toBe(200);
    const deleted = await call('DELETE', '/me', owner.token, { currentPassword: PASSWORD });
    expect(deleted.statusCode).toBe(204);

    // Closing the account closed its sessions.
    expect(expectProblem(await call('GET', '/me', owner.token), 401).code).toBe('session_revoked');
    expect(expectProblem(await refresh(owner.refreshToken), 401).code).toBe('refresh_invalid');
    expect(expectProblem(await login(owner.mail), 401).code).toBe('wrong_credentials');
    for (const table of ['refresh_tokens', 'idempotency_keys'] as const) {
      expect(
        await platform()
          .db.selectFrom(table)
          .select('user_id')
          .where('user_id', '=', owner.user.id)
          .execute(),
      ).toEqual([]);
    }
    // Their card is a tombstone, and none of their personal data stays in the feed.
    const feed = await structureFeed(owner.structureId);
    expect(feed.filter((r) => r.entity_id === owner.user.id)).toEqual([
      expect.objectContaining({ entity: 'member', deleted: 1, data: null }),
    ]);
    expect(JSON.stringify(feed)).not.toContain(owner.mail);

    const heir = await account();
    const response = await call('POST', '/structure', heir.token, { siret: owner.siret });
    expect(response.statusCode).toBe(201);
    const attachment = structureAttachmentSchema.parse(response.json());
    expect(attachment).toMatchObject({ status: 'created', structure: { id: owner.structureId } });
    expect((await call('GET', '/me', heir.token)).json()).toMatchObject({
      structureId: owner.structureId,
      role: 'referent',
    });
    // Their first pull gets the structure, their cards, and the former référent's tombstone.
    const page = changesPageSchema.parse((await call('GET', '/sync/changes', heir.token)).json());
    expect(page.changes.map((c) => [c.entity, c.id, c.deleted])).toEqual([
      ['structure', owner.structureId, false],
      ['member', owner.user.id, true],
      ['account', heir.user.id, false],
      ['member', heir.user.id, false],
    ]);
  });

  it('lets a gestionnaire leave: a tombstone for the others', async () => {
    const owner = await referent();
    const gestionnaire = await pendingOf(owner.siret);
    expect(
      (await call('POST', `/structure/members/${gestionnaire.user.id}/approve`, owner.token)).statusCode,
    ).toBe(200);
    expect((await call('DELETE', '/me', gestionnaire.token, { currentPassword: PASSWORD })).statusCode).toBe(
      204,
    );
    const members = (await call('GET', '/structure/members', owner.token)).json();
    expect(members.map((m: { id: string }) => m.id)).toEqual([owner.user.id]);
    const pulled = changesPageSchema.parse((await call('GET', '/sync/changes', owner.token)).json());
    expect(pulled.changes.at(-1)).toMatchObject({
      entity: 'member',
      id: gestionnaire.user.id,
      deleted: true,
    });
  });
});

describe('GET /me/export', () => {
  it('gives the account, the structure and the sessions, without any secret', async () => {
    const owner = await referent();
    const second = (await login(owner.mail)).json();
    expect((await refresh(second.refreshToken)).statusCode).toBe(200);
    const response = await call('GET', '/me/export', owner.token);
    expect(response.statusCode).toBe(200);
    const exported = accountExportSchema.parse(response.json());
    expect(exported).toEqual({
      exportedAt: expect.any(String),
      account: {
        id: owner.user.id,
        mail: owner.mail,
        firstName: 'Claire',
        lastName: 'Lacoste',
        mobile: '+33612345678',
        createdAt: owner.user.createdAt,
        updatedAt: expect.any(String),
        consentAt: expect.any(String),
      },
      structure: {
        siret: owner.siret,
        legalName: expect.any(String),
        membership: 'referent',
        since: expect.any(String),
      },
      // Two sign-ins, one of them refreshed once: two sessions, both open.
      sessions: [
        { createdAt: expect.any(String), expiresAt: expect.any(String), revokedAt: null },
        { createdAt: expect.any(String), expiresAt: expect.any(String), revokedAt: null },
      ],
    });
    const hashes = await platform()
      .db.selectFrom('refresh_tokens')
      .select('token_hash')
      .where('user_id', '=', owner.user.id)
      .execute();
    for (const secret of [owner.refreshToken, second.refreshToken, ...hashes.map((h) => h.token_hash)])
      expect(response.body).not.toContain(secret);
    expect(response.body).not.toMatch(/argon|password|hash/i);

    // A closed session says when.
    expect(
      (await call('POST', '/auth/logout', undefined, { refreshToken: owner.refreshToken })).statusCode,
    ).toBe(204);
    // That session's access token ended with it: the other one asks.
    const after = accountExportSchema.parse((await call('GET', '/me/export', second.accessToken)).json());
    expect(after.sessions.map((s) => s.revokedAt === null)).toEqual([false, true]);
  });

  it('shows a pending request as such, and no structure without one', async () => {
    const owner = await referent();
    const pending = await pendingOf(owner.siret);
    expect(
      accountExportSchema.parse((await call('GET', '/me/export', pending.token)).json()).structure,
    ).toEqual({
      siret: owner.siret,
      legalName: expect.any(String),
      membership: 'pending',
      since: expect.any(String),
    });
    const alone = await account();
    expect(
      accountExportSchema.parse((await call('GET', '/me/export', alone.token)).json()).structure,
    ).toBeNull();
  });
});
