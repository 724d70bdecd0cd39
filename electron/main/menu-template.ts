import type { MenuItemConstructorOptions } from 'electron';
import type { ShellCommand } from '../../shared/ipc/events';

export interface MenuContext {
  platform: NodeJS.Platform;
  /** "Recharger" and the developer tools exist only in development. */
  development: boolean;
  appName: string;
  /** Synchronisation and "Se déconnecter" need a signed-in account. */
  signedIn: boolean;
}

export interface MenuActions {
  /** Something the window does (navigation, or an action it confirms): sent as `shell.command`. */
  command(command: ShellCommand): void;
  openLogsFolder(): void;
}

/**
 * The French native menus, as plain objects Electron's `Menu.buildFromTemplate` takes. Edit
 * and view entries use Electron's roles (their accelerators and behaviour are the OS's); on
 * macOS the application menu holds "À propos" and "Quitter", as Mac users expect.
 */
export function menuTemplate(context: MenuContext, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = context.platform === 'darwin';
  const send = (command: ShellCommand) => () => actions.command(command);
  const ofApp = /^[aeiouyàâéèêîôh]/i.test(context.appName) ? `d’${context.appName}` : `de ${context.appName}`;
  const about: MenuItemConstructorOptions = {
    id: 'about',
    label: mac ? `À propos ${ofApp}` : 'À propos',
    click: send('open.about'),
  };
  const signOut: MenuItemConstructorOptions = {
    id: 'signOut',
    label: 'Se déconnecter',
    enabled: context.signedIn,
    click: send('signOut'),
  };

  const appMenu: MenuItemConstructorOptions = {
    label: context.appName,
    submenu: [
      about,
      { type: 'separator' },
      { role: 'services', label: 'Services' },
      { type: 'separator' },
      { role: 'hide', label: `Masquer ${context.appName}` },
      { role: 'hideOthers', label: 'Masquer les autres' },
      { role: 'unhide', label: 'Tout afficher' },
      { type: 'separator' },
      { role: 'quit', label: `Quitter ${context.appName}` },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: 'Fichier',
    submenu: mac
      ? [signOut, { type: 'separator' }, { role: 'close', label: 'Fermer la fenêtre' }]
      : [signOut, { type: 'separator' }, { role: 'quit', label: 'Quitter', accelerator: 'CmdOrCtrl+Q' }],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: 'Édition',
    submenu: [
      { role: 'undo', label: 'Annuler' },
      { role: 'redo', label: 'Rétablir' },
      { type: 'separator' },
      { role: 'cut', label: 'Couper' },
      { role: 'copy', label: 'Copier' },
      { role: 'paste', label: 'Coller' },
      { role: 'selectAll', label: 'Tout sélectionner' },
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: 'Affichage',
    submenu: [
      ...(context.development
        ? ([
            { role: 'reload', label: 'Recharger' },
            { role: 'toggleDevTools', label: 'Outils de développement' },
            { type: 'separator' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'zoomIn', label: 'Zoom avant' },
      { role: 'zoomOut', label: 'Zoom arrière' },
      { role: 'resetZoom', label: 'Réinitialiser le zoom' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: 'Plein écran' },
    ],
  };
  const syncMenu: MenuItemConstructorOptions = {
    label: 'Synchronisation',
    submenu: [
      {
        id: 'syncNow',
        label: 'Synchroniser maintenant',
        // Not Ctrl+S: users expect it to save the form they are typing in.
        accelerator: 'CmdOrCtrl+Shift+S',
        enabled: context.signedIn,
        click: send('sync.now'),
      },
      { type: 'separator' },
      { label: 'Conflits de synchronisation', enabled: context.signedIn, click: send('open.conflicts') },
      { label: 'Modifications refusées', enabled: context.signedIn, click: send('open.refused') },
    ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: 'Aide',
    submenu: [
      { label: 'Espace ressources', enabled: context.signedIn, click: send('open.resources') },
      { label: 'Raccourcis clavier', enabled: context.signedIn, click: send('open.shortcuts') },
      { label: 'Ouvrir le dossier des journaux', click: () => actions.openLogsFolder() },
      ...(mac ? [] : ([{ type: 'separator' }, about] satisfies MenuItemConstructorOptions[])),
    ],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, syncMenu, helpMenu];
}
