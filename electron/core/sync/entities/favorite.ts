import { favoriteFromColumns, favoriteToColumns } from '../../../../shared/db/profile-rows';
import { favoriteSchema } from '../../../../shared/domain/profiles';
import { cacheCarriedProfile } from './followers';
import { defineEntity } from './types';

export const favoriteEntity = defineEntity({
  name: 'favorite',
  label: 'Favori',
  table: 'favorite',
  schema: favoriteSchema,
  toColumns: (data) => ({ ...favoriteToColumns(data) }),
  fromColumns: (row) => favoriteFromColumns(row as never),
  // Its id is its profile's: adding it again is harmless (PUT).
  createRequest: (id) => ({ method: 'PUT', path: `/favorites/${id}`, body: {} }),
  deletePath: (id) => `/favorites/${id}`,
  follow: { written: (tx, data, row) => cacheCarriedProfile(tx, data.profile, row) },
});
