import { randomUUID } from 'node:crypto';
import { structureToColumns } from '../../shared/db/rows';
import { structureCreateSchema, structurePatchSchema, structureSchema } from '../../shared/domain/structure';
import type { PlatformApp, PlatformContext } from '../context';
import { toStructure } from '../db/mappers';
import type { StructuresTable, UsersTable } from '../db/schema';
import { bearerSecurity, requireUser } from '../http/authenticate';
import { fieldProblem, ProblemError } from '../http/problem';
import { recordStructure, recordUser } from '../sync/log';
import { etag } from '../sync/versions';
import { versionedUpdate, withoutKey } from '../sync/versioned-update';
import { findCompany } from './companies';
import { syncHeaders } from './sync';

const NO_STRUCTURE = 'Aucune structure n’est rattachée à ce compte : indiquez le Siret de votre structure.';

async function structureOf(ctx: PlatformContext, user: UsersTable): Promise<StructuresTable> {
  if (!user.structure_id) throw new ProblemError(404, 'no_structure', NO_STRUCTURE);
  return ctx.db
    .selectFrom('structures')
    .selectAll()
    .where('id', '=', user.structure_id)
    .executeTakeFirstOrThrow();
}

export async function structureRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  app.post(
    '/structure',
    {
      schema: {
        tags: ['Structure'],
        summary: 'Rattacher mon compte à ma structure par son Siret (première connexion)',
        security: bearerSecurity,
        body: structureCreateSchema.strict(),
        response: { 201: structureSchema },
      },
    },
    async (request, reply) => {
      const user = await requireUser(ctx, request);
      if (user.structure_id)
        throw new ProblemError(409, 'already_attached', 'Votre compte est déjà rattaché à une structure.');
      const company = await findCompany(ctx, request.body.siret);
      if (!company.active) {
        throw fieldProblem(
          422,
          'siret_closed',
          'siret',
          'Cet établissement est fermé selon l’annuaire des entreprises.',
        );
      }
      const now = new Date().toISOString();
      const row: StructuresTable = {
        id: randomUUID(),
        siret: company.siret,
        legal_name: company.legalName,
        naf_code: company.nafCode,
        naf_label: company.nafLabel,
        headcount_band: company.headcountBand,
        trade_name: company.tradeName,
        email: null,
        phone: null,
        website: null,
        street: company.address.street,
        postal_code: company.address.postalCode,
        commune_code: company.address.communeCode,
        commune_name: company.address.communeName,
        accepts_third_grade_interns: 0,
        accepts_second_grade_interns: 0,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      const taken = () =>
        fieldProblem(
          409,
          'structure_exists',
          'siret',
          'Cette structure est déjà inscrite sur la plateforme : demandez à son référent de vous ajouter.',
        );
      await ctx.db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('structures')
          .select('id')
          .where('siret', '=', company.siret)
          .executeTakeFirst();
        if (existing) throw taken();
        await trx.insertInto('structures').values(row).execute();
        await recordStructure(trx, row);
        // The first account of a structure is its référent.
        const attached = await trx
          .updateTable('users')
          .set((eb) => ({
            structure_id: row.id,
            structure_joined_at: now,
            role: 'referent',
            updated_at: now,
            version: eb('version', '+', 1),
          }))
          .where('id', '=', user.id)
          .where('structure_id', 'is', null)
          .returningAll()
          .executeTakeFirst();
        if (!attached)
          throw new ProblemError(409, 'already_attached', 'Votre compte est déjà rattaché à une structure.');
        await recordUser(trx, attached);
      });
      return reply.code(201).header('ETag', etag(row.version)).send(toStructure(row));
    },
  );

  app.get(
    '/structure',
    {
      schema: {
        tags: ['Structure'],
        summary: 'Ma structure',
        security: bearerSecurity,
        response: { 200: structureSchema },
      },
    },
    async (request, reply) => {
      const row = await structureOf(ctx, await requireUser(ctx, request));
      return reply.header('ETag', etag(row.version)).send(toStructure(row));
    },
  );

  app.patch(
    '/structure',
    {
      schema: {
        tags: ['Structure'],
        summary: 'Modifier ma structure',
        description:
          'If-Match (obligatoire) : la version sur laquelle la modification a été faite ; 412 avec la structure actuelle (`current`) si elle a changé entre-temps. Idempotency-Key : une seule application par clé.',
        security: bearerSecurity,
        headers: syncHeaders,
        body: structurePatchSchema,
        response: { 200: structureSchema },
      },
    },
    async (request, reply) => {
      const user = await requireUser(ctx, request);
      if (!user.structure_id) throw new ProblemError(404, 'no_structure', NO_STRUCTURE);
      return versionedUpdate(ctx, request, reply, user.id, {
        what: 'La structure',
        load: (trx) => structureOf({ ...ctx, db: trx }, user),
        toBody: toStructure,
        changes: Object.keys(request.body).length > 0,
        update: (trx, current) =>
          trx
            .updateTable('structures')
            .set(
              withoutKey(
                structureToColumns({
                  ...toStructure(current),
                  ...request.body,
                  version: current.version + 1,
                  updatedAt: new Date().toISOString(),
                }),
              ),
            )
            .where('id', '=', current.id)
            .returningAll()
            .executeTakeFirstOrThrow(),
        record: recordStructure,
      });
    },
  );
}
