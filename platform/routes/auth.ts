import { randomUUID } from 'node:crypto';
import { loginResponseSchema, refreshRequestSchema, tokenPairSchema } from '../../shared/api/auth';
import { credentialsSchema, registrationSchema, userSchema } from '../../shared/domain/account';
import { z } from '../../shared/zod';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../auth/passwords';
import type { PlatformApp, PlatformContext } from '../context';
import { isUniqueViolation } from '../db/errors';
import { toUser } from '../db/mappers';
import { candidateAccount } from '../http/authenticate';
import { fieldProblem, ProblemError } from '../http/problem';
import { passwordFailuresPerAddress } from '../http/current-password';
import { rateLimit } from '../http/rate-limit';

export const WRONG_CREDENTIALS = 'Mail ou mot de passe incorrect';
export const MAIL_TAKEN = 'Un compte existe déjà avec ce mail.';

/**
 * A mail without a staff account: when it is a candidate's and the password is theirs, they
 * learn that the desktop is not for them (403 `candidate_account`) rather than that their
 * password is wrong. Only the password's holder learns it; anyone else gets the usual refusal,
 * after as long a check.
 */
async function refuseCandidate(ctx: PlatformContext, mail: string, password: string): Promise<void> {
  const candidate = await ctx.db
    .selectFrom('candidates')
    .select('password_hash')
    .where('mail', '=', mail)
    .executeTakeFirst();
  if (!candidate) {
    await verifyAgainstDecoy(password);
    return;
  }
  if (await verifyPassword(candidate.password_hash, password)) throw candidateAccount();
}

export async function authRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  app.post(
    '/auth/register',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Créer un compte',
        body: registrationSchema,
        response: { 201: userSchema },
      },
      ...rateLimit(ctx.rateLimits, [
        {
          key: (request) => `register:${request.ip}`,
          max: ctx.limits.registrations,
          windowMs: ctx.limits.registrationWindowMs,
          message: 'Trop de comptes créés depuis cette adresse.',
        },
      ]),
    },
    async (request, reply) => {
      const body = request.body;
      const now = new Date().toISOString();
      const taken = await ctx.db
        .selectFrom('users')
        .select('id')
        .where('mail', '=', body.mail)
        .executeTakeFirst();
      if (taken) throw fieldProblem(409, 'mail_taken', 'mail', MAIL_TAKEN);
      const row = {
        id: randomUUID(),
        mail: body.mail,
        password_hash: await hashPassword(body.password),
        first_name: body.firstName,
        last_name: body.lastName,
        mobile: body.mobile,
        consent_at: now,
        structure_id: null,
        structure_joined_at: null,
        role: null,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      try {
        await ctx.db.insertInto('users').values(row).execute();
      } catch (error) {
        // Two registrations of the same mail at once: the unique index decides.
        if (isUniqueViolation(error)) throw fieldProblem(409, 'mail_taken', 'mail', MAIL_TAKEN);
        throw error;
      }
      return reply.code(201).send(toUser(row));
    },
  );

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Se connecter',
        description:
          '401 `wrong_credentials` pour un mail ou un mot de passe incorrect ; 403 `candidate_account` pour les identifiants d’un compte candidat (l’application est réservée aux structures).',
        body: credentialsSchema,
        response: { 200: loginResponseSchema },
      },
      ...rateLimit(ctx.rateLimits, [
        {
          key: (request) =>
            `login:${request.ip}|${(request.body as { mail?: string } | undefined)?.mail ?? ''}`,
          max: ctx.limits.loginAttempts,
          windowMs: ctx.limits.loginWindowMs,
          message: 'Trop de tentatives de connexion pour ce mail.',
        },
        passwordFailuresPerAddress(ctx),
      ]),
    },
    async (request) => {
      const { mail, password } = request.body;
      const user = await ctx.db.selectFrom('users').selectAll().where('mail', '=', mail).executeTakeFirst();
      if (!user) {
        await refuseCandidate(ctx, mail, password);
        throw new ProblemError(401, 'wrong_credentials', WRONG_CREDENTIALS);
      }
      if (!(await verifyPassword(user.password_hash, password))) {
        throw new ProblemError(401, 'wrong_credentials', WRONG_CREDENTIALS);
      }
      const tokens = await ctx.tokens.issue(user.id);
      return { ...tokens, user: toUser(user) };
    },
  );

  app.post(
    '/auth/refresh',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Renouveler le jeton d’accès (le jeton de renouvellement est remplacé)',
        body: refreshRequestSchema,
        response: { 200: tokenPairSchema },
      },
    },
    async (request) => ctx.tokens.refresh(request.body.refreshToken),
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Se déconnecter (révoque le jeton de renouvellement)',
        body: refreshRequestSchema,
        response: { 204: z.null().describe('Déconnecté') },
      },
    },
    async (request, reply) => {
      await ctx.tokens.revoke(request.body.refreshToken);
      return reply.code(204).send(null);
    },
  );
}
