import { Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useEffect, useState } from 'react';
import { proxyCredentialsSchema, type ProxyLoginRequest } from '../../../shared/domain/proxy-login';
import { bridge } from '../../api/bridge';
import { call, messageOf } from '../../api/client';

/**
 * « Authentification du proxy »: the desktop's proxy asks for credentials (event
 * proxy.loginRequired); the answer goes back on proxy.login. Never shown in a browser.
 */
export function ProxyLoginModal() {
  const [request, setRequest] = useState<ProxyLoginRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: zod4Resolver(proxyCredentialsSchema),
  });

  useEffect(
    () =>
      bridge().subscribe((event) => {
        if (event.type !== 'proxy.loginRequired') return;
        setRequest(event.payload);
        setError(null);
      }),
    [],
  );

  const answer = async (values: { username: string; password: string } | null) => {
    if (!request) return;
    try {
      await call(
        'proxy.login',
        values ? { requestId: request.requestId, ...values } : { requestId: request.requestId, cancel: true },
      );
      form.setValues({ password: '' });
      setRequest(null);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  return (
    <Modal
      opened={request !== null}
      onClose={() => void answer(null)}
      title="Authentification du proxy"
      closeButtonProps={{ 'aria-label': 'Annuler' }}
    >
      {request && (
        <form onSubmit={form.onSubmit((values) => void answer(values))}>
          <Stack>
            <Text size="sm">
              Le proxy {request.host}:{request.port}
              {request.realm ? ` (${request.realm})` : ''} demande vos identifiants pour accéder à la
              plateforme.
            </Text>
            {request.retry && (
              <Text size="sm" c="var(--mantine-color-error)" role="alert">
                Identifiant ou mot de passe refusé par le proxy : vérifiez-les.
              </Text>
            )}
            {error && (
              <Text size="sm" c="var(--mantine-color-error)" role="alert">
                {error}
              </Text>
            )}
            <TextInput
              label="Identifiant"
              autoComplete="username"
              required
              {...form.getInputProps('username')}
            />
            <PasswordInput
              label="Mot de passe"
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Group justify="flex-end">
              <Button variant="outline" onClick={() => void answer(null)}>
                Annuler
              </Button>
              <Button type="submit">Valider</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
