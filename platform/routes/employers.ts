import {
  employerCreateSchema,
  employerPatchSchema,
  employerSchema,
  type EmployerCreate,
} from '../../shared/domain/employers';
import { uuidSchema } from '../../shared/domain/fields';
import { z } from '../../shared/zod';
import type { PlatformApp, PlatformContext } from '../context';
import { isUniqueViolation } from '../db/errors';
import type { PlatformDb } from '../db/open';
import type { EmployersTable } from '../db/schema';
import { toEmployer } from '../employers/columns';
import { screenEmployer } from '../employers/screening';
import { bearerSecurity } from '../http/authenticate';
import { reloadMember, requireMember } from '../http/membership';
import { ProblemError } from '../http/problem';
import { idTaken } from '../sync/client-ids';
import { idempotent } from '../sync/idempotency';
import { recordEmployer } from '../sync/log';
import { etag } from '../sync/versions';
import { versionedUpdate, withoutKey } from '../sync/versioned-update';
import { idempotencyHeaders, syncHeaders } from './sync';

const employerParams = z.object({ id: uuidSchema });

const unknownEmployer = () =>
  new ProblemError(
    404,
    'employer_unknown',
    'Aucun employeur de votre structure ne correspond à cet identifiant.',
  );

async function employerOf(db: PlatformDb, structureId: string, id: string): Promise<EmployersTable> {
  const row = await db
    .selectFrom('employers')
    .selectAll()
    .where('id', '=', id)
    .where('structure_id', '=', structureId)
    .executeTakeFirst();
  if (!row) throw unknownEmployer();
  return row;
}

export async function employersRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  app.get(
    '/employers',
    {
      schema: {
        tags: ['Employeurs partenaires'],
        summary: 'Les employeurs partenaires de ma structure (demandes acceptées et refusées)',
        description:
          'Par date de demande. 403 tant que la demande de rattachement attend la validation du référent.',
        security: bearerSecurity,
        response: { 200: z.array(employerSchema) },
      },
    },
    async (request) => {
      const { structureId } = await requireMember(ctx, request);
      const rows = await ctx.db
        .selectFrom('employers')
        .selectAll()
        .where('structure_id', '=', structureId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toEmployer);
    },
  );

  app.post(
    '/employers',
    {
      schema: {
        tags: ['Employeurs partenaires'],
        summary: 'Ajouter un employeur : la plateforme accepte ou refuse la demande aussitôt',
        description:
          'Toujours 201 avec l’employeur : « acceptee » avec les données de l’annuaire (raison sociale, nom commercial, code et libellé NAF, adresse), ou « refusee » avec `refusalReason` (Siret inconnu de l’annuaire, établissement fermé, employeur déjà partenaire de la structure). 409 si l’identifiant est déjà pris. Idempotency-Key : une requête rejouée reçoit la même réponse.',
        security: bearerSecurity,
        headers: idempotencyHeaders,
        body: employerCreateSchema,
        response: { 201: employerSchema },
      },
    },
    async (request, reply) => {
      const { user } = await requireMember(ctx, request);
      const body: EmployerCreate = request.body;
      try {
        const outcome = await idempotent(ctx, request, user.id, async (trx) => {
          const member = await reloadMember(trx, user.id);
          const taken = await trx
            .selectFrom('employers')
            .select('id')
            .where('id', '=', body.id)
            .executeTakeFirst();
          if (taken) throw idTaken('Un employeur');
          const row = await screenEmployer(trx, ctx.nafLabels, {
            structureId: member.structure_id,
            createdBy: member.id,
            now: ctx.clock().toISOString(),
            body,
          });
          await trx.insertInto('employers').values(row).execute();
          await recordEmployer(trx, row);
          return { status: 201, body: toEmployer(row) };
        });
        const employer = outcome.body as z.infer<typeof employerSchema>;
        return reply.code(201).header('ETag', etag(employer.version)).send(employer);
      } catch (error) {
        // Writes are serialised, so the screening sees the other request's partnership; the index
        // is the last line of defence, and its refusal a conflict, not an internal error.
        if (isUniqueViolation(error)) {
          throw new ProblemError(
            409,
            'employers_changed',
            'Cet employeur vient d’être ajouté aux partenaires de votre structure par ailleurs : rechargez la liste.',
          );
        }
        throw error;
      }
    },
  );

  app.get(
    '/employers/:id',
    {
      schema: {
        tags: ['Employeurs partenaires'],
        summary: 'Un employeur partenaire de ma structure',
        security: bearerSecurity,
        params: employerParams,
        response: { 200: employerSchema },
      },
    },
    async (request, reply) => {
      const { structureId } = await requireMember(ctx, request);
      const row = await employerOf(ctx.db, structureId, request.params.id);
      return reply.header('ETag', etag(row.version)).send(toEmployer(row));
    },
  );

  app.patch(
    '/employers/:id',
    {
      schema: {
        tags: ['Employeurs partenaires'],
        summary: 'Modifier le contact d’un employeur partenaire',
        description:
          'Seul le contact change : le reste vient de l’annuaire. If-Match (obligatoire) : la version sur laquelle la modification a été faite ; 412 avec l’employeur actuel (`current`) s’il a changé entre-temps. Idempotency-Key : une seule application par clé.',
        security: bearerSecurity,
        headers: syncHeaders,
        params: employerParams,
        body: employerPatchSchema,
        response: { 200: employerSchema },
      },
    },
    async (request, reply) => {
      const { user } = await requireMember(ctx, request);
      const patch = request.body;
      return versionedUpdate(ctx, request, reply, user.id, {
        what: 'L’employeur',
        load: async (trx) =>
          employerOf(trx, (await reloadMember(trx, user.id)).structure_id, request.params.id),
        toBody: toEmployer,
        changes: Object.keys(patch).length > 0,
        update: (trx, current) =>
          trx
            .updateTable('employers')
            .set(
              withoutKey({
                ...current,
                ...(patch.contactLastName !== undefined ? { contact_last_name: patch.contactLastName } : {}),
                ...(patch.contactFirstName !== undefined
                  ? { contact_first_name: patch.contactFirstName }
                  : {}),
                ...(patch.contactMail !== undefined ? { contact_mail: patch.contactMail } : {}),
                ...(patch.contactPhone !== undefined ? { contact_phone: patch.contactPhone } : {}),
                version: current.version + 1,
                updated_at: ctx.clock().toISOString(),
              }),
            )
            .where('id', '=', current.id)
            .returningAll()
            .executeTakeFirstOrThrow(),
        record: recordEmployer,
      });
    },
  );
}
