import type { ChangeRequest } from '../sync/entities/types';
import type { Fields } from '../sync/merge';

/**
 * Where a local change of an application goes: a reply to `POST …/reply` with its decision and
 * message, a reading to `PATCH` with its date. A reply whose decision was already the platform's
 * (the message changes only, or a merge found the same decision on both sides) carries it anyway:
 * `known` is the platform's last known state of the application.
 */
export function applicationRequest(id: string, payload: Fields, known: Fields): ChangeRequest {
  if ('status' in payload || 'replyMessage' in payload) {
    return {
      method: 'POST',
      path: `/applications/${id}/reply`,
      body: replyBody({
        status: 'status' in payload ? payload.status : known.status,
        replyMessage: 'replyMessage' in payload ? payload.replyMessage : known.replyMessage,
        refusalReason: 'refusalReason' in payload ? payload.refusalReason : known.refusalReason,
        refusalDetail: 'refusalDetail' in payload ? payload.refusalDetail : known.refusalDetail,
      }),
    };
  }
  return { method: 'PATCH', path: `/applications/${id}`, body: { readAt: payload.readAt } };
}

/** A reply's body: a refusal carries its reason (and the text of "autre"), an interview none. */
function replyBody(reply: Fields): Fields {
  const { refusalReason, refusalDetail, ...rest } = reply;
  if (rest.status !== 'refusee' || refusalReason === null || refusalReason === undefined) return rest;
  return {
    ...rest,
    refusalReason,
    ...(refusalReason === 'autre' && typeof refusalDetail === 'string' ? { refusalDetail } : {}),
  };
}
