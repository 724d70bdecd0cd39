import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

/** What the right-click menu needs to know of where the click was (a part of Electron's params). */
export type ContextMenuPlace = Pick<
  ContextMenuParams,
  'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions' | 'editFlags' | 'linkURL'
>;

export interface ContextMenuActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
  copyText(text: string): void;
}

const MAX_SUGGESTIONS = 5;

/**
 * The French right-click menu: the spell checker's suggestions for a misspelled word (without
 * it, they cannot be reached at all), "Ajouter au dictionnaire", then the editing entries that
 * apply where the click was. Empty where nothing applies (no menu then).
 */
export function contextMenuTemplate(
  place: ContextMenuPlace,
  actions: ContextMenuActions,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (place.isEditable && place.misspelledWord) {
    const suggestions = place.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0) items.push({ label: 'Aucune suggestion', enabled: false });
    for (const suggestion of suggestions)
      items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) });
    items.push(
      { label: 'Ajouter au dictionnaire', click: () => actions.addToDictionary(place.misspelledWord) },
      { type: 'separator' },
    );
  }
  if (place.isEditable) {
    items.push(
      { role: 'undo', label: 'Annuler', enabled: place.editFlags.canUndo },
      { role: 'redo', label: 'Rétablir', enabled: place.editFlags.canRedo },
      { type: 'separator' },
      { role: 'cut', label: 'Couper', enabled: place.editFlags.canCut },
      { role: 'copy', label: 'Copier', enabled: place.editFlags.canCopy },
      { role: 'paste', label: 'Coller', enabled: place.editFlags.canPaste },
      { role: 'selectAll', label: 'Tout sélectionner', enabled: place.editFlags.canSelectAll },
    );
  } else if (place.selectionText.trim() !== '') {
    items.push({ role: 'copy', label: 'Copier' });
  }
  if (place.linkURL) {
    if (items.length > 0) items.push({ type: 'separator' });
    items.push({ label: 'Copier l’adresse du lien', click: () => actions.copyText(place.linkURL) });
  }
  return items;
}
