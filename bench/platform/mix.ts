import { randomUUID } from 'node:crypto';
import type { LocalApplication } from '../../shared/domain/session';
import { invoke, onEntitiesChanged, recentApplications, type BenchDesktop } from './desktops';
import type { BenchCandidate } from './population';

// The staff mix of bench:platform while candidates apply: what each desktop does, what the
// platform must hold afterwards, and how long an application took to reach each desktop.

export interface MixOptions {
  desktops: BenchDesktop[];
  candidates: BenchCandidate[];
  /** The offers candidates apply to, with their structure. */
  offers: Array<{ id: string; structureId: string }>;
  seconds: number;
  applicationsPerMinute: number;
  /** Establishments the desktops may add as employers (taken from the front). */
  freeSirets: string[];
  random: () => number;
}

/** What the platform must show at the end, from what was acknowledged or done during the run. */
export interface Expectations {
  /** Applications the platform accepted (201), by id. */
  applications: Set<string>;
  /** Employers asked for on a desktop: id → structure. */
  employers: Map<string, string>;
  /** Applications answered on a desktop. */
  replied: Set<string>;
  /** The last title each offer was given on its author's desktop. */
  titles: Map<string, string>;
}

export interface MixOutcome {
  expected: Expectations;
  applicationsSent: number;
  applicationsRefused: number;
  staffActions: { edits: number; replies: number; employers: number; failed: number };
  /** Commit (the platform's 201 to the candidate) → the application in a desktop's cache, ms, one per desktop. */
  propagationMs: number[];
  /** Desktop × application pairs never seen arriving during the run. */
  propagationMissed: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A stable small hash of an id: which desktop of a structure answers an application. */
function bucket(id: string, size: number): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % size;
}

export async function runMix(options: MixOptions): Promise<MixOutcome> {
  const { desktops, random } = options;
  const expected: Expectations = {
    applications: new Set(),
    employers: new Map(),
    replied: new Set(),
    titles: new Map(),
  };
  const staffActions = { edits: 0, replies: 0, employers: 0, failed: 0 };
  const propagationMs: number[] = [];
  /** Application id → when the platform accepted it, and the desktops still waiting for it. */
  const inFlight = new Map<string, { at: number; waiting: Set<BenchDesktop> }>();
  const byStructure = new Map<string, BenchDesktop[]>();
  for (const desktop of desktops)
    byStructure.set(desktop.structure.id, [...(byStructure.get(desktop.structure.id) ?? []), desktop]);

  // Each desktop looks at its newest applications when the sync says some changed.
  const stops = desktops.map((desktop) => {
    let checking = false;
    let again = false;
    const check = async () => {
      if (checking) {
        again = true;
        return;
      }
      checking = true;
      try {
        do {
          again = false;
          const now = performance.now();
          for (const row of await recentApplications(desktop, 100)) {
            const flight = inFlight.get(row.id);
            if (flight?.waiting.delete(desktop)) propagationMs.push(now - flight.at);
          }
        } while (again);
      } finally {
        checking = false;
      }
    };
    return onEntitiesChanged(desktop, (entities) => {
      if (entities.includes('application')) void check().catch(() => undefined);
    });
  });

  let running = true;
  const applied = new Set<string>();
  let applicationsSent = 0;
  let applicationsRefused = 0;
  const applying: Promise<void>[] = [];
  const candidateLoop = (async () => {
    const gap = 60_000 / options.applicationsPerMinute;
    const start = performance.now();
    for (let n = 0; running; n++) {
      const due = start + n * gap;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      if (!running) break;
      const candidate = options.candidates[Math.floor(random() * options.candidates.length)]!;
      const offer = options.offers[Math.floor(random() * options.offers.length)]!;
      const pair = `${candidate.profileId}|${offer.id}`;
      if (applied.has(pair)) continue;
      applied.add(pair);
      applicationsSent++;
      applying.push(
        candidate.client
          .apply({
            profileId: candidate.profileId,
            offerId: offer.id,
            message: 'Bonjour, votre offre m’intéresse.',
          })
          .then((receipt) => {
            expected.applications.add(receipt.id);
            inFlight.set(receipt.id, {
              at: performance.now(),
              waiting: new Set(byStructure.get(offer.structureId)),
            });
          })
          .catch(() => {
            applicationsRefused++;
          }),
      );
    }
  })();

  const staffLoops = desktops.map(async (desktop) => {
    const colleagues = byStructure.get(desktop.structure.id)!.length;
    let revision = 0;
    while (running) {
      await sleep(2_000 + random() * 2_000);
      if (!running) break;
      const roll = random();
      try {
        if (roll < 0.45) {
          const offerId = desktop.staff.offerIds[Math.floor(random() * desktop.staff.offerIds.length)]!;
          const title = `Pâtissier(ère) — révision ${++revision} de ${desktop.index}`;
          await invoke(desktop.core, 'offers.update', { id: offerId, patch: { title } });
          expected.titles.set(offerId, title);
          staffActions.edits++;
        } else if (roll < 0.9) {
          const page = await invoke<{ rows: LocalApplication[] }>(desktop.core, 'applications.list', {
            status: 'a_traiter',
            limit: 100,
          });
          const mine = page.rows.find((row) => bucket(row.id, colleagues) === desktop.index);
          if (!mine) continue;
          await invoke(desktop.core, 'applications.reply', {
            id: mine.id,
            reply: { status: 'recevable', replyMessage: 'Bonjour, nous vous proposons un entretien.' },
          });
          expected.replied.add(mine.id);
          staffActions.replies++;
        } else {
          const siret = options.freeSirets.shift();
          if (!siret) continue;
          const employer = await invoke<{ id: string }>(desktop.core, 'employers.create', {
            siret,
            contactLastName: 'Larrieu',
            contactFirstName: 'Maïté',
            contactMail: `maite.larrieu.${randomUUID().slice(0, 6)}@exemple.fr`,
            contactPhone: '05 56 12 34 56',
          });
          expected.employers.set(employer.id, desktop.structure.id);
          staffActions.employers++;
        }
      } catch {
        staffActions.failed++;
      }
    }
  });

  await sleep(options.seconds * 1000);
  running = false;
  await Promise.all([candidateLoop, ...staffLoops]);
  await Promise.all(applying);
  // The last applications get a few seconds to arrive before the count of those never seen.
  for (
    let waited = 0;
    waited < 10_000 && [...inFlight.values()].some((f) => f.waiting.size > 0);
    waited += 200
  )
    await sleep(200);
  stops.forEach((stop) => stop());
  const propagationMissed = [...inFlight.values()].reduce((n, flight) => n + flight.waiting.size, 0);
  return { expected, applicationsSent, applicationsRefused, staffActions, propagationMs, propagationMissed };
}
