import type { Profile } from '../../../shared/domain/profiles';
import type { ProfileDetails } from '../../../shared/ipc/contract';
import { applicationsOfProfile } from '../applications/local-applications';
import type { ReadTx } from '../db/store';
import { contactsOf, findFavorite, listAlerts } from './local-rows';

/** "Détails" of a profile: the profile, and what the structure did with it, as cached here. */
export function profileDetails(
  tx: ReadTx,
  profile: Profile,
  source: ProfileDetails['source'],
  now: Date,
): ProfileDetails {
  return {
    profile,
    source,
    favorite: findFavorite(tx, profile.id) ?? null,
    contacts: contactsOf(tx, profile.id),
    applications: applicationsOfProfile(tx, profile.id, now),
    alerts: listAlerts(tx, { profileId: profile.id }),
  };
}
