import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ICON_OUTPUTS } from './icons';
import { repoRoot } from './paths';

// Loaded and validated by electron-builder's own code (the same ajv validation against
// app-builder-lib/scheme.json that `electron-builder` runs before packaging).
let config: Configuration;
beforeAll(async () => {
  config = await getConfig(repoRoot, 'electron-builder.yml', null);
});

function targetsOf(platform: 'win' | 'mac' | 'linux'): { target: string; arch: string[] }[] {
  return (config[platform]?.target ?? []) as { target: string; arch: string[] }[];
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s schema', async () => {
    await expect(
      validateConfiguration(structuredClone(config), new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('would be rejected by that validation if an option were misspelled', async () => {
    const misspelled = {
      ...structuredClone(config),
      nsis: { ...config.nsis, perMachin: false },
    } as Configuration;
    await expect(validateConfiguration(misspelled, new DebugLogger(false))).rejects.toThrow(
      /configuration\.nsis/,
    );
  });

  it('installs per user on Windows, without administrator rights, in French, for x64 and arm64', () => {
    expect(targetsOf('win')).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: true,
      perMachine: false,
      allowElevation: false,
      packElevateHelper: false,
      createDesktopShortcut: 'always',
      createStartMenuShortcut: true,
      installerLanguages: ['fr_FR'],
      language: '1036',
    });
    // A single-language installer would fall back to English.
    expect(config.nsis?.multiLanguageInstaller).not.toBe(false);
  });

  it('builds a hardened, notarisable dmg and zip for both Mac architectures', () => {
    expect(targetsOf('mac')).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, gatekeeperAssess: false });
    // `notarize: false` would switch off electron-builder's environment-driven notarisation.
    expect(config.mac?.notarize).toBeUndefined();
    for (const file of [config.mac?.entitlements, config.mac?.entitlementsInherit])
      expect(existsSync(path.join(repoRoot, String(file)))).toBe(true);
  });

  it('grants the macOS app only the JIT entitlement', () => {
    const plist = readFileSync(path.join(repoRoot, String(config.mac?.entitlements)), 'utf8');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('takes each OS’s icon from what `npm run icons` draws', () => {
    expect(config.win?.icon).toBe(ICON_OUTPUTS.ico);
    expect(config.mac?.icon).toBe(ICON_OUTPUTS.icns);
    expect(config.linux?.icon).toBe(ICON_OUTPUTS.pngDir);
  });

  it('builds an AppImage and a deb for the team', () => {
    expect(targetsOf('linux').map((target) => target.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
  });

  it('unpacks better-sqlite3 from the asar and rebuilds it for Electron', () => {
    expect(config.asar).not.toBe(false);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(true);
  });

  it('names every artifact with its version and architecture', () => {
    expect(config.artifactName).toMatch(/\$\{version\}.*\$\{arch\}/);
    for (const platform of ['win', 'mac', 'linux', 'nsis', 'dmg', 'appImage', 'deb'] as const)
      expect(config[platform]?.artifactName ?? null).toBeNull();
    // Otherwise NSIS also builds one two-architecture installer whose name has no ${arch}.
    expect(config.nsis?.buildUniversalInstaller).toBe(false);
  });

  it('flips the fuses in an afterPack hook that electron-builder can load', async () => {
    expect(config.afterPack).toBe('./scripts/after-pack.mjs');
    const hook = (await import(path.join(repoRoot, String(config.afterPack)))) as { default: unknown };
    expect(hook.default).toBeTypeOf('function');
  });

  it('publishes updates for the generic provider at UPDATE_URL, with beta and latest channels', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: '${env.UPDATE_URL}' }]);
    expect(config.generateUpdatesFilesForAllChannels).toBe(true);
    expect(config.detectUpdateChannel).not.toBe(false);
  });
});
