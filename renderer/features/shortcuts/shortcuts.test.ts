import { describe, expect, it } from 'vitest';
import { shortcutList, shortcutOf, type KeyPress } from './shortcuts';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('keyboard shortcuts', () => {
  it('go back and forward with Alt+arrows on Windows and Linux, ⌘+[ and ⌘+] on macOS', () => {
    expect(shortcutOf(press('ArrowLeft', { altKey: true }), 'Win32')).toBe('back');
    expect(shortcutOf(press('ArrowRight', { altKey: true }), 'Linux x86_64')).toBe('forward');
    expect(shortcutOf(press('[', { metaKey: true }), 'MacIntel')).toBe('back');
    expect(shortcutOf(press(']', { metaKey: true }), 'MacIntel')).toBe('forward');
    // Each OS's own only: Alt+← on a Mac moves by word in a field.
    expect(shortcutOf(press('ArrowLeft', { altKey: true }), 'MacIntel')).toBeUndefined();
    expect(shortcutOf(press('[', { metaKey: true }), 'Win32')).toBeUndefined();
  });

  it('print with Ctrl+P (⌘+P on macOS), and leave other keys alone', () => {
    expect(shortcutOf(press('p', { ctrlKey: true }), 'Win32')).toBe('print');
    expect(shortcutOf(press('P', { ctrlKey: true }), 'Win32')).toBe('print');
    expect(shortcutOf(press('p', { metaKey: true }), 'MacIntel')).toBe('print');
    expect(shortcutOf(press('p', { ctrlKey: true, shiftKey: true }), 'Win32')).toBeUndefined();
    expect(shortcutOf(press('p'), 'Win32')).toBeUndefined();
    expect(shortcutOf(press('k', { ctrlKey: true }), 'Win32')).toBeUndefined();
  });

  it('are listed with the keys of the OS, in French', () => {
    expect(shortcutList('Win32').map((s) => `${s.keys} ${s.label}`)).toEqual([
      'Alt+← Page précédente',
      'Alt+→ Page suivante',
      'Ctrl+K Rechercher dans toute l’application',
      'Ctrl+P Imprimer la page (une candidature, un profil)',
    ]);
    expect(shortcutList('MacIntel').map((s) => s.keys)).toEqual(['⌘+[', '⌘+]', '⌘+K', '⌘+P']);
  });
});
