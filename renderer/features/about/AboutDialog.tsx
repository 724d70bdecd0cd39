import { Loader } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useQuery } from '@tanstack/react-query';
import { call, messageOf } from '../../api/client';
import { DetailList } from '../../ui/DetailList';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** "À propos": what the user reads out to their IT support. */
function AboutContent() {
  const about = useQuery({
    queryKey: ['app', 'about'],
    queryFn: () => call('app.about'),
    staleTime: Infinity,
  });
  if (about.isPending) return <Loader aria-label="Chargement" />;
  if (about.error)
    return <ErrorAlert message={messageOf(about.error)} onRetry={() => void about.refetch()} />;
  const { version, platformUrl, dataDir, electron } = about.data;
  return (
    <DetailList
      items={[
        { label: 'Version', value: electron ? version : `${version} (navigateur)` },
        { label: 'Plateforme', value: platformUrl },
        { label: 'Dossier des données', value: dataDir },
      ]}
    />
  );
}

/** Opened from "Aide › À propos" (native menu in Electron, the side menu in a browser). */
export function openAboutDialog(): void {
  modals.open({
    modalId: 'a-propos',
    title: 'À propos',
    size: 'lg',
    closeButtonProps: { 'aria-label': 'Fermer' },
    children: <AboutContent />,
  });
}
