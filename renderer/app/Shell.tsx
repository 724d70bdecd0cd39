import { Alert, AppShell, Badge, Box, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Link, Outlet, useLocation } from 'react-router';
import { openAboutDialog } from '../features/about/AboutDialog';
import { ConnectivityIndicator } from '../features/connectivity/ConnectivityIndicator';
import { useApplicationCounts } from '../features/applications/queries';
import { useArrivalToast } from '../features/applications/useArrivalToast';
import { ALERTS_PATH } from '../features/alerts/paths';
import { DASHBOARD_PATH } from '../features/dashboard/paths';
import { FAVORITES_PATH } from '../features/favorites/paths';
import { EMPLOYERS_PATH } from '../features/employers/paths';
import { MEMBERS_PATH } from '../features/members/MembersPage';
import { CREATE_OFFER_PATH, MY_OFFERS_PATH, PUBLIC_OFFERS_PATH } from '../features/offers/paths';
import { PROFILES_PATH } from '../features/profiles/paths';
import { GlobalSearch, GlobalSearchButton } from '../features/search/GlobalSearch';
import { useSignedInSession } from '../features/session/SessionGate';
import { RESOURCES_PATH } from '../features/resources/paths';
import { SHORTCUTS_PATH } from '../features/shortcuts/shortcuts';
import { useShortcuts } from '../features/shortcuts/useShortcuts';
import { SETTINGS_PATH } from '../features/settings/paths';
import { UpdateReadyAlert } from '../features/updates/UpdateReadyAlert';
import { SignOutButton, useSignOut } from '../features/session/SignOutButton';
import { useSyncNow, useSyncStatus } from '../features/sync/queries';
import { FirstSyncBanner, useFirstSync } from '../features/sync/FirstSyncGate';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { formatCount } from '../ui/plural';
import { APP_NAME } from '../ui/usePageTitle';

interface MenuEntry {
  label: string;
  to: string;
  /** Shows the number of applications "A traiter" beside it. */
  toAnswerBadge?: boolean;
}

/** The menus of DESIGN.md §7; an entry appears here once its screen works. */
const menus: Array<{ title: string; entries: MenuEntry[] }> = [
  {
    title: 'Mon compte',
    entries: [
      { label: 'Ma structure', to: '/mon-compte/ma-structure' },
      { label: 'Mes informations personnelles', to: '/mon-compte/mes-informations-personnelles' },
      // Shown to everyone, as in the manual: a gestionnaire who opens it is sent home with its sentence.
      { label: 'Utilisateurs de ma structure', to: MEMBERS_PATH },
    ],
  },
  {
    title: 'Mes offres',
    entries: [
      { label: 'Mes offres', to: MY_OFFERS_PATH },
      { label: 'Créer une offre', to: CREATE_OFFER_PATH },
      { label: 'Suivi des employeurs', to: EMPLOYERS_PATH },
    ],
  },
  {
    title: 'Mon espace',
    entries: [
      { label: 'Tableau de bord', to: DASHBOARD_PATH, toAnswerBadge: true },
      { label: 'Alertes', to: ALERTS_PATH },
      { label: 'Favoris', to: FAVORITES_PATH },
      { label: 'Rechercher des profils', to: PROFILES_PATH },
      { label: 'Consulter toutes les offres', to: PUBLIC_OFFERS_PATH },
    ],
  },
];

function MenuLink({
  label,
  to,
  count,
  describe,
}: {
  label: string;
  to: string;
  count?: number | undefined;
  /** Names the count for screen readers; the badge itself is then only seen. */
  describe?: ((count: number) => string) | undefined;
}) {
  const { pathname } = useLocation();
  const active = pathname === to;
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      active={active}
      aria-current={active ? 'page' : undefined}
      aria-label={count && describe ? `${label}, ${describe(count)}` : undefined}
      rightSection={
        count ? (
          // A pill, not a circle: "68" or "1 250" must fit.
          <Badge color="red.9" size="sm" px={6} style={{ minWidth: 20 }}>
            {count.toLocaleString('fr-FR')}
          </Badge>
        ) : null
      }
    />
  );
}

/** "Tableau de bord" with the number of applications waiting for an answer (the badge). */
function ToAnswerMenuLink({ label, to }: { label: string; to: string }) {
  const counts = useApplicationCounts();
  // A partial count during the first synchronisation would mislead.
  const firstSync = useFirstSync();
  return (
    <MenuLink
      label={label}
      to={to}
      count={firstSync ? undefined : counts.data?.a_traiter}
      describe={(n) => `${formatCount(n)} candidature${n > 1 ? 's' : ''} à traiter`}
    />
  );
}

