import type { ExpressionBuilder } from 'kysely';
import type { PlatformDb } from '../db/open';
import type { ApplicationsTable, PlatformDatabase } from '../db/schema';
import type { MemberRow } from '../http/membership';
import { ProblemError } from '../http/problem';

// Who sees an application: whoever sees its offer (../offers/visibility.ts). Every member of the
// structure for a shared offer; otherwise the offer's creator and the structure's référent. For
// the others it does not exist (404), to read or to answer.

const unknownApplication = () =>
  new ProblemError(
    404,
    'application_unknown',
    'Aucune candidature de votre structure ne correspond à cet identifiant.',
  );

/** The rule in SQL, on applications joined to their offer, limited to the member's structure. */
export function applicationsVisibleTo(member: MemberRow) {
  return (eb: ExpressionBuilder<PlatformDatabase, 'applications' | 'offers'>) =>
    eb.and([
      eb('applications.structure_id', '=', member.structure_id),
      member.role === 'referent'
        ? eb.lit(true)
        : eb.or([eb('offers.shared_with_structure', '=', 1), eb('offers.created_by', '=', member.id)]),
    ]);
}

/** An application the member may read and answer. */
export async function applicationToRead(
  db: PlatformDb,
  member: MemberRow,
  id: string,
): Promise<ApplicationsTable> {
  const row = await db
    .selectFrom('applications')
    .innerJoin('offers', 'offers.id', 'applications.offer_id')
    .selectAll('applications')
    .where('applications.id', '=', id)
    .where(applicationsVisibleTo(member))
    .executeTakeFirst();
  if (!row) throw unknownApplication();
  return row;
}
