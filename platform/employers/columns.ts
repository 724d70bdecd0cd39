import { employerFromColumns } from '../../shared/db/rows';
import type { Employer } from '../../shared/domain/employers';
import type { EmployersTable } from '../db/schema';

/** A partner employer as the API and the feed carry it (the desktop's cache maps the same columns). */
export function toEmployer(row: EmployersTable): Employer {
  return employerFromColumns(row);
}
