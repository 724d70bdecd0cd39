import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { fuseConfigFor, packedElectronBinary } from './fuses.mjs';

describe('fuseConfigFor', () => {
  it.each([
    ['win32', 'x64'],
    ['darwin', 'arm64'],
    ['linux', 'x64'],
  ])('locks the packaged app on %s %s', (platform, arch) => {
    const config = fuseConfigFor(platform, arch);
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(config[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('sets every fuse @electron/fuses knows, leaving none at Electron’s default', () => {
    const config = fuseConfigFor('linux', 'x64');
    const known = Object.values(FuseV1Options).filter((value) => typeof value === 'number');
    expect(known).toHaveLength(8);
    expect(known.every((fuse) => typeof config[fuse] === 'boolean')).toBe(true);
    // Electron 45's wire is longer than what @electron/fuses 1.8 can name: strict mode would fail the build.
    expect(config.strictlyRequireAllFuses).not.toBe(true);
  });

  it('re-signs ad hoc only for Apple Silicon builds', () => {
    expect(fuseConfigFor('darwin', 'arm64').resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfigFor('darwin', 'universal').resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfigFor('darwin', 'x64').resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfigFor('win32', 'arm64').resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfigFor('linux', 'arm64').resetAdHocDarwinSignature).toBe(false);
  });
});

describe('packedElectronBinary', () => {
  const packed = {
    appOutDir: path.join('release', 'out'),
    productFilename: 'Alternance Nouvelle-Aquitaine',
    linuxExecutableName: 'alternance-bureau',
  };

  it('is the .app bundle on macOS', () => {
    expect(packedElectronBinary({ ...packed, platform: 'darwin' })).toBe(
      path.join('release', 'out', 'Alternance Nouvelle-Aquitaine.app'),
    );
  });

  it('is the .exe on Windows', () => {
    expect(packedElectronBinary({ ...packed, platform: 'win32' })).toBe(
      path.join('release', 'out', 'Alternance Nouvelle-Aquitaine.exe'),
    );
  });

  it('is the executable named in linux.executableName on Linux', () => {
    expect(packedElectronBinary({ ...packed, platform: 'linux' })).toBe(
      path.join('release', 'out', 'alternance-bureau'),
    );
  });

  it('refuses a platform it does not know', () => {
    expect(() => packedElectronBinary({ ...packed, platform: 'aix' })).toThrow(/aix/);
  });
});
