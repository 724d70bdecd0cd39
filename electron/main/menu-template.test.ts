import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { ShellCommand } from '../../shared/ipc/events';
import { menuTemplate, type MenuContext } from './menu-template';

const windows: MenuContext = { platform: 'win32', development: false, appName: 'Alternance', signedIn: true };

function build(context: Partial<MenuContext> = {}) {
  const sent: ShellCommand[] = [];
  const logs: number[] = [];
  const menus = menuTemplate(
    { ...windows, ...context },
    { command: (command) => sent.push(command), openLogsFolder: () => logs.push(1) },
  );
  return { menus, sent, logs };
}

function items(menus: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = menus.find((m) => m.label === label);
  if (!menu) throw new Error(`menu ${label} absent`);
  return menu.submenu as MenuItemConstructorOptions[];
}

function entry(menus: MenuItemConstructorOptions[], menu: string, label: string): MenuItemConstructorOptions {
  const found = items(menus, menu).find((item) => item.label === label);
  if (!found) throw new Error(`${menu} › ${label} absent`);
  return found;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

const labels = (list: MenuItemConstructorOptions[]) =>
  list.filter((i) => i.type !== 'separator').map((i) => i.label);

describe('native menus', () => {
  it('has the French menus in order, with the edit roles', () => {
    const { menus } = build();
    expect(menus.map((m) => m.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Synchronisation', 'Aide']);
    expect(
      items(menus, 'Édition')
        .map((i) => i.role)
        .filter(Boolean),
    ).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(labels(items(menus, 'Édition'))).toEqual([
      'Annuler',
      'Rétablir',
      'Couper',
      'Copier',
      'Coller',
      'Tout sélectionner',
    ]);
    expect(labels(items(menus, 'Fichier'))).toEqual(['Se déconnecter', 'Quitter']);
    expect(labels(items(menus, 'Aide'))).toEqual([
      'Espace ressources',
      'Raccourcis clavier',
      'Ouvrir le dossier des journaux',
      'À propos',
    ]);
  });

  it('sends the window the commands of its entries, and opens the logs folder itself', () => {
    const { menus, sent, logs } = build();
    click(entry(menus, 'Synchronisation', 'Synchroniser maintenant'));
    click(entry(menus, 'Synchronisation', 'Conflits de synchronisation'));
    click(entry(menus, 'Synchronisation', 'Modifications refusées'));
    click(entry(menus, 'Aide', 'Espace ressources'));
    click(entry(menus, 'Aide', 'Raccourcis clavier'));
    click(entry(menus, 'Aide', 'À propos'));
    click(entry(menus, 'Fichier', 'Se déconnecter'));
    click(entry(menus, 'Aide', 'Ouvrir le dossier des journaux'));
    expect(sent).toEqual([
      'sync.now',
      'open.conflicts',
      'open.refused',
      'open.resources',
      'open.shortcuts',
      'open.about',
      'signOut',
    ]);
    expect(logs).toEqual([1]);
  });

  it('uses CmdOrCtrl accelerators that do not take Ctrl+S from the forms', () => {
    const { menus } = build();
    expect(entry(menus, 'Synchronisation', 'Synchroniser maintenant').accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(entry(menus, 'Fichier', 'Quitter').accelerator).toBe('CmdOrCtrl+Q');
    const accelerators = JSON.stringify(menus, (key, value) => (key === 'click' ? undefined : value));
    expect(accelerators).not.toMatch(/"accelerator":"(Ctrl|Cmd|Command)\+/);
  });

  it('offers "Recharger" and the developer tools only in development', () => {
    expect(
      items(build().menus, 'Affichage')
        .map((i) => i.role)
        .filter(Boolean),
    ).toEqual(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']);
    expect(labels(items(build({ development: true }).menus, 'Affichage'))).toEqual([
      'Recharger',
      'Outils de développement',
      'Zoom avant',
      'Zoom arrière',
      'Réinitialiser le zoom',
      'Plein écran',
    ]);
  });

  it('greys what needs a signed-in account when nobody is', () => {
    const { menus } = build({ signedIn: false });
    expect(entry(menus, 'Fichier', 'Se déconnecter').enabled).toBe(false);
    expect(
      items(menus, 'Synchronisation')
        .filter((i) => i.type !== 'separator')
        .map((i) => i.enabled),
    ).toEqual([false, false, false]);
    expect(entry(menus, 'Aide', 'Ouvrir le dossier des journaux').enabled).toBeUndefined();
  });

  it('follows macOS conventions: application menu with À propos and Quitter', () => {
    const { menus } = build({ platform: 'darwin' });
    expect(menus.map((m) => m.label)).toEqual([
      'Alternance',
      'Fichier',
      'Édition',
      'Affichage',
      'Synchronisation',
      'Aide',
    ]);
    expect(labels(items(menus, 'Alternance'))).toContain('À propos d’Alternance');
    expect(items(menus, 'Alternance').at(-1)).toMatchObject({ role: 'quit', label: 'Quitter Alternance' });
    expect(labels(items(menus, 'Fichier'))).toEqual(['Se déconnecter', 'Fermer la fenêtre']);
    expect(labels(items(menus, 'Aide'))).not.toContain('À propos');
  });
});
