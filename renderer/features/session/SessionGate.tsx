import { Center, Loader } from '@mantine/core';
import { createContext, useContext } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Session } from '../../../shared/domain/session';
import { useCoreEvents } from '../../api/events';
import { messageOf } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSession } from './queries';

type SignedIn = Extract<Session, { status: 'signedIn' }>;

const SignedInContext = createContext<SignedIn | null>(null);

/** The signed-in session, inside the routes that require one. */
export function useSignedInSession(): SignedIn {
  const session = useContext(SignedInContext);
  if (!session) throw new Error('useSignedInSession hors d’une route connectée');
  return session;
}

export const SETUP_PATH = '/premiere-connexion';

/** Loads the session, listens to the core's events, and sends each user where they belong. */
export function SessionGate() {
  useCoreEvents();
  const session = useSession();
  const { pathname } = useLocation();

  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Chargement" />
      </Center>
    );
  }
  if (session.error) {
    return (
      <Center h="100vh" p="lg" component="main">
        <ErrorAlert message={messageOf(session.error)} onRetry={() => void session.refetch()} />
      </Center>
    );
  }

  const data = session.data;
  const publicPage = pathname === '/connexion' || pathname === '/creer-un-compte';
  if (data.status === 'signedOut') return publicPage ? <Outlet /> : <Navigate to="/connexion" replace />;
  if (publicPage) return <Navigate to="/" replace />;
  const needsStructure = data.user.structureId === null;
  if (needsStructure && pathname !== SETUP_PATH) return <Navigate to={SETUP_PATH} replace />;
  if (!needsStructure && pathname === SETUP_PATH) return <Navigate to="/" replace />;
  return (
    <SignedInContext.Provider value={data}>
      <Outlet />
    </SignedInContext.Provider>
  );
}
