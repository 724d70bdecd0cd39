import { AppError } from '../../../shared/ipc/errors';
import type { ReadTx } from '../db/store';
import { findCachedProfile } from './cache';

/** A favourite or a contact is made from "Détails", which keeps the profile here. */
export const PROFILE_NOT_HERE =
  'Ce profil n’est pas enregistré sur ce poste : ouvrez-le depuis « Rechercher des profils », puis recommencez.';

/** The profile as kept here, or a French refusal. */
export function requireCachedProfile(tx: ReadTx, profileId: string) {
  const profile = findCachedProfile(tx, profileId);
  if (!profile) throw new AppError('not_found', PROFILE_NOT_HERE);
  return profile;
}
