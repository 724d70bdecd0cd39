import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { credentialsSchema } from '../../../shared/domain/account';
import { AppError } from '../../../shared/ipc/errors';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyFieldErrors, fieldProps } from '../../ui/forms';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSession } from '../session/queries';
import { AuthLayout } from './AuthLayout';
import { SignOutNoticeAlert } from './SignOutNoticeAlert';

export function LoginPage() {
  usePageTitle('Se connecter');
  const queryClient = useQueryClient();
  const registeredMail = (useLocation().state as { registeredMail?: string } | null)?.registeredMail;
  const form = useForm({
    initialValues: { mail: registeredMail ?? '', password: '' },
    validate: zod4Resolver(credentialsSchema),
    validateInputOnBlur: true,
  });
  const [failure, setFailure] = useState<{ message: string; offline: boolean } | null>(null);
  const session = useSession().data;
  const notice = session?.status === 'signedOut' ? session.notice : null;

  const login = useMutation({
    mutationFn: (values: typeof form.values) => call('auth.login', values),
    onMutate: () => setFailure(null),
    onSuccess: (session) => queryClient.setQueryData(queryKeys.session, session),
    onError: (error) => {
      const message = applyFieldErrors(form, error, ['mail', 'password']);
      if (message) setFailure({ message, offline: error instanceof AppError && error.code === 'offline' });
    },
  });
  const submit = form.onSubmit((values) => login.mutate(values));

  return (
    <AuthLayout title="Se connecter">
      <form onSubmit={submit} noValidate>
        <Stack>
          {notice && <SignOutNoticeAlert notice={notice} />}
          {registeredMail && !failure && (
            <Alert color="green" variant="outline" role="status">
              Votre compte a été créé. Connectez-vous avec votre mail et votre mot de passe.
            </Alert>
          )}
          {failure && (
            <ErrorAlert
              title={failure.offline ? 'Plateforme injoignable' : undefined}
              message={failure.message}
              {...(failure.offline ? { onRetry: () => submit(), retrying: login.isPending } : {})}
            />
          )}
          <TextInput
            label="Mail"
            type="email"
            autoComplete="username"
            required
            {...fieldProps(form, 'mail')}
          />
          <PasswordInput
            label="Mot de passe"
            autoComplete="current-password"
            required
            {...fieldProps(form, 'password')}
          />
          <Button type="submit" loading={login.isPending}>
            Se connecter
          </Button>
          <Text size="sm">
            Pas encore de compte ?{' '}
            <Anchor component={Link} to="/creer-un-compte">
              Créer un compte
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
