import { randomUUID } from 'node:crypto';
import {
  CONTACT_NEEDS_OFFER,
  CONTACT_OFFER_NOT_OPEN,
  type Contact,
  type ContactFields,
} from '../../../shared/domain/profiles';
import type { Handlers } from '../../../shared/ipc/contract';
import type { ReadTx } from '../db/store';
import { fieldRefusal } from '../field-refusal';
import { findOffer } from '../offers/local-offers';
import { hiddenFromUser } from '../offers/visibility';
import { findContact } from '../profiles/local-rows';
import { requireCachedProfile } from '../profiles/not-here';
import { syncEntities } from '../sync/entities';
import type { HandlerContext } from './context';
import { memberName, requireMember } from './membership';

/**
 * The contact as the profile's history shows it until the platform has it: the profile must be
 * kept here, the offer one of the structure's that the user sees, "En cours".
 */
function plannedContact(
  tx: ReadTx,
  profileId: string,
  fields: ContactFields,
  sentBy: string,
  now: string,
): Contact {
  const profile = requireCachedProfile(tx, profileId);
  const offer = findOffer(tx, fields.offerId);
  if (!offer || hiddenFromUser(tx, offer.id)) throw fieldRefusal('offerId', CONTACT_NEEDS_OFFER);
  if (offer.status !== 'en_cours') throw fieldRefusal('offerId', CONTACT_OFFER_NOT_OPEN);
  return {
    id: randomUUID(),
    profileId,
    profileName: `${profile.firstName} ${profile.lastName}`,
    offerId: offer.id,
    offerNumber: offer.number,
    offerTitle: offer.title,
    message: fields.message,
    sentBy,
    sentAt: now,
    version: 0,
    updatedAt: now,
  };
}

/** "Contacter ce profil": kept in the profile's history at once (offline too), sent at the next sync. */
export function contactsHandlers(
  ctx: HandlerContext,
  clock: () => Date = () => new Date(),
): Pick<Handlers, 'contacts.send'> {
  return {
    async 'contacts.send'({ profileId, contact: fields }) {
      const { store, sync, user } = await requireMember(ctx);
      const now = clock().toISOString();
      const view = await store.read((tx) => plannedContact(tx, profileId, fields, memberName(user), now));
      const payload = { profileId, offerId: fields.offerId, message: fields.message };
      // Checked again with the write: the offer may have closed meanwhile (a sync).
      await sync.create(syncEntities.contact, view, payload, (tx) =>
        plannedContact(tx, profileId, fields, view.sentBy, now),
      );
      return (await store.read((tx) => findContact(tx, view.id)))!;
    },
  };
}
