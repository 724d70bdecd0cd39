import { alertFromColumns, alertToColumns } from '../../../../shared/db/profile-rows';
import { alertPatchSchema, alertSchema } from '../../../../shared/domain/alerts';
import { offerBoundHiddenFromUser } from '../../offers/offer-bound';
import { cacheCarriedProfile } from './followers';
import { defineEntity } from './types';

export const alertEntity = defineEntity({
  name: 'alert',
  label: 'Alerte',
  table: 'alert',
  schema: alertSchema,
  toColumns: (data) => ({ ...alertToColumns(data) }),
  fromColumns: (row) => alertFromColumns(row as never),
  patchSchema: alertPatchSchema,
  updatePath: (id) => `/alerts/${id}`,
  // An alert the platform dropped (the profile applied, the offer closed) needs no dismissal.
  settledByDeletion: true,
  // Alerts are deleted, unlike applications and contacts: every tombstone is taken as one,
  // and a move with the offer's sharing brings the alert back right after it.
  hiddenFromUser: (tx, id) => offerBoundHiddenFromUser(tx, 'alert', id),
  follow: { written: (tx, data, row) => cacheCarriedProfile(tx, data.profile, row) },
});
