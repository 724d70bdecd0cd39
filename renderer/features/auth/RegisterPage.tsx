import {
  Anchor,
  Button,
  Checkbox,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { registrationFormSchema, type RegistrationFormInput } from '../../../shared/domain/account';
import { PASSWORD_MIN_LENGTH } from '../../../shared/validation/password';
import { call } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyFieldErrors, fieldProps } from '../../ui/forms';
import { usePageTitle } from '../../ui/usePageTitle';
import { AuthLayout } from './AuthLayout';

export const CONSENT_LABEL =
  "J'accepte que les informations saisies soient exploitées par la plateforme régionale de l'apprentissage dans le cadre du fonctionnement du site";

const fields = [
  'mail',
  'password',
  'passwordConfirmation',
  'firstName',
  'lastName',
  'mobile',
  'consent',
] as const;

export function RegisterPage() {
  usePageTitle('Créer un compte');
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<RegistrationFormInput>({
    initialValues: {
      mail: '',
      password: '',
      passwordConfirmation: '',
      firstName: '',
      lastName: '',
      mobile: '',
      consent: false as unknown as true,
    },
    validate: zod4Resolver(registrationFormSchema),
    validateInputOnBlur: true,
  });

  const register = useMutation({
    mutationFn: (values: RegistrationFormInput) => call('auth.register', values),
    onMutate: () => setFailure(null),
    onSuccess: ({ mail }) => navigate('/connexion', { state: { registeredMail: mail } }),
    onError: (error) => setFailure(applyFieldErrors(form, error, fields)),
  });

  return (
    <AuthLayout title="Créer un compte">
      <form onSubmit={form.onSubmit((values) => register.mutate(values))} noValidate>
        <Stack>
          <Text size="sm">Tous les champs sont obligatoires.</Text>
          {failure && <ErrorAlert message={failure} />}
          <TextInput label="Mail" type="email" autoComplete="email" required {...fieldProps(form, 'mail')} />
          <PasswordInput
            label="Mot de passe"
            description={`Au moins ${PASSWORD_MIN_LENGTH} caractères, avec une majuscule, une minuscule, un chiffre et un caractère spécial.`}
            autoComplete="new-password"
            required
            {...fieldProps(form, 'password')}
          />
          <PasswordInput
            label="Confirmation du mot de passe"
            autoComplete="new-password"
            required
            {...fieldProps(form, 'passwordConfirmation')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label="Prénom" autoComplete="given-name" required {...fieldProps(form, 'firstName')} />
            <TextInput label="Nom" autoComplete="family-name" required {...fieldProps(form, 'lastName')} />
          </SimpleGrid>
          <TextInput
            label="Numéro de portable"
            description="06 ou 07, par exemple 06 12 34 56 78"
            type="tel"
            autoComplete="tel"
            required
            {...fieldProps(form, 'mobile')}
          />
          <Checkbox label={CONSENT_LABEL} {...fieldProps(form, 'consent', { type: 'checkbox' })} />
          <Group justify="space-between">
            <Anchor component={Link} to="/connexion" size="sm">
              J’ai déjà un compte : se connecter
            </Anchor>
            <Button type="submit" loading={register.isPending}>
              Valider
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
