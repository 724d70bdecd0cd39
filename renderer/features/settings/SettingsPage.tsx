import { Button, Card, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import {
  configLabels,
  updateChannelLabels,
  type ConfigKey,
  type ConfigPatch,
  type ConfigView,
  type UpdateChannel,
} from '../../../shared/domain/config';
import { AppError } from '../../../shared/ipc/errors';
import { messageOf } from '../../api/client';
import { formatDateTime } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { notifySuccess } from '../../ui/notify';
import { usePageTitle } from '../../ui/usePageTitle';
import { useCheckForUpdate, useUpdateStatus } from '../updates/queries';
import { useConfig, useUpdateConfig } from './queries';
import { ConfigOrigin } from './ConfigOrigin';
import { ThemeCard } from './ThemeCard';

interface Values {
  platformUrl: string;
  proxyMode: 'system' | 'manual';
  proxyUrl: string;
  updateUrl: string;
  updateChannel: UpdateChannel;
}

function valuesOf(view: ConfigView): Values {
  const { values } = view;
  return {
    platformUrl: values.platformUrl.value,
    proxyMode: values.proxy.value === 'system' ? 'system' : 'manual',
    proxyUrl: values.proxy.value === 'system' ? '' : values.proxy.value,
    updateUrl: values.updateUrl.value,
    updateChannel: values.updateChannel.value,
  };
}

/** Only what changed and may be changed: a locked value is never sent. */
function patchOf(view: ConfigView, form: Values): ConfigPatch {
  const before = valuesOf(view);
  const patch: ConfigPatch = {};
  const editable = (key: ConfigKey) => !view.values[key].locked;
  if (editable('platformUrl') && form.platformUrl !== before.platformUrl)
    patch.platformUrl = form.platformUrl.trim() || null;
  const proxy = form.proxyMode === 'system' ? 'system' : form.proxyUrl.trim();
  if (editable('proxy') && proxy !== view.values.proxy.value) patch.proxy = proxy || null;
  if (editable('updateUrl') && form.updateUrl !== before.updateUrl)
    patch.updateUrl = form.updateUrl.trim() || null;
  if (editable('updateChannel') && form.updateChannel !== before.updateChannel)
    patch.updateChannel = form.updateChannel;
  return patch;
}

function UpdatesCard() {
  const { data: status } = useUpdateStatus();
  const check = useCheckForUpdate();
  if (!status) return null;
  const describe = () => {
    switch (status.phase) {
      case 'unavailable':
        return status.error ?? 'Non disponible.';
      case 'checking':
        return 'Recherche d’une mise à jour…';
      case 'available':
      case 'downloading':
        return `Téléchargement de la version ${status.version ?? ''} en arrière-plan${status.percent !== null ? ` (${status.percent} %)` : ''}.`;
      case 'downloaded':
        return `La version ${status.version ?? ''} est prête : redémarrez l’application pour l’installer.`;
      case 'error':
        return status.error ?? 'La dernière recherche a échoué.';
      default:
        return status.lastCheckAt
          ? `L’application est à jour (dernière vérification le ${formatDateTime(status.lastCheckAt)}).`
          : 'Vérification au démarrage puis toutes les 6 heures.';
    }
  };
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Mises à jour
      </Title>
      <Text size="sm" mb="sm" aria-live="polite">
        {describe()}
      </Text>
      {status.phase !== 'unavailable' && (
        <Button
          variant="outline"
          size="xs"
          onClick={() => check.mutate()}
          loading={check.isPending || status.phase === 'checking'}
        >
          Rechercher une mise à jour
        </Button>
      )}
    </Card>
  );
}

function SettingsForm({ view }: { view: ConfigView }) {
  const save = useUpdateConfig();
  const form = useForm<Values>({ initialValues: valuesOf(view) });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    setValues(valuesOf(view));
    resetDirty(valuesOf(view));
    // Only when the saved configuration changes, not on each keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view]);
  const locked = (key: ConfigKey) => view.values[key].locked;

  const submit = (values: Values) => {
    const patch = patchOf(view, values);
    if (Object.keys(patch).length === 0) return;
    save.mutate(patch, {
      onSuccess: () => notifySuccess('Paramètres enregistrés.'),
      onError: (error) => {
        if (error instanceof AppError && error.fields) {
          const { proxy, ...others } = error.fields;
          form.setErrors({ ...others, ...(proxy ? { proxyUrl: proxy } : {}) });
        }
      },
    });
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        {save.error && !(save.error instanceof AppError && save.error.fields) && (
          <ErrorAlert message={messageOf(save.error)} />
        )}
        <Card withBorder>
          <Stack>
            <div>
              <TextInput
                label={configLabels.platformUrl}
                description={
                  view.platformUrlInUse !== view.values.platformUrl.value
                    ? `Adresse utilisée actuellement : ${view.platformUrlInUse}. La nouvelle adresse sera prise en compte au prochain démarrage.`
                    : 'Un changement est pris en compte au prochain démarrage de l’application.'
                }
                disabled={locked('platformUrl')}
                {...form.getInputProps('platformUrl')}
              />
              <ConfigOrigin view={view} field="platformUrl" />
            </div>
            <div>
              <Select
                label={configLabels.proxy}
                data={[
                  { value: 'system', label: 'Proxy du système' },
                  { value: 'manual', label: 'Adresse saisie ci-dessous' },
                ]}
                allowDeselect={false}
                disabled={locked('proxy')}
                {...form.getInputProps('proxyMode')}
              />
              {form.values.proxyMode === 'manual' && (
                <TextInput
                  mt="xs"
                  label="Adresse du proxy"
                  placeholder="http://proxy.exemple.fr:3128"
                  disabled={locked('proxy')}
                  {...form.getInputProps('proxyUrl')}
                />
              )}
              <ConfigOrigin view={view} field="proxy" />
            </div>
            <div>
              <TextInput
                label={configLabels.updateUrl}
                disabled={locked('updateUrl')}
                {...form.getInputProps('updateUrl')}
              />
              <ConfigOrigin view={view} field="updateUrl" />
            </div>
            <div>
              <Select
                label={configLabels.updateChannel}
                data={Object.entries(updateChannelLabels).map(([value, label]) => ({ value, label }))}
                allowDeselect={false}
                disabled={locked('updateChannel')}
                {...form.getInputProps('updateChannel')}
              />
              <ConfigOrigin view={view} field="updateChannel" />
            </div>
            <Group>
              <Button type="submit" loading={save.isPending}>
                Enregistrer
              </Button>
            </Group>
          </Stack>
        </Card>
      </Stack>
    </form>
  );
}

/** « Paramètres »: appearance, network and updates, with what the administrator imposes. */
export function SettingsPage() {
  usePageTitle('Paramètres');
  const config = useConfig();
  return (
    <Stack maw={720}>
      <Title order={1}>Paramètres</Title>
      {config.isPending && <Loader aria-label="Chargement des paramètres" />}
      {config.error && <ErrorAlert message={messageOf(config.error)} onRetry={() => void config.refetch()} />}
      {config.data && (
        <>
          {config.data.centralError && (
            <ErrorAlert
              title="Configuration de l’administrateur ignorée"
              message={config.data.centralError}
            />
          )}
          {config.data.centralFound && config.data.centralPath && (
            <Text size="sm">
              Une configuration de l’administrateur s’applique à cet ordinateur ({config.data.centralPath}).
            </Text>
          )}
          <ThemeCard view={config.data} />
          <SettingsForm view={config.data} />
        </>
      )}
      <UpdatesCard />
    </Stack>
  );
}
