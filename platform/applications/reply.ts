import {
  applicationStatusLabels,
  refusalReasonText,
  type ApplicationReply,
} from '../../shared/domain/applications';
import type { PlatformDb } from '../db/open';
import type { ApplicationsTable } from '../db/schema';
import { ProblemError } from '../http/problem';
import { recordApplication } from '../sync/offer-bound-feed';
import { withoutKey } from '../sync/versioned-update';
import { memberName, withEvent } from './columns';
import { randomUUID } from 'node:crypto';

/** "Le candidat a fermé son compte." → "le candidat a fermé son compte", to quote inside a sentence. */
function quoted(reason: string): string {
  const trimmed = reason.trim().replace(/\.$/, '');
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

/**
 * Why an application can no longer be answered, whatever version the reply was made on: the
 * candidate abandoned it (the desktop that replied offline shows this and keeps the reply), or it
 * was refused. From "A traiter" or "Recevable" a reply is allowed (after an interview, a refusal).
 */
export function replyRefusal(
  current: Pick<ApplicationsTable, 'status' | 'abandon_reason'>,
): ProblemError | undefined {
  if (current.status === 'abandonnee') {
    const why = current.abandon_reason ? ` (${quoted(current.abandon_reason)})` : '';
    return new ProblemError(
      409,
      'application_abandoned',
      `Cette candidature a été abandonnée${why} : votre réponse n’a pas été envoyée.`,
    );
  }
  if (current.status === 'refusee') {
    return new ProblemError(409, 'application_closed', 'Cette candidature a déjà été refusée.');
  }
  return undefined;
}

/**
 * "Répondre à cette candidature", in the caller's transaction: the status and the message, who
 * answered and when, the first reading if none was recorded, one history event, a notification
 * for the candidate (the structure's name, never its contact details), a new version and the
 * feed entry. Refuses what replyRefusal refuses.
 */
export async function replyToApplication(
  trx: PlatformDb,
  current: ApplicationsTable,
  reply: ApplicationReply,
  member: { first_name: string; last_name: string },
  now: Date,
): Promise<ApplicationsTable> {
  const refusal = replyRefusal(current);
  if (refusal) throw refusal;
  const at = now.toISOString();
  const by = memberName(member);
  const changed: ApplicationsTable = {
    ...current,
    status: reply.status,
    reply_message: reply.replyMessage,
    refusal_reason: reply.refusalReason ?? null,
    refusal_detail: reply.refusalReason === 'autre' ? (reply.refusalDetail ?? null) : null,
    replied_at: at,
    replied_by: by,
    read_at: current.read_at ?? at,
    read_by: current.read_at === null ? by : current.read_by,
    history: withEvent(current, {
      kind: 'repondue',
      at,
      by,
      detail: reply.refusalReason
        ? `${applicationStatusLabels[reply.status]} : ${refusalReasonText(reply.refusalReason, reply.refusalDetail ?? null)}`
        : applicationStatusLabels[reply.status],
    }),
    version: current.version + 1,
    updated_at: at,
  };
  await trx.updateTable('applications').set(withoutKey(changed)).where('id', '=', current.id).execute();
  if (changed.candidate_id !== null) {
    const structure = await trx
      .selectFrom('structures')
      .select(['legal_name', 'trade_name'])
      .where('id', '=', current.structure_id)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('candidate_notifications')
      .values({
        id: randomUUID(),
        candidate_id: changed.candidate_id,
        application_id: changed.id,
        kind: reply.status === 'recevable' ? 'entretien' : 'refus',
        application_number: changed.number,
        profile_id: null,
        offer_number: changed.offer_number,
        offer_title: changed.offer_title,
        structure_name: structure.trade_name ?? structure.legal_name,
        message: reply.replyMessage,
        refusal_reason: reply.refusalReason
          ? refusalReasonText(reply.refusalReason, reply.refusalDetail ?? null)
          : null,
        created_at: at,
      })
      .execute();
  }
  await recordApplication(trx, changed);
  return changed;
}
