import { employerFromColumns, employerToColumns } from '../../../../shared/db/rows';
import { employerFormSchema, employerPatchSchema, employerSchema } from '../../../../shared/domain/employers';
import { employerDocument } from '../../search/documents';
import { searchable } from './followers';
import { defineEntity } from './types';

export const employerEntity = defineEntity({
  name: 'employer',
  label: 'Employeur partenaire',
  table: 'employer',
  schema: employerSchema,
  toColumns: (data) => ({ ...employerToColumns(data) }),
  fromColumns: (row) => employerFromColumns(row as never),
  patchSchema: employerPatchSchema,
  createSchema: employerFormSchema,
  createPath: () => '/employers',
  updatePath: (id) => `/employers/${id}`,
  follow: searchable('employer', employerDocument),
});
