import type { ComboboxItem } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { OfferStatus } from '../../../shared/domain/offers';
import type { LocalOffer } from '../../../shared/domain/session';
import type { OffersListQuery } from '../../../shared/ipc/contract';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useRefreshEmployersAndOffers } from '../employers/queries';

export function useOffersPage(query: OffersListQuery) {
  return useQuery({
    queryKey: queryKeys.offersPage(query),
    queryFn: () => call('offers.list', query),
    // The current page stays in view while the next one loads.
    placeholderData: keepPreviousData,
  });
}

/** The channel's largest page. */
const OPEN_OFFERS_BATCH = 500;

/** Every offer "En cours" of the structure, newest number first, fetched page by page. */
export function useOpenOffers() {
  return useQuery({
    queryKey: queryKeys.openOffers,
    queryFn: async () => {
      const offers: LocalOffer[] = [];
      for (let offset = 0; ; offset += OPEN_OFFERS_BATCH) {
        const page = await call('offers.list', {
          status: 'en_cours',
          sort: 'number',
          direction: 'desc',
          limit: OPEN_OFFERS_BATCH,
          offset,
        });
        offers.push(...page.rows);
        if (page.rows.length < OPEN_OFFERS_BATCH || offers.length >= page.total) return offers;
      }
    },
  });
}

export function useOfferCounts() {
  return useQuery({ queryKey: queryKeys.offerCounts, queryFn: () => call('offers.counts') });
}

export function useOffer(id: string) {
  return useQuery({ queryKey: queryKeys.offer(id), queryFn: () => call('offers.get', { id }) });
}

/** "N° 1234", or "provisoire" until the platform numbers it. */
export function offerNumber(offer: Pick<LocalOffer, 'number'>): string {
  return offer.number === null ? 'provisoire' : String(offer.number);
}

/** How the page names an offer in buttons and messages. */
export function offerName(offer: Pick<LocalOffer, 'number' | 'title'>): string {
  return `${offer.number === null ? 'l’offre provisoire' : `l’offre n° ${offer.number}`} « ${offer.title} »`;
}

/** An offer in a select: "N° 12 — Cuisinier (EURL Ducasse)", "Provisoire — …" until numbered. */
export function offerOption(offer: LocalOffer): ComboboxItem {
  return {
    value: offer.id,
    label: `${offer.number === null ? 'Provisoire' : `N° ${offer.number}`} — ${offer.title} (${offer.employerName})`,
  };
}

const moved: Record<OfferStatus, string> = {
  en_cours: 'remise « En cours »',
  pourvue: 'marquée comme pourvue',
  archivee: 'archivée',
};

/** "Marquer comme pourvue", "Archiver", "Dupliquer": saved here at once, sent at the next sync. */
export function useOfferActions() {
  const refresh = useRefreshEmployersAndOffers();
  const setStatus = useMutation({
    mutationFn: ({ offer, status }: { offer: LocalOffer; status: OfferStatus }) =>
      call('offers.update', { id: offer.id, patch: { status } }),
    onSuccess: async (_saved, { offer, status }) => {
      await refresh();
      const name = offerName(offer);
      notifySuccess(`${name.charAt(0).toUpperCase()}${name.slice(1)} est ${moved[status]}.`);
    },
    onError: (error) => notifyError(messageOf(error)),
  });
  const duplicate = useMutation({
    mutationFn: (offer: LocalOffer) => call('offers.duplicate', { id: offer.id }),
    onSuccess: async (copy, offer) => {
      await refresh();
      notifySuccess(
        `Copie de ${offerName(offer)} créée dans « En cours » (« ${copy.title} ») : elle recevra son numéro à la prochaine synchronisation.`,
      );
    },
    onError: (error) => notifyError(messageOf(error)),
  });
  return { setStatus, duplicate };
}
