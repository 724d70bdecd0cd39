import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LocalAlert } from '../../../shared/domain/alerts';
import type {
  ContactFieldsInput,
  LocalContact,
  LocalFavorite,
  ProfilesQueryInput,
} from '../../../shared/domain/profiles';
import type { ProfileDetails } from '../../../shared/ipc/contract';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useRefreshEntity } from '../../api/useRefreshEntity';
import { fieldsUnder } from '../../ui/forms';
import { notifyError, notifySuccess } from '../../ui/notify';

export function useProfileSearch(query: ProfilesQueryInput) {
  return useQuery({
    queryKey: queryKeys.profileSearch(query),
    queryFn: () => call('profiles.search', query),
    // The current page stays in view while the next one loads.
    placeholderData: keepPreviousData,
  });
}

export function useProfileDetails(id: string) {
  return useQuery({ queryKey: queryKeys.profile(id), queryFn: () => call('profiles.get', { id }) });
}

export function useFavorites() {
  return useQuery({ queryKey: queryKeys.favorites, queryFn: () => call('favorites.list') });
}

/**
 * Writes what a local change does to a profile's "Détails" at once. The queries it touches
 * (this "Détails", the dashboard's "Favoris", the global search) are refreshed by the core's
 * `entities.changed`, sent with every local write: not invalidated here a second time.
 */
function useUpdateDetails(profileId: string) {
  const queryClient = useQueryClient();
  return (change: (details: ProfileDetails) => ProfileDetails) =>
    queryClient.setQueryData<ProfileDetails>(queryKeys.profile(profileId), (details) =>
      details ? change(details) : details,
    );
}

/** "Ajouter aux favoris" / "Retirer des favoris": kept here at once, the whole team sees it after the sync. */
export function useFavoriteToggle(profileId: string) {
  const update = useUpdateDetails(profileId);
  return useMutation({
    mutationFn: async (add: boolean): Promise<LocalFavorite | null> => {
      if (add) return call('favorites.add', { profileId });
      await call('favorites.remove', { profileId });
      return null;
    },
    onSuccess: (favorite) => {
      update((details) => ({ ...details, favorite }));
      notifySuccess(favorite ? 'Profil ajouté aux favoris de la structure.' : 'Profil retiré des favoris.');
    },
    onError: (error) => notifyError(messageOf(error)),
  });
}

/** "Retirer des favoris" from the dashboard's list. */
export function useRemoveFavorite() {
  const refresh = useRefreshEntity();
  return useMutation({
    mutationFn: (favorite: LocalFavorite) => call('favorites.remove', { profileId: favorite.id }),
    onSuccess: async () => {
      await refresh('favorite');
      notifySuccess('Profil retiré des favoris.');
    },
    onError: (error) => notifyError(messageOf(error)),
  });
}

/** "Contacter ce profil": kept in the profile's history at once, sent at the next sync. */
export function useSendContact(profileId: string) {
  const update = useUpdateDetails(profileId);
  return {
    send: (contact: ContactFieldsInput) =>
      // The form names its fields without the channel's `contact.` prefix.
      call('contacts.send', { profileId, contact }).catch((error: unknown) => {
        throw fieldsUnder(error, 'contact');
      }),
    onSent: (contact: LocalContact) => {
      update((details) => ({
        ...details,
        contacts: [contact, ...details.contacts.filter((other) => other.id !== contact.id)],
      }));
      notifySuccess(
        contact.syncState === 'synced'
          ? 'Message envoyé : le candidat le trouvera sur la plateforme.'
          : 'Message enregistré : il partira à la prochaine synchronisation.',
      );
    },
  };
}

/** "Ignorer cette alerte": gone from the lists at once, for the whole structure after the sync. */
export function useDismissAlert() {
  const queryClient = useQueryClient();
  const refresh = useRefreshEntity();
  return useMutation({
    mutationFn: (alert: LocalAlert) => call('alerts.dismiss', { id: alert.id }),
    onMutate: (alert) =>
      queryClient.setQueriesData<LocalAlert[]>({ queryKey: queryKeys.alerts }, (alerts) =>
        alerts?.filter((other) => other.id !== alert.id),
      ),
    onError: (error) => notifyError(messageOf(error)),
    onSettled: () => refresh('alert'),
  });
}
