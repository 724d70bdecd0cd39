import { allApplications, allOffers, employers, type BenchDesktop } from './desktops';
import type { Expectations } from './mix';
import { BENCH_PASSWORD, type BenchStructure } from './population';

// The end of bench:platform: every desktop's cache against the platform's feed, and everything
// acknowledged during the run against what the platform holds.

interface FeedEntry {
  entity: string;
  id: string;
  version: number;
  deleted: boolean;
  data: Record<string, unknown> | null;
}

/** The whole feed of a structure as its référent reads it. */
async function feedOf(base: string, mail: string): Promise<FeedEntry[]> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ mail, password: BENCH_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const entries: FeedEntry[] = [];
  for (let since = 0; ;) {
    const response = await fetch(`${base}/api/v1/sync/changes?since=${since}&limit=5000`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    const page = (await response.json()) as { changes: FeedEntry[]; cursor: number; hasMore: boolean };
    entries.push(...page.changes);
    since = page.cursor;
    if (!page.hasMore) return entries;
  }
}

export interface Convergence {
  /** Acknowledged work the platform does not hold, and platform rows a desktop lacks (or holds older). */
  lost: number;
  /** Rows the platform holds twice, or holds without anyone having been told they were accepted. */
  duplicated: number;
  /** Desktops left with changes waiting, refused or in conflict after the final syncs. */
  stuck: number;
  details: string[];
}

export async function checkConvergence(
  base: string,
  structures: BenchStructure[],
  desktops: BenchDesktop[],
  expected: Expectations,
  stuckDesktops: number,
): Promise<Convergence> {
  const details: string[] = [];
  let lost = 0;
  let duplicated = 0;
  const truth = new Map<string, FeedEntry>();
  const truthOf = new Map<string, Map<string, FeedEntry>>();
  const platformApplications = new Set<string>();
  for (const structure of structures) {
    const feed = await feedOf(base, structure.staff[0]!.mail);
    const sirets = new Map<string, number>();
    const own = new Map<string, FeedEntry>();
    truthOf.set(structure.id, own);
    for (const entry of feed) {
      if (entry.deleted) continue;
      truth.set(`${entry.entity}:${entry.id}`, entry);
      own.set(`${entry.entity}:${entry.id}`, entry);
      if (entry.entity === 'application') platformApplications.add(entry.id);
      if (entry.entity === 'employer') {
        const siret = String(entry.data?.siret);
        sirets.set(siret, (sirets.get(siret) ?? 0) + 1);
      }
    }
    for (const [siret, count] of sirets)
      if (count > 1) {
        duplicated += count - 1;
        details.push(`employeur ${siret} ${count} fois dans la structure ${structure.siret}`);
      }
  }
  for (const id of expected.applications)
    if (!platformApplications.has(id)) {
      lost++;
      details.push(`candidature acceptée ${id} absente de la plateforme`);
    }
  for (const id of platformApplications)
    if (!expected.applications.has(id)) {
      duplicated++;
      details.push(`candidature ${id} sur la plateforme sans accusé de réception`);
    }
  for (const [id] of expected.employers)
    if (!truth.has(`employer:${id}`)) {
      lost++;
      details.push(`employeur ${id} demandé sur un poste, absent de la plateforme`);
    }
  for (const id of expected.replied)
    if (truth.get(`application:${id}`)?.data?.status === 'a_traiter') {
      lost++;
      details.push(`réponse à la candidature ${id} absente de la plateforme`);
    }
  for (const [id, title] of expected.titles)
    if (truth.get(`offer:${id}`)?.data?.title !== title) {
      lost++;
      details.push(`titre de l’offre ${id} différent du dernier saisi`);
    }

  for (const desktop of desktops) {
    const local = new Map<string, number>();
    for (const offer of await allOffers(desktop)) local.set(`offer:${offer.id}`, offer.version);
    for (const application of await allApplications(desktop))
      local.set(`application:${application.id}`, application.version);
    for (const employer of await employers(desktop)) local.set(`employer:${employer.id}`, employer.version);
    for (const [key, entry] of truthOf.get(desktop.structure.id) ?? []) {
      if (!['offer', 'application', 'employer'].includes(entry.entity)) continue;
      const version = local.get(key);
      if (version === undefined || version < entry.version) {
        lost++;
        if (details.length < 50)
          details.push(`${key} v${entry.version} : poste ${desktop.staff.mail} a ${version ?? 'rien'}`);
      }
    }
  }
  return { lost, duplicated, stuck: stuckDesktops, details: details.slice(0, 50) };
}
