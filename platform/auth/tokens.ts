import { createHash, createSecretKey, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { TokenPair } from '../../shared/api/auth';
import type { PlatformDb } from '../db/open';
import { ProblemError } from '../http/problem';

const ISSUER = 'plateforme-alternance-na';
const REFRESH_TOKEN_DAYS = 30;

export const SESSION_EXPIRED = 'Votre session a expiré : reconnectez-vous.';
export const SESSION_CLOSED = 'Cette session a été fermée : reconnectez-vous.';
const INVALID_TOKEN = 'Jeton d’accès invalide.';

const tokenProblem = (code: string, detail: string) =>
  new ProblemError(401, code, detail, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });

export interface TokenConfig {
  accessTokenTtlSeconds: number;
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** The HMAC key signing access tokens, created once per platform database. */
export async function loadSigningKey(db: PlatformDb): Promise<Uint8Array> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'jwt_secret')
    .executeTakeFirst();
  if (row) return Buffer.from(row.value, 'base64url');
  const secret = randomBytes(32).toString('base64url');
  await db
    .insertInto('settings')
    .values({ key: 'jwt_secret', value: secret })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return loadSigningKey(db);
}

/** Staff accounts use the desktop; candidate accounts only the candidate routes. */
export type AccountKind = 'staff' | 'candidate';

/** Who a valid access token speaks for: a staff user in a session, or a candidate. */
export type AccessClaims =
  /** `sessionId`: the refresh-token family the access token was issued with. */
  { kind: 'staff'; userId: string; sessionId: string } | { kind: 'candidate'; userId: string };

export class TokenService {
  // A KeyObject, imported once: jose would import raw bytes again at every verification.
  private readonly key: KeyObject;

  constructor(
    private readonly db: PlatformDb,
    secret: Uint8Array,
    private readonly config: TokenConfig,
  ) {
    this.key = createSecretKey(secret);
  }

