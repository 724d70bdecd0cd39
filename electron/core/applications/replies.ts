import { sql } from 'kysely';
import {
  applicationReplySchema,
  applicationStatusTabLabels,
  type ApplicationReply,
  type ApplicationStatus,
} from '../../../shared/domain/applications';
import { fillTemplate } from '../../../shared/domain/reply-templates';
import type { LocalApplication } from '../../../shared/domain/session';
import type { Structure } from '../../../shared/domain/structure';
import { AppError, validationError } from '../../../shared/ipc/errors';
import type { ReadTx, WriteTx } from '../db/store';
import { fieldRefusal } from '../field-refusal';
import { findApplication, NOT_FOUND } from './local-applications';
import { knownHiddenFromUser } from '../offers/offer-bound';

// "Répondre à cette candidature", to one application or to several of the same status.

export const ABANDONED =
  'Cette candidature a été abandonnée par le candidat : vous ne pouvez plus y répondre.';
export const REFUSED = 'Cette candidature a déjà été refusée : vous ne pouvez plus y répondre.';
export const NOT_YOURS =
  'Cette candidature concerne une offre qui n’est pas partagée avec la structure : seuls l’auteur de l’offre et le référent peuvent y répondre.';

/** Statuses a reply can no longer change, and why. */
const closed: Partial<Record<ApplicationStatus, string>> = { abandonnee: ABANDONED, refusee: REFUSED };

/** The name a reply signs with: the structure's trade name, or its legal name. */
export function structureName(structure: Pick<Structure, 'tradeName' | 'legalName'>): string {
  return structure.tradeName ?? structure.legalName;
}

/** One application's reply: the template's placeholders filled for it, checked like a typed message. */
function replyFor(
  application: LocalApplication,
  reply: ApplicationReply,
  signature: string,
  several: boolean,
): ApplicationReply {
  const replyMessage = fillTemplate(reply.replyMessage, {
    firstName: application.profile?.firstName ?? null,
    offerTitle: application.offerTitle,
    structureName: signature,
  });
  const checked = applicationReplySchema.safeParse({ ...reply, replyMessage });
  if (checked.success) return checked.data;
  const error = validationError(checked.error.issues);
  throw several
    ? new AppError('validation', `Candidature N° ${application.number} : ${error.message}`, error.fields)
    : error;
}

export interface PlannedReplies {
  /** The status every application had when the replies were planned. */
  status: ApplicationStatus;
  edits: Array<{ id: string; patch: ApplicationReply }>;
}

/**
 * Checks that these applications may receive this reply (they exist here, share one status
 * that still takes a reply, and the user sees their offer) and fills the message for each one.
 */
export function planReplies(
  tx: ReadTx,
  ids: readonly string[],
  reply: ApplicationReply,
  signature: string,
  now: Date,
): PlannedReplies {
  const unique = [...new Set(ids)];
  const several = unique.length > 1;
  const applications = unique.map((id) => findApplication(tx, id, now));
  const missing = applications.filter((a) => a === undefined).length;
  if (missing > 0) {
    const message = several
      ? `${missing === 1 ? 'Une des candidatures sélectionnées est introuvable' : `${missing} des candidatures sélectionnées sont introuvables`} sur ce poste : actualisez la liste, puis recommencez.`
      : NOT_FOUND;
    throw new AppError(several ? 'validation' : 'not_found', message, several ? { ids: message } : undefined);
  }
  const found = applications as LocalApplication[];
  const statuses = new Set(found.map((a) => a.status));
  if (statuses.size > 1) {
    const list = [...statuses].map((status) => `« ${applicationStatusTabLabels[status]} »`).join(', ');
    const message = `Les candidatures sélectionnées n’ont pas toutes le même statut (${list}) : sélectionnez des candidatures d’un même statut.`;
    throw fieldRefusal('ids', message);
  }
  const status = found[0]!.status;
  const refusal = closed[status];
  if (refusal) {
    const message = several
      ? `Les candidatures « ${applicationStatusTabLabels[status]} » ne peuvent plus recevoir de réponse.`
      : refusal;
    throw new AppError('conflict', message, several ? { ids: message } : undefined);
  }
  if (found.some((a) => knownHiddenFromUser(tx, a.id))) throw new AppError('forbidden', NOT_YOURS);
  return {
    status,
    edits: found.map((a) => ({ id: a.id, patch: replyFor(a, reply, signature, several) })),
  };
}

/** Refuses the replies when one of their applications changed status since they were planned. */
export function checkStillPlanned(tx: WriteTx, plan: PlannedReplies): void {
  const ids = plan.edits.map((edit) => edit.id);
  const same =
    tx.first<{ n: number }>(
      sql`select count(*) as n from application where id in (${sql.join(ids)}) and status = ${plan.status}`,
    )?.n ?? 0;
  if (same !== ids.length)
    throw new AppError(
      'conflict',
      'Une candidature a changé de statut entre-temps (synchronisation) : vérifiez la sélection, puis recommencez.',
    );
}
