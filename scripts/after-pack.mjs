// @ts-check
// electron-builder afterPack hook (electron-builder.yml): flips the Electron fuses of the packed
// app. It runs before code signing, so the signature covers the flipped binary.
import { flipFuses } from '@electron/fuses';
import { Arch } from 'electron-builder';
import { fuseConfigFor, packedElectronBinary } from './packaging/fuses.mjs';

/** @param {import('electron-builder').AfterPackContext} context */
export default async function afterPack(context) {
  const { appOutDir, electronPlatformName: platform, packager } = context;
  const arch = Arch[context.arch];
  const binary = packedElectronBinary({
    appOutDir,
    platform,
    productFilename: packager.appInfo.productFilename,
    linuxExecutableName: 'executableName' in packager ? String(packager.executableName) : '',
  });
  await flipFuses(binary, fuseConfigFor(platform, arch));
  globalThis.console.log(`  • fusibles Electron verrouillés  binaire=${binary} arch=${arch}`);
}