function SyncMenu() {
  const syncNow = useSyncNow();
  const { data: status } = useSyncStatus();
  const busy = syncNow.isPending || Boolean(status?.running);
  return (
    <Box mt="md">
      <Text component="h2" size="xs" fw={700} tt="uppercase" px="sm" mb={4}>
        Synchronisation
      </Text>
      {/* Mantine only greys a disabled NavLink: aria-disabled says it (and exempts it from contrast). */}
      <NavLink
        component="button"
        type="button"
        label="Synchroniser maintenant"
        onClick={() => !busy && syncNow.mutate()}
        disabled={busy}
        aria-disabled={busy || undefined}
      />
      <MenuLink
        label="Conflits de synchronisation"
        to="/synchronisation/conflits"
        count={status?.conflicts}
      />
      <MenuLink label="Modifications refusées" to="/synchronisation/refus" count={status?.parked} />
    </Box>
  );
}

/** "Aide": the same entries as the native menu (the browser has none). */
function HelpMenu() {
  return (
    <Box mt="md">
      <Text component="h2" size="xs" fw={700} tt="uppercase" px="sm" mb={4}>
        Aide
      </Text>
      <MenuLink label="Espace ressources" to={RESOURCES_PATH} />
      <MenuLink label="Raccourcis clavier" to={SHORTCUTS_PATH} />
      <NavLink component="button" type="button" label="À propos" onClick={openAboutDialog} />
    </Box>
  );
}

function ReauthBanner() {
  // Signing in again goes through the sign-in screen, keeping the data (warned about waiting changes).
  const reconnect = useSignOut({ offerErase: false });
  return (
    <Alert color="orange" variant="outline" role="alert" mb="md">
      <Group justify="space-between">
        <Text size="sm">
          Votre session a expiré : vos données restent consultables, reconnectez-vous pour échanger avec la
          plateforme.
        </Text>
        <Button size="xs" variant="outline" onClick={reconnect.request} loading={reconnect.pending}>
          Se reconnecter
        </Button>
      </Group>
    </Alert>
  );
}

export function Shell() {
  const { user, structure, reauthRequired } = useSignedInSession();
  useArrivalToast();
  useShortcuts();
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 270, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Text fw={700} c="var(--app-color-brand)">
              {APP_NAME}
            </Text>
            {structure && (
              <Text fw={600} truncate="end" aria-label="Structure">
                {structure.legalName}
              </Text>
            )}
          </Group>
          <Group gap="lg" wrap="nowrap">
            <GlobalSearchButton />
            <SyncIndicator />
            <ConnectivityIndicator />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        {/* The menus scroll on a short window (a plain overflow grew the section past the window's
            bottom instead); who is signed in and "Se déconnecter" stay in view. Tabbing scrolls too. */}
        <AppShell.Section grow component={ScrollArea} type="auto" offsetScrollbars="y">
          <Box component="nav" aria-label="Menu principal" pb="xs">
            <MenuLink label="Accueil" to="/" />
            {menus.map((menu) => (
              <Box key={menu.title} mt="md">
                <Text component="h2" size="xs" fw={700} tt="uppercase" px="sm" mb={4}>
                  {menu.title}
                </Text>
                {menu.entries.map((entry) =>
                  entry.toAnswerBadge ? (
                    <ToAnswerMenuLink key={entry.to} label={entry.label} to={entry.to} />
                  ) : (
                    <MenuLink key={entry.to} label={entry.label} to={entry.to} />
                  ),
                )}
              </Box>
            ))}
            <SyncMenu />
            <HelpMenu />
            <Box mt="md">
              <MenuLink label="Paramètres" to={SETTINGS_PATH} />
            </Box>
          </Box>
        </AppShell.Section>
        <AppShell.Section>
          <Stack gap={4} pt="sm">
            <Text size="sm" px="sm">
              {user.firstName} {user.lastName}
            </Text>
            <SignOutButton />
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <UpdateReadyAlert />
        {reauthRequired && <ReauthBanner />}
        <FirstSyncBanner />
        <Outlet />
      </AppShell.Main>
      <GlobalSearch />
    </AppShell>
  );
}
