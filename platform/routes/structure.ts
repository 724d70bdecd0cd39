import { randomUUID } from 'node:crypto';
import { structureToColumns } from '../../shared/db/rows';
import type { Company } from '../../shared/domain/company';
import {
  structureAttachmentSchema,
  structureCreateSchema,
  structurePatchSchema,
  structureSchema,
  type StructureAttachment,
} from '../../shared/domain/structure';
import type { PlatformApp, PlatformContext } from '../context';
import { toStructure } from '../db/mappers';
import type { PlatformDb } from '../db/open';
import type { StructuresTable } from '../db/schema';
import { bearerSecurity, requireUser } from '../http/authenticate';
import { assertMember, requireMember } from '../http/membership';
import { fieldProblem, ProblemError } from '../http/problem';
import { attachToStructure } from '../members/role-changes';
import { recordStructure } from '../sync/log';
import { etag } from '../sync/versions';
import { versionedUpdate, withoutKey } from '../sync/versioned-update';
import { findCompany } from './companies';
import { toJoinRequest } from './join-request';
import { syncHeaders } from './sync';

const [createdSchema, pendingSchema] = structureAttachmentSchema.options;

const alreadyAttached = (pending: boolean) =>
  new ProblemError(
    409,
    'already_attached',
    pending
      ? 'Votre compte a déjà une demande de rattachement en attente : annulez-la pour en faire une autre.'
      : 'Votre compte est déjà rattaché à une structure.',
  );

/** A new structure, from the directory's data about its establishment. */
function newStructure(company: Company, now: string): StructuresTable {
  return {
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
    reply_templates: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

function structureById(db: PlatformDb, id: string): Promise<StructuresTable> {
  return db.selectFrom('structures').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function structureRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  app.post(
    '/structure',
    {
      schema: {
        tags: ['Structure'],
        summary: 'Rattacher mon compte à ma structure par son Siret (première connexion)',
        description:
          '201 : la structure n’était pas inscrite, elle l’est et vous en êtes le référent. 202 : elle l’était, votre demande attend la validation de son référent (sauf si elle n’a plus aucun utilisateur : vous en devenez le référent, 201).',
        security: bearerSecurity,
        body: structureCreateSchema.strict(),
        response: { 201: createdSchema, 202: pendingSchema },
      },
    },
    async (request, reply) => {
      const user = await requireUser(ctx, request);
      if (user.structure_id) throw alreadyAttached(user.role === null);
      const company = await findCompany(ctx, request.body.siret);
      if (!company.active) {
        throw fieldProblem(
          422,
          'siret_closed',
          'siret',
          'Cet établissement est fermé selon l’annuaire des entreprises.',
        );
      }
      const attachment = await ctx.db.transaction().execute(async (trx): Promise<StructureAttachment> => {
        let structure = await trx
          .selectFrom('structures')
          .selectAll()
          .where('siret', '=', company.siret)
          .executeTakeFirst();
        let role: 'referent' | 'pending' = 'referent';
        if (!structure) {
          structure = newStructure(company, new Date().toISOString());
          await trx.insertInto('structures').values(structure).execute();
          await recordStructure(trx, structure);
        } else {
          // A structure whose last user closed their account has nobody to approve a request:
          // the first one back becomes its référent.
          const member = await trx
            .selectFrom('users')
            .select('id')
            .where('structure_id', '=', structure.id)
            .limit(1)
            .executeTakeFirst();
          if (member) role = 'pending';
        }
        const attached = await attachToStructure(trx, user.id, structure.id, role);
        if (!attached) throw alreadyAttached(false);
        return role === 'referent'
          ? { status: 'created', structure: toStructure(structure) }
          : { status: 'pending', request: toJoinRequest(structure, attached) };
      });
      if (attachment.status === 'pending') return reply.code(202).send(attachment);
      return reply.code(201).header('ETag', etag(attachment.structure.version)).send(attachment);
    },
  );

  app.get(
    '/structure',
    {
      schema: {
        tags: ['Structure'],
        summary: 'Ma structure',
        description: '403 tant que la demande de rattachement attend la validation du référent.',
        security: bearerSecurity,
        response: { 200: structureSchema },
      },
    },
    async (request, reply) => {
      const { structureId } = await requireMember(ctx, request);
      const row = await structureById(ctx.db, structureId);
      return reply.header('ETag', etag(row.version)).send(toStructure(row));
    },
  );

  app.patch(
    '/structure',
    {
      schema: {
        tags: ['Structure'],
        summary: 'Modifier ma structure (référent ou gestionnaire)',
        description:
          'If-Match (obligatoire) : la version sur laquelle la modification a été faite ; 412 avec la structure actuelle (`current`) si elle a changé entre-temps. Idempotency-Key : une seule application par clé.',
        security: bearerSecurity,
        headers: syncHeaders,
        body: structurePatchSchema,
        response: { 200: structureSchema },
      },
    },
    async (request, reply) => {
      const { user } = await requireMember(ctx, request);
      return versionedUpdate(ctx, request, reply, user.id, {
        what: 'La structure',
        load: async (trx) => {
          // The user may have been removed from the structure since the check above.
          const now = await trx
            .selectFrom('users')
            .selectAll()
            .where('id', '=', user.id)
            .executeTakeFirstOrThrow();
          assertMember(now);
          return structureById(trx, now.structure_id);
        },
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
