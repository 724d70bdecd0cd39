import { Center, Loader } from '@mantine/core';
import { createContext, useContext } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { membershipOf } from '../../../shared/domain/account';
import type { Session } from '../../../shared/domain/session';
import { useCoreEvents } from '../../api/events';
import { messageOf } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useShellCommands } from '../desktop/useShellCommands';
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
export const PENDING_PATH = '/demande-en-attente';

/** Where a signed-in user without a structure, or waiting for approval, must stay. */
function requiredPath(session: SignedIn): string | null {
  switch (membershipOf(session.user)) {
    case 'none':
      return SETUP_PATH;
    case 'pending':
      return PENDING_PATH;
    default:
      return null;
  }
}

/** Loads the session, listens to the core's events, and sends each user where they belong. */
export function SessionGate() {
  useCoreEvents();
  useShellCommands();
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
  const required = requiredPath(data);
  if (required && pathname !== required) return <Navigate to={required} replace />;
  if (!required && (pathname === SETUP_PATH || pathname === PENDING_PATH)) return <Navigate to="/" replace />;
  return (
    <SignedInContext.Provider value={data}>
      <Outlet />
    </SignedInContext.Provider>
  );
}
