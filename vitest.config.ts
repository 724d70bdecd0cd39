import { defineConfig } from 'vitest/config';

// Unit and integration tests run in Node; the renderer's screens are tested end to end (e2e/).
export default defineConfig({
  test: {
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
  },
});
