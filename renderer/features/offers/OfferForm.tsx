import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { FormEventHandler } from 'react';
import { Link } from 'react-router';
import { employerName } from '../../../shared/domain/employers';
import { HANDICAP_COMMITMENT } from '../../../shared/domain/offers';
import type { LocalOffer } from '../../../shared/domain/session';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldProps } from '../../ui/forms';
import { ADD_EMPLOYER_PATH } from '../employers/paths';
import { useEmployers } from '../employers/queries';
import { DiplomasSelect } from '../referentials/DiplomasSelect';
import { romeOption } from '../referentials/options';
import { CommuneSelect, RomeSelect } from '../referentials/ReferentialSelects';
import type { OfferFormValues } from './offerFormValues';
import { contractOptions } from './contractOptions';

interface Props {
  form: UseFormReturnType<OfferFormValues>;
  onSubmit: FormEventHandler<HTMLFormElement>;
  failure: string | null;
  submitting: boolean;
  submitLabel: string;
  /** The offer being changed ("Modifier"), for the labels of its current métier and commune. */
  offer?: LocalOffer;
  onCancel: () => void;
}

/** "Créer une offre" and "Modifier": the same fields, checked with the shared offer schema. */
export function OfferForm({ form, onSubmit, failure, submitting, submitLabel, offer, onCancel }: Props) {
  const employers = useEmployers();
  // Offers are published for accepted partners only; an offer being edited keeps its employer.
  const choices = (employers.data ?? []).filter(
    (employer) => employer.status === 'acceptee' || employer.id === offer?.employerId,
  );
  const noEmployer = employers.isSuccess && choices.length === 0;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {failure && <ErrorAlert message={failure} />}
        {noEmployer && (
          <Alert color="blue" variant="outline" role="status" title="Aucun employeur accepté">
            <Text size="sm">
              Une offre est publiée pour un employeur partenaire dont la demande a été acceptée par la
              plateforme. Ajoutez d’abord un employeur ; il pourra être choisi ici une fois sa demande
              acceptée (à la synchronisation).
            </Text>
            <Anchor component={Link} to={ADD_EMPLOYER_PATH} size="sm">
              Ajouter un employeur
            </Anchor>
          </Alert>
        )}
        <Select
          label="L'employeur"
          placeholder={noEmployer ? 'Aucun employeur accepté' : 'Choisissez un employeur'}
          data={choices.map((employer) => ({ value: employer.id, label: employerName(employer) }))}
          searchable
          required
          disabled={noEmployer}
          nothingFoundMessage="Aucun employeur accepté ne correspond."
          {...fieldProps(form, 'employerId')}
        />
        <TextInput label="Intitulé" required maxLength={150} {...fieldProps(form, 'title')} />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <RomeSelect
            label="Métier"
            required
            selected={offer ? romeOption({ code: offer.romeCode, label: offer.romeLabel }) : null}
            {...fieldProps(form, 'romeCode')}
          />
          <DiplomasSelect
            label="Diplômes"
            description="Un ou plusieurs"
            placeholder="Choisissez les diplômes préparés"
            required
            {...fieldProps(form, 'diplomaIds')}
          />
          <Select
            label="Type de contrat"
            data={contractOptions}
            placeholder="Choisissez"
            required
            {...fieldProps(form, 'contractType')}
          />
          <DateField label="Date de début" required {...fieldProps(form, 'startDate')} />
          <NumberInput
            label="Durée (mois)"
            min={1}
            max={48}
            allowDecimal={false}
            allowNegative={false}
            required
            {...fieldProps(form, 'durationMonths')}
          />
          <NumberInput
            label="Nombre de postes"
            min={1}
            max={99}
            allowDecimal={false}
            allowNegative={false}
            required
            {...fieldProps(form, 'positions')}
          />
          <TextInput
            label="Rythme de l'alternance"
            placeholder="Par exemple : 2 semaines en entreprise, 1 semaine au CFA"
            maxLength={200}
            {...fieldProps(form, 'rhythm')}
          />
          <CommuneSelect
            label="Lieu"
            required
            name={offer?.communeName}
            {...fieldProps(form, 'communeCode')}
          />
        </SimpleGrid>
        <Textarea
          label="Description"
          required
          autosize
          minRows={5}
          maxLength={5000}
          {...fieldProps(form, 'description')}
        />
        <Stack gap="sm">
          <Checkbox
            label={HANDICAP_COMMITMENT}
            {...fieldProps(form, 'handicapCommitment', { type: 'checkbox' })}
          />
          <Checkbox
            label="Partager cette offre avec tous les utilisateurs de ma structure"
            {...fieldProps(form, 'sharedWithStructure', { type: 'checkbox' })}
          />
          <Checkbox
            label="Je souhaite que cette offre soit transmise à France travail pour une diffusion dans leurs outils (sites web, applications mobiles...)"
            {...fieldProps(form, 'franceTravail', { type: 'checkbox' })}
          />
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Annuler
          </Button>
          <Button type="submit" loading={submitting} disabled={noEmployer}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
