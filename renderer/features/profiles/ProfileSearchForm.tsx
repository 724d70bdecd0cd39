import {
  Button,
  Card,
  Checkbox,
  Collapse,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { PROFILE_SEARCH_MAX_KM } from '../../../shared/domain/profiles';
import { DateField } from '../../ui/DateField';
import { checkboxError } from '../../ui/forms';
import { contractOptions } from '../offers/contractOptions';
import { DiplomaSelect } from '../referentials/DiplomasSelect';
import { diplomaLevelOptions } from '../referentials/diplomaLevels';
import { CommuneSelect, RomeSelect } from '../referentials/ReferentialSelects';
import {
  addressFromValues,
  addressValue,
  advancedFields,
  hasAdvancedFilters,
  searchValuesSchema,
  valuesFromAddress,
  type ProfileSearchValues,
  type SearchField,
} from './searchState';

const ADVANCED_ID = 'profile-search-advanced';

interface Props {
  /** The address: the search shown, which the form starts from. */
  params: URLSearchParams;
  /** What the channel refused, per field, for the search shown. */
  refused: Record<string, string>;
  searching: boolean;
  onSearch: (params: URLSearchParams) => void;
}

/**
 * Keywords, then "Recherche avancée". The form is checked with the channel's schema before
 * searching; what only the platform knows (an unknown commune) comes back on its field.
 */
export function ProfileSearchForm({ params, refused, searching, onSearch }: Props) {
  const form = useForm<ProfileSearchValues>({
    initialValues: valuesFromAddress(params),
    validate: zod4Resolver(searchValuesSchema),
  });
  const address = params.toString();
  const [shownAddress, setShownAddress] = useState(address);
  const [advanced, setAdvanced] = useState(() => hasAdvancedFilters(params));
  // Moved from elsewhere ("Retour", another page, a link): the form shows that search.
  if (shownAddress !== address) {
    setShownAddress(address);
    form.setValues(valuesFromAddress(params));
    form.clearErrors();
    if (hasAdvancedFilters(params)) setAdvanced(true);
  }

  const searched = valuesFromAddress(params);
  /** The form's error, else the channel's while the field still holds what was refused. */
  const errorOf = (field: SearchField): string | undefined => {
    const own = form.errors[field];
    if (typeof own === 'string') return own;
    return addressValue(form.values, field) === addressValue(searched, field) ? refused[field] : undefined;
  };
  const input = (field: SearchField) => {
    const error = errorOf(field);
    return { ...form.getInputProps(field), error, 'aria-invalid': error ? true : undefined };
  };
  const checkbox = (field: SearchField) => ({
    ...form.getInputProps(field, { type: 'checkbox' }),
    ...checkboxError(`profile-search-${field}`, errorOf(field)),
  });
  const search = (next: URLSearchParams) => {
    setShownAddress(next.toString());
    onSearch(next);
  };
  // A refused filter is never hidden.
  const advancedShown = advanced || advancedFields.some((field) => errorOf(field) !== undefined);

  return (
    <Card withBorder padding="lg">
      <form
        role="search"
        aria-label="Rechercher des profils"
        noValidate
        onSubmit={form.onSubmit((values) => search(addressFromValues(values)))}
      >
        <Stack>
          <Group align="flex-end">
            <TextInput
              type="search"
              label="Mots-clés"
              description="Métier, diplôme, présentation, commune"
              placeholder="Par exemple : pâtisserie apprentissage"
              style={{ flex: 1, minWidth: 240 }}
              {...input('q')}
            />
            <Button type="submit" loading={searching}>
              Rechercher
            </Button>
            <Button
              variant="subtle"
              aria-expanded={advancedShown}
              aria-controls={ADVANCED_ID}
              onClick={() => setAdvanced(!advancedShown)}
            >
              Recherche avancée
            </Button>
            <Button
              variant="subtle"
              onClick={() => {
                form.setValues(valuesFromAddress(new URLSearchParams()));
                form.clearErrors();
                search(new URLSearchParams());
              }}
            >
              Effacer la recherche
            </Button>
          </Group>
          <Collapse in={advancedShown} id={ADVANCED_ID}>
            <SimpleGrid cols={{ base: 1, md: 3 }} role="group" aria-label="Recherche avancée">
              <DiplomaSelect label="Diplôme" placeholder="Tous" clearable {...input('diploma')} />
              <Select
                label="Niveau"
                description="Ce niveau ou plus"
                placeholder="Tous"
                data={diplomaLevelOptions}
                clearable
                {...input('level')}
              />
              <RomeSelect label="Métier" clearable {...input('rome')} />
              <CommuneSelect label="Commune" clearable {...input('commune')} />
              <NumberInput
                label="Rayon (km)"
                description="Autour de la commune choisie"
                min={0}
                max={PROFILE_SEARCH_MAX_KM}
                allowDecimal={false}
                // Out of range is said on the field, not silently corrected.
                clampBehavior="none"
                {...input('radiusKm')}
              />
              <DateField label="Disponible au plus tard le" {...input('availableBy')} />
              <Select
                label="Type de contrat"
                placeholder="Tous"
                data={contractOptions}
                clearable
                {...input('contractType')}
              />
              <NumberInput
                label="Mobilité d’au moins (km)"
                min={0}
                max={PROFILE_SEARCH_MAX_KM}
                allowDecimal={false}
                clampBehavior="none"
                {...input('mobilityMinKm')}
              />
              <Checkbox label="Bénéficiaires de l’OETH uniquement" mt={{ md: 30 }} {...checkbox('oeth')} />
            </SimpleGrid>
          </Collapse>
        </Stack>
      </form>
    </Card>
  );
}
