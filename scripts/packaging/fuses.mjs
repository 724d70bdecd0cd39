// @ts-check
// Plain JavaScript so that electron-builder can load it from the afterPack hook without a TypeScript loader.
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * The fuses baked into the packaged Electron binary. All eight fuses @electron/fuses 1.8 knows are
 * set explicitly. Not `strictlyRequireAllFuses`: recent Electron wires have a ninth fuse
 * (wasm_trap_handlers, left at its default) that this version cannot name, and strict mode would
 * fail every build.
 *
 * @param {string} platform electron-builder's platform name: darwin, mas, win32 or linux
 * @param {string} arch x64, arm64, ia32, armv7l or universal
 * @returns {import('@electron/fuses').FuseV1Config}
 */
export function fuseConfigFor(platform, arch) {
  return {
    version: FuseVersion.V1,
    // Flipping a fuse rewrites the binary and breaks its ad-hoc signature; Apple Silicon refuses to run an unsigned binary.
    resetAdHocDarwinSignature: isDarwin(platform) && (arch === 'arm64' || arch === 'universal'),
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node interpreter.
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // electron-builder embeds the asar header hash (Info.plist on macOS, a resource on Windows); Linux ignores this fuse.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // The renderer is served from app://, so file:// needs none of its historical privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/**
 * Where electron-builder leaves the Electron executable (renamed after the product) in appOutDir,
 * as @electron/fuses expects it: the .app bundle on macOS, the .exe on Windows, the bare
 * executable on Linux.
 *
 * @param {{ appOutDir: string, platform: string, productFilename: string, linuxExecutableName: string }} packed
 * @returns {string}
 */
export function packedElectronBinary({ appOutDir, platform, productFilename, linuxExecutableName }) {
  if (isDarwin(platform)) return path.join(appOutDir, `${productFilename}.app`);
  if (platform === 'win32') return path.join(appOutDir, `${productFilename}.exe`);
  if (platform === 'linux') return path.join(appOutDir, linuxExecutableName);
  throw new Error(`Plateforme de paquet inconnue : ${platform}.`);
}

/** @param {string} platform */
function isDarwin(platform) {
  return platform === 'darwin' || platform === 'mas';
}
