import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { contextMenuTemplate, type ContextMenuPlace } from './context-menu';

const noEdits = {
  canUndo: false,
  canRedo: false,
  canCut: false,
  canCopy: false,
  canPaste: false,
  canDelete: false,
  canSelectAll: false,
  canEditRichly: false,
};
const field: ContextMenuPlace = {
  isEditable: true,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: { ...noEdits, canPaste: true, canSelectAll: true },
  linkURL: '',
};

function build(place: Partial<ContextMenuPlace>) {
  const done: string[] = [];
  const items = contextMenuTemplate(
    { ...field, ...place },
    {
      replaceMisspelling: (word) => done.push(`remplacer ${word}`),
      addToDictionary: (word) => done.push(`dictionnaire ${word}`),
      copyText: (text) => done.push(`copier ${text}`),
    },
  );
  const labels = items.map((item) => item.label ?? item.type);
  const click = (label: string) =>
    (items.find((item) => item.label === label)?.click as (() => void) | undefined)?.();
  return { items, labels, done, click };
}

const enabled = (items: MenuItemConstructorOptions[], label: string) =>
  items.find((item) => item.label === label)?.enabled;

describe('right-click menu', () => {
  it('offers the spell checker’s suggestions for a misspelled word, then adding it to the dictionary', () => {
    const menu = build({
      misspelledWord: 'apprentisage',
      dictionarySuggestions: ['apprentissage', 'apprentissages', 'a', 'b', 'c', 'd', 'e'],
    });
    expect(menu.labels.slice(0, 7)).toEqual([
      'apprentissage',
      'apprentissages',
      'a',
      'b',
      'c',
      'Ajouter au dictionnaire',
      'separator',
    ]);
    menu.click('apprentissage');
    menu.click('Ajouter au dictionnaire');
    expect(menu.done).toEqual(['remplacer apprentissage', 'dictionnaire apprentisage']);
  });

  it('says so when the checker has no suggestion', () => {
    const menu = build({ misspelledWord: 'xqzt' });
    expect(menu.labels[0]).toBe('Aucune suggestion');
    expect(enabled(menu.items, 'Aucune suggestion')).toBe(false);
  });

  it('gives a field the editing entries, enabled as the field allows', () => {
    const menu = build({});
    expect(menu.labels).toEqual([
      'Annuler',
      'Rétablir',
      'separator',
      'Couper',
      'Copier',
      'Coller',
      'Tout sélectionner',
    ]);
    expect(enabled(menu.items, 'Coller')).toBe(true);
    expect(enabled(menu.items, 'Couper')).toBe(false);
  });

  it('outside a field: « Copier » for a selection, the link’s address, nothing otherwise', () => {
    expect(build({ isEditable: false, selectionText: 'Maçon' }).labels).toEqual(['Copier']);
    const link = build({ isEditable: false, linkURL: 'https://www.service-public.fr/' });
    expect(link.labels).toEqual(['Copier l’adresse du lien']);
    link.click('Copier l’adresse du lien');
    expect(link.done).toEqual(['copier https://www.service-public.fr/']);
    expect(build({ isEditable: false }).items).toEqual([]);
  });
});
