import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { ApplicationReply } from '../../../shared/domain/applications';
import {
  countApplications,
  findApplication,
  listApplications,
  NOT_FOUND,
  readApplicationDetails,
} from '../applications/local-applications';
import { checkStillPlanned, planReplies, structureName } from '../applications/replies';
import { knownHiddenFromUser } from '../offers/offer-bound';
import { syncEntities } from '../sync/entities';
import { fieldRefusal } from '../field-refusal';
import type { HandlerContext } from './context';
import { requireMember } from './membership';

/** Thrown inside a reading's transaction when another call recorded it first: nothing to write. */
class AlreadyRead extends Error {}

const DATES_REVERSED = 'La date « du » doit précéder la date « au ».';

/**
 * "Candidatures": lists and counts from this desktop's cache; readings and replies are local
 * changes, shown at once and sent at the next sync. `clock` gives "now" (overdue, dates).
 */
export function applicationsHandlers(
  ctx: HandlerContext,
  clock: () => Date = () => new Date(),
): Pick<
  Handlers,
  | 'applications.list'
  | 'applications.counts'
  | 'applications.get'
  | 'applications.markRead'
  | 'applications.reply'
  | 'applications.replyMany'
> {
  const store = () => ctx.sessions.requireAccount().store;

  /** Replies to these applications, all or none; answers how many were written. */
  const reply = async (ids: string[], answer: ApplicationReply) => {
    const { store, sync, structure } = await requireMember(ctx);
    const signature = structureName(structure);
    const plan = await store.read((tx) => planReplies(tx, ids, answer, signature, clock()));
    await sync.updateMany(syncEntities.application, plan.edits, (tx) => checkStillPlanned(tx, plan));
    return plan.edits.length;
  };

  return {
    async 'applications.list'(query) {
      if (query.receivedFrom && query.receivedTo && query.receivedFrom > query.receivedTo)
        throw fieldRefusal('receivedTo', DATES_REVERSED);
      return listApplications(store(), query, clock());
    },
    async 'applications.counts'(filter) {
      return countApplications(store(), filter ?? {}, clock());
    },
    async 'applications.get'({ id }) {
      return readApplicationDetails(store(), id, clock());
    },
    async 'applications.markRead'({ id }) {
      const { store, sync } = await requireMember(ctx);
      const now = clock();
      try {
        await sync.updateMany(
          syncEntities.application,
          [{ id, patch: { readAt: now.toISOString() } }],
          (tx) => {
            const application = findApplication(tx, id, now);
            if (!application) throw new AppError('not_found', NOT_FOUND);
            // Read already (here or by a colleague), or kept here only for unsent changes: nothing to record.
            if (application.readAt || knownHiddenFromUser(tx, id)) throw new AlreadyRead();
          },
        );
      } catch (error) {
        if (!(error instanceof AlreadyRead)) throw error;
      }
      return readApplicationDetails(store, id, now);
    },
    async 'applications.reply'({ id, reply: answer }) {
      await reply([id], answer);
      return readApplicationDetails(store(), id, clock());
    },
    async 'applications.replyMany'({ ids, ...answer }) {
      return { replied: await reply(ids, answer) };
    },
  };
}
