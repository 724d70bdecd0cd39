import { describe, expect, it } from 'vitest';
import { boundsToSave, windowPlacement, type Rect } from './window-bounds';

const limits = { width: 1280, height: 820, minWidth: 960, minHeight: 640 };
// A laptop screen (taskbar at the bottom) and a second screen on its right.
const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const second: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('where the main window reopens', () => {
  it('reopens where it was when that place is on a screen', () => {
    expect(
      windowPlacement(
        { x: 2000, y: 100, width: 1500, height: 900, maximized: true },
        [laptop, second],
        limits,
      ),
    ).toEqual({ kind: 'remembered', bounds: { x: 2000, y: 100, width: 1500, height: 900 }, maximized: true });
  });

  it('falls back to the default size when the screen it was on is gone', () => {
    expect(
      windowPlacement({ x: 2000, y: 100, width: 1500, height: 900, maximized: true }, [laptop], limits),
    ).toEqual({ kind: 'default', width: 1280, height: 820, maximized: true });
  });

  it('falls back when less than half of it would be visible', () => {
    expect(windowPlacement({ x: -1200, y: 10, width: 1400, height: 900 }, [laptop], limits).kind).toBe(
      'default',
    );
    expect(windowPlacement({ x: 100, y: 5000, width: 1400, height: 900 }, [laptop], limits).kind).toBe(
      'default',
    );
  });

  it('moves and shrinks a window partly off screen to fit the work area, and enforces the minimum size', () => {
    expect(
      windowPlacement({ x: 700, y: 300, width: 1400, height: 900, maximized: false }, [laptop], limits),
    ).toEqual({
      kind: 'remembered',
      bounds: { x: 520, y: 140, width: 1400, height: 900 },
      maximized: false,
    });
    expect(windowPlacement({ x: 10, y: 10, width: 300, height: 200 }, [laptop], limits)).toMatchObject({
      bounds: { x: 10, y: 10, width: 960, height: 640 },
    });
    expect(windowPlacement({ x: 0, y: 0, width: 3000, height: 1040 }, [laptop], limits)).toMatchObject({
      bounds: { x: 0, y: 0, width: 1920, height: 1040 },
    });
  });

  it('ignores missing or hand-edited values', () => {
    for (const saved of [
      undefined,
      null,
      'grand',
      { x: 0, y: 0 },
      { x: 0, y: 0, width: -5, height: 600 },
      { x: 0.5, y: 0, width: 1000, height: 700 },
    ]) {
      expect(windowPlacement(saved, [laptop], limits)).toEqual({
        kind: 'default',
        width: 1280,
        height: 820,
        maximized: false,
      });
    }
    expect(windowPlacement({ x: 0, y: 0, width: 1000, height: 700 }, [], limits).kind).toBe('default');
  });

  it('saves the normal bounds, rounded (fractional on scaled screens)', () => {
    expect(boundsToSave({ x: 10.4, y: 20.6, width: 1000.5, height: 700 }, true)).toEqual({
      x: 10,
      y: 21,
      width: 1001,
      height: 700,
      maximized: true,
    });
  });
});
