import { Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { SIRET_INVALID } from '../../../shared/domain/company';
import { structureCreateSchema } from '../../../shared/domain/structure';
import { AppError } from '../../../shared/ipc/errors';
import { compactDigits, isValidSiret } from '../../../shared/validation/siret';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { AuthLayout } from '../auth/AuthLayout';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyFieldErrors, fieldProps } from '../../ui/forms';
import { notifySuccess } from '../../ui/notify';
import { usePageTitle } from '../../ui/usePageTitle';
import { SignOutButton } from '../session/SignOutButton';

/** First login: the account is attached to its structure by SIRET. */
export function StructureSetupPage() {
  usePageTitle('Ma structure');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [siretToLookUp, setSiretToLookUp] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ initialValues: { siret: '' }, validate: zod4Resolver(structureCreateSchema) });

  const lookup = useQuery({
    queryKey: queryKeys.company(siretToLookUp ?? ''),
    queryFn: () => call('companies.lookup', { siret: siretToLookUp! }),
    enabled: siretToLookUp !== null,
    staleTime: 5 * 60_000,
  });
  const company = siretToLookUp ? lookup.data : undefined;
  const lookupError = lookup.error instanceof AppError ? lookup.error : null;
  const lookupFieldError = lookupError?.fields?.siret;
  const closedError =
    company && !company.active ? 'Cet établissement est fermé selon l’annuaire des entreprises.' : null;
  const siretError = form.errors.siret ?? lookupFieldError ?? closedError;

  const onSiretChange = (value: string) => {
    form.setFieldValue('siret', value);
    const digits = compactDigits(value);
    // Checked here, before any request: the platform is asked only about well-formed numbers.
    if (digits.length >= 14 || /\D/.test(digits)) {
      if (isValidSiret(digits)) {
        form.clearFieldError('siret');
        setSiretToLookUp(digits);
      } else {
        form.setFieldError('siret', SIRET_INVALID);
        setSiretToLookUp(null);
      }
    } else {
      form.clearFieldError('siret');
      setSiretToLookUp(null);
    }
  };

  const save = useMutation({
    mutationFn: (siret: string) => call('structure.create', { siret }),
    onMutate: () => setFailure(null),
    onSuccess: (session) => {
      queryClient.setQueryData(queryKeys.session, session);
      if (session.status === 'signedIn' && session.structure) {
        notifySuccess(`Structure enregistrée : ${session.structure.legalName}`);
        navigate('/');
      }
      // Otherwise the structure already existed: the gate shows the waiting page.
    },
    onError: (error) => setFailure(applyFieldErrors(form, error, ['siret'])),
  });

  return (
    <AuthLayout title="Ma structure">
      <form onSubmit={form.onSubmit(({ siret }) => save.mutate(siret))} noValidate>
        <Stack>
          <Text size="sm">
            Première connexion : indiquez le numéro de Siret de votre structure. Sa raison sociale et son
            activité sont reprises de l’annuaire des entreprises. Si la structure est déjà inscrite, votre
            demande de rattachement est envoyée à son référent.
          </Text>
          {failure && <ErrorAlert message={failure} />}
          {lookupError && !lookupFieldError && (
            <ErrorAlert
              message={messageOf(lookupError)}
              onRetry={() => void lookup.refetch()}
              retrying={lookup.isFetching}
            />
          )}
          <TextInput
            label="Siret"
            description="14 chiffres, par exemple 921 934 444 00016"
            inputMode="numeric"
            autoComplete="off"
            required
            {...fieldProps(form, 'siret')}
            error={siretError}
            aria-invalid={siretError ? true : undefined}
            onChange={(event) => onSiretChange(event.currentTarget.value)}
            onBlur={() => form.validateField('siret')}
            rightSection={
              lookup.isFetching ? <Loader size="xs" aria-label="Recherche de l’établissement" /> : null
            }
          />
          {/* Filled from the company directory: shown, not typed. */}
          <TextInput label="Raison sociale" variant="filled" readOnly value={company?.legalName ?? ''} />
          <TextInput label="Code NAF" variant="filled" readOnly value={company?.nafCode ?? ''} />
          <TextInput label="Domaine d'activité" variant="filled" readOnly value={company?.nafLabel ?? ''} />
          <TextInput
            label="Adresse"
            variant="filled"
            readOnly
            value={
              company
                ? `${company.address.street}, ${company.address.postalCode} ${company.address.communeName}`
                : ''
            }
          />
          <Group justify="space-between">
            <SignOutButton variant="subtle" />
            <Button type="submit" loading={save.isPending} disabled={!company || !company.active}>
              Enregistrer
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
