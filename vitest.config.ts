import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Unit and integration tests run in Node; the renderer's views (*.test.tsx) in jsdom, with
// Testing Library; whole screens are tested end to end (e2e/).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'platform/**/*.test.ts',
            'renderer/**/*.test.ts',
            'scripts/**/*.test.ts',
            'tests/**/*.test.ts',
          ],
          environment: 'node',
          // Integration tests start real platforms and argon2 is deliberately slow.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // PLATFORM_TEST_DIALECT=postgres: one throwaway PostgreSQL cluster for the run.
          globalSetup: ['platform/db/test-postgres-setup.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'jsdom',
          include: ['renderer/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['renderer/test/setup.ts'],
          // Mantine's CSS is not needed to query by role and label.
          css: false,
          testTimeout: 30_000,
        },
      },
    ],
  },
});
