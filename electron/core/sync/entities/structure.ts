import { structureFromColumns, structureToColumns } from '../../../../shared/db/rows';
import { structurePatchSchema, structureSchema } from '../../../../shared/domain/structure';
import { defineEntity } from './types';

export const structureEntity = defineEntity({
  name: 'structure',
  label: 'Ma structure',
  table: 'structure',
  schema: structureSchema,
  toColumns: (data) => ({ ...structureToColumns(data) }),
  fromColumns: (row) => structureFromColumns(row as never),
  patchSchema: structurePatchSchema,
  updatePath: () => '/structure',
});