  // `sid` names the session (the refresh-token family), so that a password change can end the
  // user's other sessions and keep this one.
  private signAccessToken(userId: string, sessionId: string): Promise<string> {
    return new SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.config.accessTokenTtlSeconds}s`)
      .sign(this.key);
  }

  // `kind: 'candidate'` marks a candidate's token: the same key signs both, and without the claim
  // a candidate's id could pass for a user's on staff routes (and the other way round).
  private signCandidateToken(candidateId: string): Promise<string> {
    return new SignJWT({ kind: 'candidate' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(candidateId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.config.accessTokenTtlSeconds}s`)
      .sign(this.key);
  }

  /** A candidate's access token (candidates have no refresh token: they sign in again). */
  async issueCandidate(candidateId: string): Promise<{ accessToken: string; expiresIn: number }> {
    return {
      accessToken: await this.signCandidateToken(candidateId),
      expiresIn: this.config.accessTokenTtlSeconds,
    };
  }

  /**
   * Returns the account, its kind and its session, or throws a 401 problem. A staff token must
   * name its session (`sid`) and that session must still be open: a logout, or a replayed refresh
   * token revoking the family, ends its access tokens at once, not when they expire. Candidates'
   * tokens name no session (candidates have no refresh token).
   */
  async verifyAccessToken(token: string): Promise<AccessClaims> {
    let claims: AccessClaims;
    try {
      // Without requiredClaims jose accepts a token without `exp` forever.
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'sub', 'iss'],
      });
      if (!payload.sub) throw new Error('no subject');
      if (payload.kind === 'candidate') {
        claims = { kind: 'candidate', userId: payload.sub };
      } else {
        if (typeof payload.sid !== 'string' || !payload.sid) throw new Error('no session');
        claims = { kind: 'staff', userId: payload.sub, sessionId: payload.sid };
      }
    } catch (error) {
      const expired = error instanceof joseErrors.JWTExpired;
      throw tokenProblem(
        expired ? 'token_expired' : 'token_invalid',
        expired ? SESSION_EXPIRED : INVALID_TOKEN,
      );
    }
    if (claims.kind === 'staff' && !(await this.isSessionOpen(claims.userId, claims.sessionId))) {
      throw tokenProblem('session_revoked', SESSION_CLOSED);
    }
    return claims;
  }

  /**
   * A session is open while its family still has a refresh token neither revoked nor expired.
   * One indexed read per request and no cache: several platform instances share the database,
   * and a revocation by any of them must hold everywhere at once.
   */
  private async isSessionOpen(userId: string, sessionId: string): Promise<boolean> {
    const open = await this.db
      .selectFrom('refresh_tokens')
      .select('id')
      .where('family_id', '=', sessionId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', new Date().toISOString())
      .limit(1)
      .executeTakeFirst();
    return open !== undefined;
  }

  /** A new session: access token and the first refresh token of a new family. */
  async issue(userId: string): Promise<TokenPair> {
    return this.issueInFamily(this.db, userId, randomUUID());
  }

  private async issueInFamily(db: PlatformDb, userId: string, familyId: string): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    const now = new Date();
    await db
      .insertInto('refresh_tokens')
      .values({
        id: randomUUID(),
        user_id: userId,
        family_id: familyId,
        token_hash: sha256(refreshToken),
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + REFRESH_TOKEN_DAYS * 86_400_000).toISOString(),
        revoked_at: null,
        replaced_by: null,
      })
      .execute();
    return {
      accessToken: await this.signAccessToken(userId, familyId),
      accessTokenExpiresIn: this.config.accessTokenTtlSeconds,
      refreshToken,
    };
  }

  /**
   * Rotates a refresh token. A token used twice means it leaked (or a copy was replayed):
   * the whole family is revoked and both holders must sign in again.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    // Refusals are returned, not thrown, inside the transaction: throwing would roll back the
    // revocation of the family that a replayed token must cause.
    const pair = await this.db.transaction().execute(async (trx): Promise<TokenPair | null> => {
      const row = await trx
        .selectFrom('refresh_tokens')
        .selectAll()
        .where('token_hash', '=', sha256(refreshToken))
        .executeTakeFirst();
      if (!row) return null;
      const now = new Date().toISOString();
      if (row.revoked_at) {
        await trx
          .updateTable('refresh_tokens')
          .set({ revoked_at: now })
          .where('family_id', '=', row.family_id)
          .where('revoked_at', 'is', null)
          .execute();
        return null;
      }
      if (row.expires_at <= now) return null;
      const next = await this.issueInFamily(trx, row.user_id, row.family_id);
      const nextRow = await trx
        .selectFrom('refresh_tokens')
        .select('id')
        .where('token_hash', '=', sha256(next.refreshToken))
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('refresh_tokens')
        .set({ revoked_at: now, replaced_by: nextRow.id })
        .where('id', '=', row.id)
        .execute();
      return next;
    });
    if (!pair) throw new ProblemError(401, 'refresh_invalid', SESSION_EXPIRED);
    return pair;
  }

  /**
   * Ends every session of the user but `keepSessionId` (all of them without it), in the caller's
   * transaction: their refresh tokens stop working at once.
   */
  async revokeOtherSessions(trx: PlatformDb, userId: string, keepSessionId?: string): Promise<void> {
    let query = trx
      .updateTable('refresh_tokens')
      .set({ revoked_at: new Date().toISOString() })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (keepSessionId) query = query.where('family_id', '!=', keepSessionId);
    await query.execute();
  }

  /** Ends the session of this refresh token (its whole family). Unknown tokens are ignored. */
  async revoke(refreshToken: string): Promise<void> {
    const row = await this.db
      .selectFrom('refresh_tokens')
      .select('family_id')
      .where('token_hash', '=', sha256(refreshToken))
      .executeTakeFirst();
    if (!row) return;
    await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: new Date().toISOString() })
      .where('family_id', '=', row.family_id)
      .where('revoked_at', 'is', null)
      .execute();
  }
}
