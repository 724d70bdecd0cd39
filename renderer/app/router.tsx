import { Anchor, Container, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { createBrowserRouter, Link, useRouteError } from 'react-router';
import { PersonalInfoPage } from '../features/account/PersonalInfoPage';
import { ApplicationDetailsPage } from '../features/applications/ApplicationDetailsPage';
import { ApplicationsPage } from '../features/applications/ApplicationsPage';
import { APPLICATIONS_PATH, REPLY_TEMPLATES_PATH } from '../features/applications/paths';
import { ReplyTemplatesPage } from '../features/applications/ReplyTemplatesPage';
import { LoginPage } from '../features/auth/LoginPage';
import { RegisterPage } from '../features/auth/RegisterPage';
import { AlertsPage } from '../features/alerts/AlertsPage';
import { ALERTS_PATH } from '../features/alerts/paths';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { DASHBOARD_PATH } from '../features/dashboard/paths';
import { AddEmployerPage } from '../features/employers/AddEmployerPage';
import { EmployerDetailsPage } from '../features/employers/EmployerDetailsPage';
import { EmployersPage } from '../features/employers/EmployersPage';
import { ImportEmployersPage } from '../features/employers/import/ImportEmployersPage';
import { ADD_EMPLOYER_PATH, EMPLOYERS_PATH, IMPORT_EMPLOYERS_PATH } from '../features/employers/paths';
import { FavoritesPage } from '../features/favorites/FavoritesPage';
import { FAVORITES_PATH } from '../features/favorites/paths';
import { HomePage } from '../features/home/HomePage';
import { MEMBERS_PATH, MembersPage } from '../features/members/MembersPage';
import { CreateOfferPage } from '../features/offers/CreateOfferPage';
import { EditOfferPage } from '../features/offers/EditOfferPage';
import { MyOffersPage } from '../features/offers/MyOffersPage';
import { CREATE_OFFER_PATH, MY_OFFERS_PATH, PUBLIC_OFFERS_PATH } from '../features/offers/paths';
import { PublicOffersPage } from '../features/offers/PublicOffersPage';
import { PROFILES_PATH } from '../features/profiles/paths';
import { ProfileDetailsPage } from '../features/profiles/ProfileDetailsPage';
import { ProfileSearchPage } from '../features/profiles/ProfileSearchPage';
import { PendingPage } from '../features/structure/PendingPage';
import { PENDING_PATH, SessionGate, SETUP_PATH } from '../features/session/SessionGate';
import { StructurePage } from '../features/structure/StructurePage';
import { StructureSetupPage } from '../features/structure/StructureSetupPage';
import { ConflictsPage } from '../features/sync/ConflictsPage';
import { FirstSyncGate } from '../features/sync/FirstSyncGate';
import { RefusedChangesPage } from '../features/sync/RefusedChangesPage';
import { RESOURCES_PATH } from '../features/resources/paths';
import { SHORTCUTS_PATH } from '../features/shortcuts/shortcuts';
import { ShortcutsPage } from '../features/shortcuts/ShortcutsPage';
import { ResourcesPage } from '../features/resources/ResourcesPage';
import { SETTINGS_PATH } from '../features/settings/paths';
import { SettingsPage } from '../features/settings/SettingsPage';
import { Shell } from './Shell';

function RouteError() {
  const error = useRouteError();
  console.error(error);
  return (
    <Container component="main" py="xl">
      <Title order={1}>Une erreur est survenue</Title>
      <Text my="md">L’écran n’a pas pu s’afficher. Vos données enregistrées ne sont pas perdues.</Text>
      <Anchor component={Link} to="/">
        Retour à l’accueil
      </Anchor>
    </Container>
  );
}

/** A screen of the structure's data: « Première synchronisation en cours » until this desktop has it. */
function needsData(title: string, screen: ReactElement): ReactElement {
  return <FirstSyncGate title={title}>{screen}</FirstSyncGate>;
}

function NotFound() {
  return (
    <>
      <Title order={1}>Page introuvable</Title>
      <Anchor component={Link} to="/">
        Retour à l’accueil
      </Anchor>
    </>
  );
}

export const router = createBrowserRouter([
  {
    element: <SessionGate />,
    errorElement: <RouteError />,
    children: [
      { path: '/connexion', element: <LoginPage /> },
      { path: '/creer-un-compte', element: <RegisterPage /> },
      { path: SETUP_PATH, element: <StructureSetupPage /> },
      { path: PENDING_PATH, element: <PendingPage /> },
      {
        element: <Shell />,
        children: [
          { index: true, element: <HomePage /> },
          { path: '/mon-compte/ma-structure', element: <StructurePage /> },
          { path: '/mon-compte/mes-informations-personnelles', element: <PersonalInfoPage /> },
          { path: MEMBERS_PATH, element: <MembersPage /> },
          { path: MY_OFFERS_PATH, element: needsData('Mes offres', <MyOffersPage />) },
          { path: CREATE_OFFER_PATH, element: <CreateOfferPage /> },
          {
            path: `${MY_OFFERS_PATH}/:id/modifier`,
            element: needsData('Modifier l’offre', <EditOfferPage />),
          },
          { path: EMPLOYERS_PATH, element: needsData('Suivi des employeurs', <EmployersPage />) },
          { path: ADD_EMPLOYER_PATH, element: <AddEmployerPage /> },
          { path: IMPORT_EMPLOYERS_PATH, element: <ImportEmployersPage /> },
          { path: `${EMPLOYERS_PATH}/:id`, element: needsData('Employeur', <EmployerDetailsPage />) },
          { path: PUBLIC_OFFERS_PATH, element: <PublicOffersPage /> },
          { path: DASHBOARD_PATH, element: needsData('Tableau de bord', <DashboardPage />) },
          { path: ALERTS_PATH, element: needsData('Alertes', <AlertsPage />) },
          { path: FAVORITES_PATH, element: needsData('Favoris', <FavoritesPage />) },
          { path: APPLICATIONS_PATH, element: needsData('Candidatures', <ApplicationsPage />) },
          { path: `${APPLICATIONS_PATH}/:id`, element: needsData('Candidature', <ApplicationDetailsPage />) },
          { path: REPLY_TEMPLATES_PATH, element: <ReplyTemplatesPage /> },
          { path: PROFILES_PATH, element: <ProfileSearchPage /> },
          { path: `${PROFILES_PATH}/:id`, element: <ProfileDetailsPage /> },
          { path: '/synchronisation/conflits', element: <ConflictsPage /> },
          { path: '/synchronisation/refus', element: <RefusedChangesPage /> },
          { path: RESOURCES_PATH, element: <ResourcesPage /> },
          { path: SHORTCUTS_PATH, element: <ShortcutsPage /> },
          { path: SETTINGS_PATH, element: <SettingsPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
