import { randomUUID } from 'node:crypto';
import type { Employer } from '../../../shared/domain/employers';
import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { EmployerForm } from '../../../shared/domain/employer-rows';
import { planImport } from '../employers/import-rows';
import {
  alreadyPartnered,
  listEmployers,
  partneredSirets,
  partnerStatus,
  readEmployer,
} from '../employers/local-employers';
import { syncEntities } from '../sync/entities';
import { fieldRefusal } from '../field-refusal';
import type { HandlerContext } from './context';
import { requireMember } from './membership';

/**
 * What "Suivi des employeurs" shows of a request until the platform answers: "En attente",
 * without the directory's data (the platform looks the SIRET up when it accepts or refuses).
 */
function waitingEmployer(form: EmployerForm, createdBy: string, now: string): Employer {
  return {
    ...form,
    id: randomUUID(),
    legalName: null,
    tradeName: null,
    nafCode: null,
    nafLabel: null,
    address: null,
    status: 'en_attente',
    refusalReason: null,
    createdBy,
    createdAt: now,
    version: 0,
    updatedAt: now,
  };
}

export function employersHandlers(
  ctx: HandlerContext,
): Pick<
  Handlers,
  'employers.list' | 'employers.get' | 'employers.create' | 'employers.update' | 'employers.import'
> {
  const store = () => ctx.sessions.requireAccount().store;
  return {
    async 'employers.list'() {
      return listEmployers(store());
    },
    async 'employers.get'({ id }) {
      return readEmployer(store(), id);
    },
    async 'employers.create'(form) {
      const { store, sync, user } = await requireMember(ctx);
      const view = waitingEmployer(form, user.id, new Date().toISOString());
      await sync.create(syncEntities.employer, view, form, (tx) => {
        // Checked in the creation's transaction: a double click does not ask twice.
        const status = partnerStatus(tx, form.siret);
        if (status) {
          const message = alreadyPartnered(form.siret, status);
          throw fieldRefusal('siret', message);
        }
      });
      return readEmployer(store, view.id);
    },
    async 'employers.update'({ id, patch }) {
      const { store, sync } = await requireMember(ctx);
      await sync.update(syncEntities.employer, id, patch);
      return readEmployer(store, id);
    },
    async 'employers.import'({ rows }) {
      const { store, sync, user } = await requireMember(ctx);
      const plan = planImport(rows, await store.read(partneredSirets));
      const now = new Date().toISOString();
      await sync.createMany(
        syncEntities.employer,
        plan.accepted.map(({ form }) => ({ view: waitingEmployer(form, user.id, now), payload: form })),
        (tx) => {
          // Asked for by another call since the rows were checked: nothing is imported.
          const partnered = partneredSirets(tx);
          const clash = plan.accepted.find(({ form }) => partnered.has(form.siret));
          if (clash) {
            const reason = alreadyPartnered(clash.form.siret, partnered.get(clash.form.siret)!);
            throw new AppError(
              'conflict',
              `Ligne ${clash.line} : ${reason} Aucun employeur n’a été importé : recommencez l’import.`,
            );
          }
        },
      );
      return { imported: plan.accepted.length, rejected: plan.rejected };
    },
  };
}
