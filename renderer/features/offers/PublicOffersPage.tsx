import {
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { publicOffersQuerySchema, type PublicOffersQuery } from '../../../shared/domain/offers';
import { z } from '../../../shared/zod';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { PageNav } from '../../ui/PageNav';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldProps } from '../../ui/forms';
import { plural } from '../../ui/plural';
import { usePageTitle } from '../../ui/usePageTitle';
import { diplomaLevelOptions } from '../referentials/diplomaLevels';
import { CommuneSelect, RomeSelect } from '../referentials/ReferentialSelects';
import { PublicOfferCard } from './PublicOfferCard';
import { contractOptions } from './contractOptions';

interface SearchValues extends Record<string, unknown> {
  q: string;
  rome: string | null;
  level: string | null;
  contractType: string | null;
  commune: string | null;
  radiusKm: number | string;
}

/** The form's values as the search takes them: empty fields left out, the radius only around a commune. */
function toQuery(values: SearchValues): PublicOffersQuery {
  const query: Record<string, unknown> = {};
  if (values.q.trim()) query.q = values.q;
  if (values.rome) query.rome = values.rome;
  if (values.level) query.level = values.level;
  if (values.contractType) query.contractType = values.contractType;
  if (values.commune) {
    query.commune = values.commune;
    if (values.radiusKm !== '') query.radiusKm = values.radiusKm;
  }
  return query as PublicOffersQuery;
}

const searchSchema = z.preprocess((values) => toQuery(values as SearchValues), publicOffersQuerySchema);

/**
 * "Mon espace › Consulter toutes les offres": the offers "En cours" of every structure, searched
 * on the platform (online only). Everything shown is other people's text: rendered as text.
 */
export function PublicOffersPage() {
  usePageTitle('Consulter toutes les offres');
  const form = useForm<SearchValues>({
    initialValues: { q: '', rome: null, level: null, contractType: null, commune: null, radiusKm: '' },
    validate: zod4Resolver(searchSchema),
  });
  const [search, setSearch] = useState<PublicOffersQuery | null>(null);
  const results = useQuery({
    queryKey: queryKeys.publicOffers(search ?? {}),
    queryFn: () => call('offers.publicSearch', search!),
    enabled: search !== null,
    placeholderData: keepPreviousData,
  });
  const data = results.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const withCommune = Boolean(search?.commune);

  return (
    <Stack>
      <Title order={1}>Consulter toutes les offres</Title>
      <Text size="sm">
        Les offres en cours de toutes les structures de la plateforme. La recherche interroge la plateforme :
        elle demande une connexion.
      </Text>
      <Card withBorder padding="lg">
        <form
          role="search"
          aria-label="Rechercher des offres"
          noValidate
          onSubmit={form.onSubmit((values) => {
            const next = { ...toQuery(values), page: 1 };
            // The same search again asks the platform again (it may be back, or have new offers).
            if (JSON.stringify(next) === JSON.stringify(search)) void results.refetch();
            else setSearch(next);
          })}
        >
          <Stack>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <TextInput label="Mots-clés" placeholder="Intitulé, description…" {...fieldProps(form, 'q')} />
              <RomeSelect label="Métier" clearable {...fieldProps(form, 'rome')} />
              <Select
                label="Niveau de diplôme"
                placeholder="Tous"
                data={diplomaLevelOptions}
                clearable
                {...fieldProps(form, 'level')}
              />
              <Select
                label="Type de contrat"
                placeholder="Tous"
                data={contractOptions}
                clearable
                {...fieldProps(form, 'contractType')}
              />
              <CommuneSelect label="Commune" clearable {...fieldProps(form, 'commune')} />
              <NumberInput
                label="Rayon (km)"
                description={form.values.commune ? undefined : 'Autour de la commune choisie'}
                min={0}
                max={200}
                allowNegative={false}
                disabled={!form.values.commune}
                {...fieldProps(form, 'radiusKm')}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" loading={results.isFetching}>
                Rechercher
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {results.error && (
        <ErrorAlert
          message={messageOf(results.error)}
          onRetry={() => void results.refetch()}
          retrying={results.isFetching}
        />
      )}
      {search && results.isPending && !results.error && <Loader aria-label="Recherche des offres" />}
      {data && !results.error && (
        <Stack component="section" aria-label="Résultats de la recherche">
          <Text role="status" aria-live="polite">
            {data.total === 0
              ? 'Aucune offre ne correspond à cette recherche.'
              : `${plural(data.total, 'offre trouvée', 'offres trouvées')}${pages > 1 ? ` — page ${data.page} sur ${pages}` : ''}`}
          </Text>
          {data.offers.map((offer) => (
            <PublicOfferCard key={offer.id} offer={offer} withDistance={withCommune} />
          ))}
          <PageNav
            label="Pages des résultats"
            total={pages}
            value={data.page}
            onChange={(page) => search && setSearch({ ...search, page })}
          />
        </Stack>
      )}
    </Stack>
  );
}
