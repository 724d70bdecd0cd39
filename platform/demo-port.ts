import type { Platform } from './server';

/**
 * The port the demo platform embedded by `npm run start` / `npm run start:web` listens on when
 * it is free, so that `npm run platform:candidate` finds it without being told.
 */
export const DEMO_PLATFORM_PORT = 3750;
export const DEMO_PLATFORM_URL = `http://127.0.0.1:${DEMO_PLATFORM_PORT}`;

/** Listens on DEMO_PLATFORM_PORT, or on any free port when something else holds it. */
export async function listenOnDemoPort(platform: Platform): Promise<string> {
  try {
    return await platform.listen(DEMO_PLATFORM_PORT);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return platform.listen(0);
  }
}
