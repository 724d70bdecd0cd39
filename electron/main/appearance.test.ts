import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NativeTheme } from 'electron';
import { applyTheme, themeSourceOf } from './appearance';
import { mainWindowOptions, WINDOW_BACKGROUNDS, windowIconPath } from './window-options';

describe('« Thème » in Electron', () => {
  it('maps each choice to nativeTheme.themeSource', () => {
    expect(themeSourceOf('system')).toBe('system');
    expect(themeSourceOf('light')).toBe('light');
    expect(themeSourceOf('dark')).toBe('dark');
  });

  it('sets themeSource only when it changes (each assignment repaints every window)', () => {
    const writes: string[] = [];
    let current: NativeTheme['themeSource'] = 'system';
    const target = {
      get themeSource() {
        return current;
      },
      set themeSource(value) {
        writes.push(value);
        current = value;
      },
    };
    applyTheme(target, 'dark');
    applyTheme(target, 'dark');
    applyTheme(target, 'system');
    expect(writes).toEqual(['dark', 'system']);
  });
});

describe('main window appearance', () => {
  it('paints the dark background before the page when the theme is dark', () => {
    expect(mainWindowOptions('/p.cjs').backgroundColor).toBe(WINDOW_BACKGROUNDS.light);
    expect(mainWindowOptions('/p.cjs', { dark: true }).backgroundColor).toBe(WINDOW_BACKGROUNDS.dark);
  });

  it('takes its icon from the renderer’s folder', () => {
    const icon = windowIconPath(path.join('/opt', 'app', 'dist', 'renderer'));
    expect(icon).toBe(path.join('/opt', 'app', 'dist', 'renderer', 'app-icon.png'));
    expect(mainWindowOptions('/p.cjs', { icon }).icon).toBe(icon);
    expect(mainWindowOptions('/p.cjs')).not.toHaveProperty('icon');
  });
});
