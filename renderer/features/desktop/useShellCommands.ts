import { SHORTCUTS_PATH } from '../shortcuts/shortcuts';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import type { ShellCommand } from '../../../shared/ipc/events';
import { bridge } from '../../api/bridge';
import { openAboutDialog } from '../about/AboutDialog';
import { RESOURCES_PATH } from '../resources/paths';
import { useSignOut } from '../session/SignOutButton';
import { useSyncNow } from '../sync/queries';

/** Carries out what the native menus ask (`shell.command`, sent by the Electron shell only). */
export function useShellCommands(): void {
  const navigate = useNavigate();
  const syncNow = useSyncNow();
  const signOut = useSignOut();
  const actions: Record<ShellCommand, () => void> = {
    'sync.now': () => syncNow.mutate(),
    'open.conflicts': () => void navigate('/synchronisation/conflits'),
    'open.refused': () => void navigate('/synchronisation/refus'),
    'open.resources': () => void navigate(RESOURCES_PATH),
    'open.shortcuts': () => void navigate(SHORTCUTS_PATH),
    'open.about': openAboutDialog,
    signOut: signOut.request,
  };
  // One subscription for the window's life; it runs the actions of the latest render.
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(
    () =>
      bridge().subscribe((event) => {
        if (event.type === 'shell.command') latest.current[event.payload.command]();
      }),
    [],
  );
}
