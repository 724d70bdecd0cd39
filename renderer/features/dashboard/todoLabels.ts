import type { TodoItem } from '../../../shared/domain/dashboard';
import { formatShortDate } from '../../ui/dates';
import { plural } from '../../ui/plural';
import { applicationPath } from '../applications/paths';
import { MEMBERS_PATH } from '../members/MembersPage';
import { editOfferPath } from '../offers/paths';

/** Where each line of "À faire" is done. */
export const SYNC_CONFLICTS_PATH = '/synchronisation/conflits';
export const SYNC_REFUSED_PATH = '/synchronisation/refus';

/** One line of "À faire": what to do, in French, and the screen where it is done. */
export function todoLine(item: TodoItem): { text: string; to: string } {
  switch (item.kind) {
    case 'application_waiting': {
      const number = item.number === null ? 'Candidature' : `Candidature n° ${item.number}`;
      const who = item.applicantName ?? 'candidat dont les données ont été supprimées';
      return {
        text: `${number} de ${who} à « ${item.offerTitle} » : sans réponse depuis ${plural(item.days, 'jour', 'jours')}`,
        to: applicationPath(item.applicationId),
      };
    }
    case 'offer_archiving': {
      const number = item.number === null ? 'Offre provisoire' : `Offre n° ${item.number}`;
      const when =
        item.daysLeft === 0
          ? 'aujourd’hui'
          : `le ${formatShortDate(item.archiveAt)} (dans ${plural(item.daysLeft, 'jour', 'jours')})`;
      return {
        text: `${number} « ${item.title} » (${item.employerName}) : archivée ${when}`,
        to: editOfferPath(item.offerId),
      };
    }
    case 'member_request':
      return {
        text: `${item.name} demande à rejoindre la structure`,
        to: MEMBERS_PATH,
      };
    case 'sync_refused':
      return { text: `Modification refusée : ${item.entityLabel}`, to: SYNC_REFUSED_PATH };
    case 'sync_conflict':
      return { text: `Conflit de synchronisation : ${item.entityLabel}`, to: SYNC_CONFLICTS_PATH };
  }
}

/** A stable key for a line. */
export function todoKey(item: TodoItem): string {
  switch (item.kind) {
    case 'application_waiting':
      return `a-${item.applicationId}`;
    case 'offer_archiving':
      return `o-${item.offerId}`;
    case 'member_request':
      return `m-${item.userId}`;
    default:
      return `s-${item.issueId}`;
  }
}
