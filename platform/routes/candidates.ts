import { randomUUID } from 'node:crypto';
import { credentialsSchema } from '../../shared/domain/account';
import { candidateRegistrationSchema, candidateSessionSchema } from '../../shared/domain/candidates';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../auth/passwords';
import type { PlatformApp, PlatformContext } from '../context';
import { isUniqueViolation } from '../db/errors';
import type { CandidatesTable } from '../db/schema';
import { fieldProblem, ProblemError } from '../http/problem';
import { passwordFailuresPerAddress } from '../http/current-password';
import { rateLimit } from '../http/rate-limit';
import { MAIL_TAKEN, WRONG_CREDENTIALS } from './auth';

const mailTaken = () => fieldProblem(409, 'mail_taken', 'mail', MAIL_TAKEN);

/** Candidates' accounts (DESIGN.md §5): separate from staff's, with tokens only candidate routes accept. */
export async function candidatesRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  app.post(
    '/candidates/register',
    {
      schema: {
        tags: ['Candidats'],
        summary: 'Créer un compte candidat (connecté aussitôt)',
        description:
          'Un compte candidat ne donne accès qu’aux routes /candidate/… ; les routes des structures refusent son jeton (403 `candidate_account`). 409 sur « mail » si un compte candidat a déjà ce mail.',
        body: candidateRegistrationSchema,
        response: { 201: candidateSessionSchema },
      },
      ...rateLimit(ctx.rateLimits, [
        {
          key: (request) => `candidate-register:${request.ip}`,
          max: ctx.limits.registrations,
          windowMs: ctx.limits.registrationWindowMs,
          message: 'Trop de comptes créés depuis cette adresse.',
        },
      ]),
    },
    async (request, reply) => {
      const body = request.body;
      const now = ctx.clock();
      if (body.birthDate >= now.toISOString().slice(0, 10)) {
        throw fieldProblem(422, 'birth_date', 'birthDate', 'La date de naissance doit être passée.');
      }
      const taken = await ctx.db
        .selectFrom('candidates')
        .select('id')
        .where('mail', '=', body.mail)
        .executeTakeFirst();
      if (taken) throw mailTaken();
      const row: CandidatesTable = {
        id: randomUUID(),
        mail: body.mail,
        password_hash: await hashPassword(body.password),
        first_name: body.firstName,
        last_name: body.lastName,
        mobile: body.mobile,
        birth_date: body.birthDate,
        created_at: now.toISOString(),
        version: 1,
      };
      try {
        await ctx.db.insertInto('candidates').values(row).execute();
      } catch (error) {
        // Two registrations of the same mail at once: the unique index decides.
        if (isUniqueViolation(error)) throw mailTaken();
        throw error;
      }
      const session = await ctx.tokens.issueCandidate(row.id);
      return reply.code(201).send({ candidateId: row.id, ...session });
    },
  );

  app.post(
    '/candidates/login',
    {
      schema: {
        tags: ['Candidats'],
        summary: 'Se connecter avec un compte candidat',
        description:
          'Le jeton d’accès n’est pas renouvelable : le candidat se reconnecte quand il a expiré (expiresIn, en secondes).',
        body: credentialsSchema,
        response: { 200: candidateSessionSchema },
      },
      ...rateLimit(ctx.rateLimits, [
        {
          key: (request) =>
            `candidate-login:${request.ip}|${(request.body as { mail?: string } | undefined)?.mail ?? ''}`,
          max: ctx.limits.loginAttempts,
          windowMs: ctx.limits.loginWindowMs,
          message: 'Trop de tentatives de connexion pour ce mail.',
        },
        passwordFailuresPerAddress(ctx),
      ]),
    },
    async (request) => {
      const { mail, password } = request.body;
      const candidate = await ctx.db
        .selectFrom('candidates')
        .select(['id', 'password_hash'])
        .where('mail', '=', mail)
        .executeTakeFirst();
      const valid = candidate
        ? await verifyPassword(candidate.password_hash, password)
        : await verifyAgainstDecoy(password);
      if (!candidate || !valid) throw new ProblemError(401, 'wrong_credentials', WRONG_CREDENTIALS);
      return { candidateId: candidate.id, ...(await ctx.tokens.issueCandidate(candidate.id)) };
    },
  );
}
