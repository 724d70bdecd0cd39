import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../core/security/csp';
import { mainWindowOptions } from '../window-options';
import { resolveRendererFile } from './app-protocol';
import { isTrustedSender } from './ipc-sender';
import { isAllowedNavigation, windowOpenDecision } from './navigation';
import { displayMediaRequestHandler, permissionCheckHandler, permissionRequestHandler } from './permissions';

const root = path.resolve('/opt/app/dist/renderer');

describe('main window options', () => {
  const prefs = mainWindowOptions('/opt/app/preload.cjs').webPreferences!;
  it('isolates and sandboxes the renderer, without Node', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/app/preload.cjs',
      experimentalFeatures: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });
});

describe('every BrowserWindow', () => {
  it('is created from mainWindowOptions, overriding at most its geometry', () => {
    const mainDir = path.resolve(import.meta.dirname, '..');
    const sources = readdirSync(mainDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => readFileSync(path.join(mainDir, file), 'utf8'));
    const creations = sources.flatMap((source) => source.match(/new BrowserWindow\([^;]*;/g) ?? []);
    expect(creations.length).toBeGreaterThan(0);
    for (const creation of creations) {
      expect(creation).toMatch(
        /^new BrowserWindow\(\{ \.\.\.mainWindowOptions\(preloadPath(, appearance)?\), \.\.\.placement\.options \}\);$|^new BrowserWindow\(mainWindowOptions\(/,
      );
    }
  });
});

describe('content security policy', () => {
  const csp = contentSecurityPolicy();
  it('allows only our own scripts, never eval or inline scripts', () => {
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe('navigation guards', () => {
  it('keeps the window on app://bundle', () => {
    expect(isAllowedNavigation('app://bundle/mon-compte/ma-structure')).toBe(true);
    expect(isAllowedNavigation('https://example.org/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('app://autre/')).toBe(false);
    expect(isAllowedNavigation('pas une url')).toBe(false);
  });
  it('never opens new windows', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});

describe('IPC sender check', () => {
  it('answers our top frame only', () => {
    expect(isTrustedSender({ url: 'app://bundle/connexion', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://bundle/', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/x.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('permissions', () => {
  it('refuses every request and check', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      permissionRequestHandler(null, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(permissionCheckHandler()).toBe(false);
  });
  it('refuses screen sharing: no video nor audio stream is ever given', () => {
    const answers: unknown[] = [];
    displayMediaRequestHandler({ frame: null, videoRequested: true }, (streams) => answers.push(streams));
    expect(answers).toEqual([{}]);
  });
});

describe('app:// protocol', () => {
  it('serves files of the renderer folder', () => {
    expect(resolveRendererFile('app://bundle/assets/index-abc.js', root)).toBe(
      path.join(root, 'assets/index-abc.js'),
    );
    expect(resolveRendererFile('app://bundle/', root)).toBe(path.join(root, 'index.html'));
  });
  it('answers client-side routes with index.html', () => {
    expect(resolveRendererFile('app://bundle/mon-compte/ma-structure', root)).toBe(
      path.join(root, 'index.html'),
    );
  });
  it('refuses to leave the renderer folder, however the path is written', () => {
    for (const url of [
      'app://bundle/../../etc/passwd',
      'app://bundle/%2e%2e/%2e%2e/etc/passwd',
      'app://bundle/assets/..%2f..%2f..%2fsecrets.json',
      'app://bundle/..%5c..%5csecrets.json',
      'app://bundle/%00.js',
      'app://bundle/%E0%A4%A',
    ]) {
      const file = resolveRendererFile(url, root);
      expect(file === null || file.startsWith(root + path.sep), `${url} → ${file}`).toBe(true);
    }
  });
  it('refuses other schemes and hosts', () => {
    expect(resolveRendererFile('file:///etc/passwd', root)).toBeNull();
    expect(resolveRendererFile('app://autre/index.html', root)).toBeNull();
  });
});
