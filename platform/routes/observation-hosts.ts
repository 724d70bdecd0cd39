import { sql } from 'kysely';
import {
  observationHostsPageSchema,
  observationHostsQuerySchema,
  type ObservationHost,
  type ObservationLevel,
} from '../../shared/domain/observation';
import type { PlatformApp, PlatformContext } from '../context';
import { caseInsensitive } from '../db/dialect/collation';
import type { PlatformDb } from '../db/open';
import type { StructuresTable } from '../db/schema';
import { fieldProblem } from '../http/problem';
import { communesOfNouvelleAquitaine } from '../referentials/load';

export const OBSERVATION_HOSTS_PAGE_SIZE = 20;

let communeCodes: ReadonlySet<string> | undefined;

const levelColumns = {
  troisieme: 'accepts_third_grade_interns',
  seconde: 'accepts_second_grade_interns',
} as const satisfies Record<ObservationLevel, keyof StructuresTable>;

// Word for word the WHERE clause of the partial index structures_observation_hosts (0003).
const hostsOnly = sql<boolean>`(accepts_third_grade_interns = 1 or accepts_second_grade_interns = 1)`;
const hostName = sql<string>`coalesce(trade_name, legal_name)`;

type HostRow = Pick<
  StructuresTable,
  | 'siret'
  | 'naf_label'
  | 'street'
  | 'postal_code'
  | 'commune_code'
  | 'commune_name'
  | 'email'
  | 'phone'
  | 'accepts_third_grade_interns'
  | 'accepts_second_grade_interns'
> & { name: string };

/** The structures that host pupils, by commune and level. */
export function hostsMatching(db: PlatformDb, filters: { commune?: string; niveau?: ObservationLevel }) {
  let hosts = db.selectFrom('structures').where(hostsOnly);
  if (filters.commune !== undefined) hosts = hosts.where('commune_code', '=', filters.commune);
  if (filters.niveau !== undefined) hosts = hosts.where(levelColumns[filters.niveau], '=', 1);
  return hosts;
}

function toHost(row: HostRow): ObservationHost {
  return {
    siret: row.siret,
    name: row.name,
    nafLabel: row.naf_label,
    address: {
      street: row.street,
      postalCode: row.postal_code,
      communeCode: row.commune_code,
      communeName: row.commune_name,
    },
    email: row.email,
    phone: row.phone,
    levels: (Object.keys(levelColumns) as ObservationLevel[]).filter(
      (level) => row[levelColumns[level]] === 1,
    ),
  };
}

export async function observationHostsRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  // Public: pupils and their families look for a host without an account.
  app.get(
    '/observation-hosts',
    {
      schema: {
        tags: ['Annuaire des stages d’observation'],
        summary:
          'Les structures qui accueillent des élèves de troisième ou de seconde en stage d’observation',
        description: `Par commune (code INSEE) et par niveau, ${OBSERVATION_HOSTS_PAGE_SIZE} par page, par nom.`,
        querystring: observationHostsQuerySchema,
        response: { 200: observationHostsPageSchema },
      },
    },
    async (request) => {
      const { commune, niveau, page } = request.query;
      communeCodes ??= new Set(communesOfNouvelleAquitaine().map((c) => c.code));
      if (commune !== undefined && !communeCodes.has(commune)) {
        throw fieldProblem(
          422,
          'commune_unknown',
          'commune',
          'Aucune commune de Nouvelle-Aquitaine n’a ce code INSEE.',
        );
      }
      const hosts = hostsMatching(ctx.db, { commune, niveau });
      const rows = await hosts
        .select([
          'siret',
          hostName.as('name'),
          'naf_label',
          'street',
          'postal_code',
          'commune_code',
          'commune_name',
          'email',
          'phone',
          'accepts_third_grade_interns',
          'accepts_second_grade_interns',
        ])
        .orderBy(caseInsensitive(ctx.db, hostName))
        .orderBy('siret')
        .limit(OBSERVATION_HOSTS_PAGE_SIZE)
        .offset((page - 1) * OBSERVATION_HOSTS_PAGE_SIZE)
        .execute();
      const counted = await hosts.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return {
        hosts: rows.map(toHost),
        page,
        pageSize: OBSERVATION_HOSTS_PAGE_SIZE,
        total: Number(counted.n),
      };
    },
  );
}
