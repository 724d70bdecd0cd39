import { sql } from 'kysely';
import {
  applicationStatusLabels,
  type ApplicationEvent,
  type ApplicationStatus,
} from '../../../shared/domain/applications';
import type { LocalApplication } from '../../../shared/domain/session';
import type { ReadTx } from '../db/store';
import type { Fields } from '../sync/merge';

// A reply or a reading made here shows at once: the status and the reading date are fields of
// the change itself, and the rest (who, when, the line of the history) is read off the changes
// still waiting in the outbox. The platform's history replaces those lines once it has the
// change, so a line is never doubled nor lost, whatever pulls happen in between.

interface WaitingRow {
  entity_id: string;
  payload: string;
  created_at: string;
}

/** The signed-in user, as a history line names a member. */
function memberName(tx: ReadTx): string | null {
  const me = tx.first<{ first_name: string; last_name: string }>(
    sql`select first_name, last_name from account limit 1`,
  );
  return me ? `${me.first_name} ${me.last_name}` : null;
}

/** The applications, with what their changes still waiting here add to them. */
export function withWaitingChanges(tx: ReadTx, applications: LocalApplication[]): LocalApplication[] {
  const waiting = applications.filter((a) => a.syncState !== 'synced').map((a) => a.id);
  if (waiting.length === 0) return applications;
  const rows = tx.all<WaitingRow>(
    sql`select entity_id, payload, created_at from outbox
        where entity = 'application' and entity_id in (${sql.join(waiting)}) order by position`,
  );
  const by = memberName(tx);
  const changes = new Map<string, WaitingRow[]>();
  for (const row of rows) changes.set(row.entity_id, [...(changes.get(row.entity_id) ?? []), row]);
  return applications.map((application) => {
    const mine = changes.get(application.id);
    if (!mine) return application;
    const view = { ...application, history: [...application.history] };
    for (const row of mine) {
      const payload = JSON.parse(row.payload) as Fields;
      if (typeof payload.readAt === 'string') {
        view.readBy ??= by;
        view.history.push(event('lue', payload.readAt, by, null));
      }
      if ('status' in payload || 'replyMessage' in payload) {
        const decision = (payload.status ?? application.status) as ApplicationStatus;
        view.repliedAt = row.created_at;
        view.repliedBy = by;
        view.history.push(event('repondue', row.created_at, by, applicationStatusLabels[decision]));
      }
    }
    return view;
  });
}

function event(
  kind: ApplicationEvent['kind'],
  at: string,
  by: string | null,
  detail: string | null,
): ApplicationEvent {
  return { kind, at, by, detail };
}
