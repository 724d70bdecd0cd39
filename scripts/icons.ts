import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileSync } from 'atomically';
import png2icons from 'png2icons';
import { WINDOW_ICON_FILE } from '../electron/main/window-options';
import { repoRoot } from './paths';

/**
 * `npm run icons`: every icon the app needs, drawn from the one source `build/icon.svg`. The
 * outputs are build products (gitignored): `npm run build` and `npm run dist` make them first,
 * so no binary is ever committed or edited by hand.
 */

export const ICON_SOURCE = 'build/icon.svg';
/** Linux wants a set of sizes (electron-builder `linux.icon: build/icons`); 1024 is macOS's largest. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** Where each output goes (electron-builder.yml names the first four). */
export const ICON_OUTPUTS = {
  pngDir: 'build/icons',
  ico: 'build/icon.ico',
  icns: 'build/icon.icns',
  png: 'build/icon.png',
  faviconIco: 'renderer/public/favicon.ico',
  faviconSvg: 'renderer/public/favicon.svg',
  windowIcon: `renderer/public/${WINDOW_ICON_FILE}`,
} as const;
/** The main window's icon (Linux, and Windows when unpackaged). */
const WINDOW_ICON_SIZE = 256;
export { WINDOW_ICON_FILE };

/** A browser tab or bookmark uses no more; png2icons would add every size up to 256 px (75 kB). */
const FAVICON_SIZES = [16, 32, 48] as const;

/**
 * An ICO of PNG entries (every browser reads them): a 6-byte header, one 16-byte entry per
 * image (its size, 32 bits per pixel, length and offset), then the images.
 */
export function packIco(images: Array<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

export function renderPng(svg: string | Buffer, size: number): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' });
  return Buffer.from(resvg.render().asPng());
}

function orThrow(buffer: Buffer | null, what: string): Buffer {
  if (!buffer) throw new Error(`Icône : la création de ${what} a échoué (png2icons).`);
  return buffer;
}

export interface IconFile {
  /** Relative to the repository's root. */
  path: string;
  data: Buffer;
}

/**
 * Each file and its bytes. Every PNG size is drawn by resvg at its own size (sharper than a
 * downscale); png2icons packs the ICO (PNG chunks, BMP below 64 px for old Windows shells) and
 * the ICNS from the 1024 px drawing.
 */
export function renderIcons(svg: string | Buffer): IconFile[] {
  const pngs = new Map(PNG_SIZES.map((size) => [size, renderPng(svg, size)] as const));
  const largest = pngs.get(1024)!;
  const ico = orThrow(png2icons.createICO(largest, png2icons.BICUBIC2, 0, false, true), 'icon.ico');
  const icns = orThrow(png2icons.createICNS(largest, png2icons.BICUBIC2, 0), 'icon.icns');
  const favicon = packIco(FAVICON_SIZES.map((size) => ({ size, png: pngs.get(size)! })));
  return [
    ...[...pngs].map(([size, data]) => ({ path: `${ICON_OUTPUTS.pngDir}/${size}x${size}.png`, data })),
    { path: ICON_OUTPUTS.png, data: largest },
    { path: ICON_OUTPUTS.ico, data: ico },
    { path: ICON_OUTPUTS.icns, data: icns },
    { path: ICON_OUTPUTS.faviconIco, data: favicon },
    { path: ICON_OUTPUTS.faviconSvg, data: Buffer.from(svg) },
    { path: ICON_OUTPUTS.windowIcon, data: pngs.get(WINDOW_ICON_SIZE)! },
  ];
}

/** Writes them all under `root` (each whole or not at all); returns their paths. */
export function generateIcons(root: string = repoRoot): string[] {
  const files = renderIcons(readFileSync(path.join(root, ICON_SOURCE)));
  for (const file of files) {
    const target = path.join(root, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.data);
  }
  return files.map((file) => file.path);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const written = generateIcons();
  console.log(`${written.length} icônes créées depuis ${ICON_SOURCE}.`);
}
