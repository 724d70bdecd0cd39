import { sql } from 'kysely';
import { memberFromColumns } from '../../../shared/db/rows';
import { membersChangeSchema, REFERENT_ONLY } from '../../../shared/domain/members';
import type { LocalMember } from '../../../shared/domain/session';
import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { MemberTable } from '../db/schema';
import { readLocalSession } from '../session/local-session';
import { syncEntities } from '../sync/entities';
import type { HandlerContext } from './context';
import { needsPlatform } from './needs-platform';

export function membersHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'members.list' | 'members.approve' | 'members.transfer' | 'members.remove'> {
  /** The platform refuses the same; checking here first answers offline too. */
  const requireReferent = async () => {
    const account = ctx.sessions.requireAccount();
    const { user } = await readLocalSession(account.store);
    if (user?.role !== 'referent') throw new AppError('forbidden', REFERENT_ONLY);
    return account;
  };

  const list = async (): Promise<LocalMember[]> => {
    const { store } = await requireReferent();
    const rows = await store.read((tx) =>
      tx.all<MemberTable>(
        sql`select * from member order by case role when 'referent' then 0 when 'gestionnaire' then 1 else 2 end,
            last_name collate nocase, first_name collate nocase`,
      ),
    );
    return rows.map((row) => ({ ...memberFromColumns(row), syncState: row.sync_state }));
  };

  /** A role change goes to the platform at once (never queued); its answer updates the cache. */
  const change = async (what: string, path: string, method: 'POST' | 'DELETE', body?: unknown) => {
    const { sync, userId } = await requireReferent();
    const answer = await ctx.client
      .call({ method, path, body, auth: true, schema: membersChangeSchema })
      .catch(needsPlatform(what));
    await sync.applyServerRows(syncEntities.member, answer.members, answer.removed);
    // The référent's own role changes with a transfer: the menus follow at once.
    if (answer.members.some((member) => member.id === userId)) await ctx.sessions.refreshMembership();
    else void sync.runNow();
    return list().catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'forbidden') return [];
      throw error;
    });
  };

  return {
    'members.list': list,
    'members.approve': ({ userId }) =>
      change('L’ajout d’un gestionnaire', `/structure/members/${userId}/approve`, 'POST'),
    'members.transfer': ({ userId }) =>
      change('Le transfert de vos droits', '/structure/transfer', 'POST', { userId }),
    'members.remove': ({ userId }) =>
      change('Le retrait d’un utilisateur', `/structure/members/${userId}`, 'DELETE'),
  };
}
