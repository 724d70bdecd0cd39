import {
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { headcountBandLabels } from '../../../shared/domain/company';
import type { LocalStructure } from '../../../shared/domain/session';
import { structurePatchSchema } from '../../../shared/domain/structure';
import { formatFrenchPhone } from '../../../shared/validation/phone';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { DetailList } from '../../ui/DetailList';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldProps } from '../../ui/forms';
import { usePageTitle } from '../../ui/usePageTitle';
import { formatAddress } from '../companies/formatAddress';
import { SyncStateBadge } from '../sync/SyncStateBadge';
import { useLocalEditForm } from '../sync/useLocalEditForm';

const headcountOptions = Object.entries(headcountBandLabels).map(([value, label]) => ({ value, label }));

function formValues(structure: LocalStructure) {
  return {
    headcountBand: structure.headcountBand,
    tradeName: structure.tradeName ?? '',
    email: structure.email ?? '',
    phone: structure.phone ? formatFrenchPhone(structure.phone) : '',
    website: structure.website ?? '',
    acceptsThirdGradeInterns: structure.acceptsThirdGradeInterns,
    acceptsSecondGradeInterns: structure.acceptsSecondGradeInterns,
  };
}

function StructureForm({ structure }: { structure: LocalStructure }) {
  const queryClient = useQueryClient();
  const { form, failure, mutation, submit } = useLocalEditForm({
    row: structure,
    toValues: formValues,
    schema: structurePatchSchema,
    save: (values) => call('structure.update', values),
    onSaved: (saved) => void queryClient.setQueryData(queryKeys.structure, saved),
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {failure && <ErrorAlert message={failure} />}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Select
            label="Effectif"
            data={headcountOptions}
            clearable
            allowDeselect
            {...fieldProps(form, 'headcountBand')}
          />
          <TextInput label="Nom commercial" {...fieldProps(form, 'tradeName')} />
          <TextInput
            label="Adresse électronique"
            type="email"
            autoComplete="email"
            {...fieldProps(form, 'email')}
          />
          <TextInput label="Téléphone" type="tel" autoComplete="tel" {...fieldProps(form, 'phone')} />
          <TextInput
            label="Site internet"
            type="url"
            placeholder="https://"
            {...fieldProps(form, 'website')}
          />
        </SimpleGrid>
        <Stack component="fieldset" gap="sm" m={0} p={0} style={{ border: 0 }}>
          <Text component="legend" fw={600} mb="xs">
            Stages d’observation
          </Text>
          <Text size="sm" id="observation-help">
            Les stages d’observation font découvrir le monde professionnel aux élèves : 5 jours pour un élève
            de troisième, 10 jours (deux semaines) pour un élève de seconde. En cochant une case, votre
            structure est inscrite, avec son adresse électronique et son téléphone, dans l’annuaire régional
            des stages d’observation « Vite mon stage », consulté par les élèves et leurs familles. Décochée,
            elle en disparaît.
          </Text>
          <Checkbox
            label="J'accepte de recevoir des stagiaires de troisième (1 semaine)"
            aria-describedby="observation-help"
            {...fieldProps(form, 'acceptsThirdGradeInterns', { type: 'checkbox' })}
          />
          <Checkbox
            label="J'accepte de recevoir des stagiaires de seconde (2 semaines)"
            aria-describedby="observation-help"
            {...fieldProps(form, 'acceptsSecondGradeInterns', { type: 'checkbox' })}
          />
          {(form.values.acceptsThirdGradeInterns || form.values.acceptsSecondGradeInterns) &&
            !form.values.email.trim() &&
            !form.values.phone.trim() && (
              <Text size="sm" fw={600} role="status">
                Renseignez une adresse électronique ou un téléphone : c’est par là que les élèves vous
                contacteront.
              </Text>
            )}
        </Stack>
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending} disabled={!form.isDirty()}>
            Enregistrer
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Mon compte › Ma structure": read from the local cache, editable offline. */
export function StructurePage() {
  usePageTitle('Ma structure');
  const structure = useQuery({ queryKey: queryKeys.structure, queryFn: () => call('structure.get') });

  return (
    <Stack>
      <Group justify="space-between" align="center">
        <Title order={1}>Ma structure</Title>
        {structure.data && <SyncStateBadge state={structure.data.syncState} />}
      </Group>
      {structure.isPending && <Loader aria-label="Chargement de la structure" />}
      {structure.error && (
        <ErrorAlert message={messageOf(structure.error)} onRetry={() => void structure.refetch()} />
      )}
      {structure.data && (
        <>
          <Card withBorder padding="lg">
            <Text size="sm" mb="sm">
              Identité reprise de l’annuaire des entreprises (non modifiable ici).
            </Text>
            <DetailList
              items={[
                { label: 'Siret', value: structure.data.siret },
                { label: 'Raison sociale', value: structure.data.legalName },
                { label: 'Code NAF', value: structure.data.nafCode },
                { label: "Domaine d'activité", value: structure.data.nafLabel },
                {
                  label: 'Adresse',
                  value: formatAddress(structure.data.address),
                },
              ]}
            />
          </Card>
          <Card withBorder padding="lg">
            <StructureForm structure={structure.data} />
          </Card>
        </>
      )}
    </Stack>
  );
}
