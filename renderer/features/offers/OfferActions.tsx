import { Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { Link } from 'react-router';
import type { LocalOffer } from '../../../shared/domain/session';
import { editOfferPath } from './paths';
import { offerName, type useOfferActions } from './queries';

type Actions = ReturnType<typeof useOfferActions>;

// The folded table puts these buttons under the pointer of a row being hovered: Mantine's subtle
// blue on both hover tints is 3.9:1, the theme's "light" text colour (darker in light mode) passes.
const compact = {
  size: 'compact-sm',
  variant: 'subtle',
  c: 'var(--mantine-primary-color-light-color)',
} as const;

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
      <Button component={Link} to={editOfferPath(offer.id)} {...compact} aria-label={`Modifier ${name}`}>
        Modifier
      </Button>
      {offer.status === 'en_cours' && (
        <Button
          {...compact}
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
          {...compact}
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
        {...compact}
        disabled={busy}
        aria-label={`Dupliquer ${name}`}
        onClick={() => actions.duplicate.mutate(offer)}
      >
        Dupliquer
      </Button>
    </Group>
  );
}
