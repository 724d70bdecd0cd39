import { windowBoundsSchema, type WindowBounds } from '../core/settings';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SizeLimits {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** Where the main window opens: a remembered place, or the default size centred by the OS. */
export type WindowPlacement =
  | { kind: 'remembered'; bounds: Rect; maximized: boolean }
  | { kind: 'default'; width: number; height: number; maximized: boolean };

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * Checks the saved bounds against the screens there are now (a laptop undocked, a screen
 * unplugged, a hand-edited settings file): the window reopens where it was when at least half
 * of it is on one screen's work area, resized and moved to fit inside it; otherwise it gets
 * the default size, centred, on the primary screen.
 */
export function windowPlacement(
  saved: unknown,
  workAreas: readonly Rect[],
  limits: SizeLimits,
): WindowPlacement {
  const parsed = windowBoundsSchema.safeParse(saved);
  const fallback: WindowPlacement = {
    kind: 'default',
    width: limits.width,
    height: limits.height,
    maximized: parsed.success && parsed.data.maximized,
  };
  if (!parsed.success) return { ...fallback, maximized: false };
  const bounds: WindowBounds = parsed.data;
  let best: { area: Rect; shared: number } | null = null;
  for (const area of workAreas) {
    const shared = overlap(bounds, area);
    if (shared > 0 && (!best || shared > best.shared)) best = { area, shared };
  }
  if (!best || best.shared * 2 < bounds.width * bounds.height) return fallback;
  const { area } = best;
  const width = Math.min(Math.max(bounds.width, limits.minWidth), area.width);
  const height = Math.min(Math.max(bounds.height, limits.minHeight), area.height);
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { kind: 'remembered', bounds: { x, y, width, height }, maximized: bounds.maximized };
}

/** What is saved when the window closes: its normal (not maximised) bounds, rounded. */
export function boundsToSave(normal: Rect, maximized: boolean): WindowBounds {
  return {
    x: Math.round(normal.x),
    y: Math.round(normal.y),
    width: Math.round(normal.width),
    height: Math.round(normal.height),
    maximized,
  };
}
