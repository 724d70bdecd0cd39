import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIcons, ICON_SOURCE, PNG_SIZES, WINDOW_ICON_FILE } from './icons';
import { repoRoot } from './paths';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk (right after the signature). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

interface IcoEntry {
  size: number;
  data: Buffer;
}

function readIco(ico: Buffer): IcoEntry[] {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1);
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, index) => {
    const entry = 6 + 16 * index;
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    expect(offset + length).toBeLessThanOrEqual(ico.length);
    return { size: ico.readUInt8(entry) || 256, data: ico.subarray(offset, offset + length) };
  });
}

/** Each image is a PNG of its announced size, or a BMP (BITMAPINFOHEADER) of that width. */
function expectIcoImages(entries: IcoEntry[]): void {
  for (const { size, data } of entries) {
    if (data.subarray(0, 8).equals(PNG_SIGNATURE))
      expect(pngSize(data)).toEqual({ width: size, height: size });
    else {
      expect(data.readUInt32LE(0)).toBe(40);
      expect(data.readInt32LE(4)).toBe(size);
    }
  }
}

let root: string;
const read = (file: string) => readFileSync(path.join(root, file));

// One generation into a temporary copy of the source: the assertions read back what it wrote.
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'icons-'));
  mkdirSync(path.join(root, 'build'));
  copyFileSync(path.join(repoRoot, ICON_SOURCE), path.join(root, ICON_SOURCE));
  generateIcons(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run icons', () => {
  it('draws every PNG size, from 16 to 1024 px, at its exact dimensions', () => {
    for (const size of PNG_SIZES)
      expect(pngSize(read(`build/icons/${size}x${size}.png`))).toEqual({ width: size, height: size });
    expect(pngSize(read('build/icon.png'))).toEqual({ width: 1024, height: 1024 });
    expect(pngSize(read(`renderer/public/${WINDOW_ICON_FILE}`))).toEqual({ width: 256, height: 256 });
  });

  it('writes a Windows ICO holding 16 to 256 px', () => {
    const entries = readIco(read('build/icon.ico'));
    expect(entries.map((entry) => entry.size)).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    expectIcoImages(entries);
  });

  it('writes a macOS ICNS whose chunks add up to its length, up to 1024 px', () => {
    const icns = read('build/icon.icns');
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let offset = 8; offset < icns.length;) {
      const length = icns.readUInt32BE(offset + 4);
      expect(length).toBeGreaterThan(8);
      types.push(icns.toString('latin1', offset, offset + 4));
      offset += length;
      expect(offset).toBeLessThanOrEqual(icns.length);
    }
    // ic10: 1024 px (512@2x), ic09: 512 px, ic07: 128 px.
    expect(types).toEqual(expect.arrayContaining(['ic10', 'ic09', 'ic07']));
  });

  it('writes the web favicon (a small ICO and the SVG itself)', () => {
    const entries = readIco(read('renderer/public/favicon.ico'));
    expect(entries.map((entry) => entry.size)).toEqual([16, 32, 48]);
    expectIcoImages(entries);
    expect(read('renderer/public/favicon.svg').toString()).toBe(
      readFileSync(path.join(repoRoot, ICON_SOURCE), 'utf8'),
    );
  });
});
