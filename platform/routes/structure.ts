import { randomUUID } from 'node:crypto';
import { structureCreateSchema, structurePatchSchema, structureSchema } from '../../shared/domain/structure';
import { z } from '../../shared/zod';
import type { PlatformApp, PlatformContext } from '../context';
import { toStructure } from '../db/mappers';
import type { StructuresTable, UsersTable } from '../db/schema';
import { bearerSecurity, requireUser } from '../http/authenticate';
import { fieldProblem, ProblemError } from '../http/problem';
import { findCompany } from './companies';

const NO_STRUCTURE = 'Aucune structure n’est rattachée à ce compte : indiquez le Siret de votre structure.';

async function structureOf(ctx: PlatformContext, user: UsersTable): Promise<StructuresTable> {
  if (!user.structure_id) throw new ProblemError(404, 'no_structure', NO_STRUCTURE);
  return ctx.db
    .selectFrom('structures')
    .selectAll()
    .where('id', '=', user.structure_id)
    .executeTakeFirstOrThrow();
}

/** `If-Match: "3"` or `If-Match: 3` → 3; absent → undefined. */
function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match)
    throw new ProblemError(400, 'if_match', 'En-tête If-Match invalide : la version attendue est un entier.');
  return Number(match[1]);
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
        // The first account of a structure is its référent.
        const attached = await trx
          .updateTable('users')
          .set({ structure_id: row.id, role: 'referent', updated_at: now })
          .where('id', '=', user.id)
          .where('structure_id', 'is', null)
          .executeTakeFirst();
        if (attached.numUpdatedRows !== 1n)
          throw new ProblemError(409, 'already_attached', 'Votre compte est déjà rattaché à une structure.');
      });
      return reply.code(201).header('ETag', `"${row.version}"`).send(toStructure(row));
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
      return reply.header('ETag', `"${row.version}"`).send(toStructure(row));
    },
  );

  app.patch(
    '/structure',
    {
      schema: {
        tags: ['Structure'],
        summary: 'Modifier ma structure (If-Match: version sur laquelle la modification a été faite)',
        security: bearerSecurity,
        headers: z.object({ 'if-match': z.string().optional() }),
        body: structurePatchSchema,
        response: { 200: structureSchema },
      },
    },
    async (request, reply) => {
      const user = await requireUser(ctx, request);
      const expected = parseIfMatch(request.headers['if-match']);
      const patch = request.body;
      const row = await ctx.db.transaction().execute(async (trx) => {
        const current = await structureOf({ ...ctx, db: trx }, user);
        if (expected !== undefined && expected !== current.version) {
          throw new ProblemError(
            412,
            'version_mismatch',
            'La structure a été modifiée entre-temps par quelqu’un d’autre.',
          );
        }
        const set: Partial<StructuresTable> = {};
        if (patch.headcountBand !== undefined) set.headcount_band = patch.headcountBand;
        if (patch.tradeName !== undefined) set.trade_name = patch.tradeName;
        if (patch.email !== undefined) set.email = patch.email;
        if (patch.phone !== undefined) set.phone = patch.phone;
        if (patch.website !== undefined) set.website = patch.website;
        if (patch.acceptsThirdGradeInterns !== undefined)
          set.accepts_third_grade_interns = patch.acceptsThirdGradeInterns ? 1 : 0;
        if (patch.acceptsSecondGradeInterns !== undefined)
          set.accepts_second_grade_interns = patch.acceptsSecondGradeInterns ? 1 : 0;
        return trx
          .updateTable('structures')
          .set({ ...set, version: current.version + 1, updated_at: new Date().toISOString() })
          .where('id', '=', current.id)
          .returningAll()
          .executeTakeFirstOrThrow();
      });
      return reply.header('ETag', `"${row.version}"`).send(toStructure(row));
    },
  );
}
