import { memberFromColumns, memberToColumns } from '../../../../shared/db/rows';
import { memberSchema } from '../../../../shared/domain/account';
import { defineEntity } from './types';

/** The structure's users, as the platform lists them (never edited here). */
export const memberEntity = defineEntity({
  name: 'member',
  label: 'Utilisateurs de ma structure',
  table: 'member',
  schema: memberSchema,
  toColumns: (data) => ({ ...memberToColumns(data) }),
  fromColumns: (row) => memberFromColumns(row as never),
});
