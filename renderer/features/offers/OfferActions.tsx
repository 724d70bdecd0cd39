import { Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { Link } from 'react-router';
import type { LocalOffer } from '../../../shared/domain/session';
import { editOfferPath } from './paths';
import { offerName, type useOfferActions } from './queries';

type Actions = ReturnType<typeof useOfferActions>;

/** "Modifier", "Marquer comme pourvue", "Archiver", "Dupliquer", as the offer's status allows. */
export function OfferActions({ offer, actions }: { offer: LocalOffer; actions: Actions }) {
  const name = offerName(offer);
  const Name = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  const busy = actions.setStatus.isPending || actions.duplicate.isPending;
  const confirm = (title: string, text: string, label: string, status: 'pourvue' | 'archivee') =>
    modals.openConfirmModal({
      title,
      children: <Text size="sm">{text}</Text>,
      labels: { confirm: label, cancel: 'Annuler' },
      closeButtonProps: { 'aria-label': 'Fermer' },
      onConfirm: () => actions.setStatus.mutate({ offer, status }),
    });

  return (
    <Group gap={6} wrap="wrap">
      <Button
        component={Link}
        to={editOfferPath(offer.id)}
        size="compact-sm"
        variant="subtle"
        aria-label={`Modifier ${name}`}
      >
        Modifier
      </Button>
      {offer.status === 'en_cours' && (
        <Button
          size="compact-sm"
          variant="subtle"
          disabled={busy}
          aria-label={`Marquer comme pourvue ${name}`}
          onClick={() =>
            confirm(
              'Marquer comme pourvue',
              `${Name} passera dans l’onglet « Pourvues » : les candidats ne la verront plus parmi les offres en cours.`,
              'Marquer comme pourvue',
              'pourvue',
            )
          }
        >
          Marquer comme pourvue
        </Button>
      )}
      {offer.status !== 'archivee' && (
        <Button
          size="compact-sm"
          variant="subtle"
          disabled={busy}
          aria-label={`Archiver ${name}`}
          onClick={() =>
            confirm(
              'Archiver',
              `${Name} passera dans l’onglet « Archivées » : les candidats ne la verront plus.`,
              'Archiver',
              'archivee',
            )
          }
        >
          Archiver
        </Button>
      )}
      <Button
        size="compact-sm"
        variant="subtle"
        disabled={busy}
        aria-label={`Dupliquer ${name}`}
        onClick={() => actions.duplicate.mutate(offer)}
      >
        Dupliquer
      </Button>
    </Group>
  );
}
