import type { SyncEntityName } from '../../../shared/api/sync';
import { accountEntity } from './entities/account';
import { alertEntity } from './entities/alert';
import { applicationEntity } from './entities/application';
import { contactEntity } from './entities/contact';
import { employerEntity } from './entities/employer';
import { favoriteEntity } from './entities/favorite';
import { memberEntity } from './entities/member';
import { offerEntity, PRIVATE_OFFER } from './entities/offer';
import { structureEntity } from './entities/structure';
import type { SyncEntity } from './entities/types';

// The synced entities, one file each in ./entities/ (what an entity is: ./entities/types.ts).

export {
  createRequestOf,
  editableFields,
  isCreatable,
  isUpdatable,
  updateRequestOf,
  type ChangeRequest,
  type EntityData,
  type RowFollower,
  type SyncEntity,
  type WrittenRow,
} from './entities/types';

export const syncEntities: Record<SyncEntityName, SyncEntity> = {
  structure: structureEntity,
  account: accountEntity,
  member: memberEntity,
  employer: employerEntity,
  offer: offerEntity,
  application: applicationEntity,
  favorite: favoriteEntity,
  contact: contactEntity,
  alert: alertEntity,
};

/** Feed names that are another name of a declared entity (same table, same outbox entries). */
const feedAliases: Record<string, SyncEntityName> = {
  [PRIVATE_OFFER]: 'offer',
  // What is bound to unshared offers, sent only to their author and the référent.
  private_application: 'application',
  private_contact: 'contact',
  private_alert: 'alert',
};

export function entityNamed(name: string): SyncEntity | undefined {
  const known = Object.hasOwn(feedAliases, name) ? feedAliases[name] : name;
  return Object.hasOwn(syncEntities, known!) ? syncEntities[known as SyncEntityName] : undefined;
}
