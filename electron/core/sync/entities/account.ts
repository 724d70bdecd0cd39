import { userFromColumns, userToColumns } from '../../../../shared/db/rows';
import { userPatchSchema, userSchema } from '../../../../shared/domain/account';
import { offerBoundHiddenFrom, type OfferBoundTable } from '../../offers/offer-bound';
import { offersHiddenFrom } from '../../offers/visibility';
import { dropLocalRow } from '../local-state';
import { alertEntity } from './alert';
import { applicationEntity } from './application';
import { contactEntity } from './contact';
import { offerEntity } from './offer';
import { defineEntity } from './types';

export const accountEntity = defineEntity({
  name: 'account',
  label: 'Mes informations personnelles',
  table: 'account',
  schema: userSchema,
  toColumns: (data) => ({ ...userToColumns(data) }),
  fromColumns: (row) => userFromColumns(row as never),
  patchSchema: userPatchSchema.strict(),
  updatePath: () => '/me',
  // The platform sends the unshared offers of others to the référent only, and only while they are.
  onServerState: (tx, before, after) => {
    if (before?.role === 'referent' && after.role !== 'referent') {
      // What is bound to offers first: which rows to drop follows from their offers.
      for (const bound of [applicationEntity, contactEntity, alertEntity])
        for (const id of offerBoundHiddenFrom(tx, bound.table as OfferBoundTable, after.id))
          dropLocalRow(tx, bound, id);
      for (const id of offersHiddenFrom(tx, after.id)) dropLocalRow(tx, offerEntity, id);
    }
  },
});
