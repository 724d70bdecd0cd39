import { defineConfig } from '@playwright/test';
import type { Target } from './e2e/fixtures';

// One set of specs, two targets (DESIGN.md §2): the web host in Debian's Chromium, and the
// real Electron app where its binary is installed (skipped with the reason otherwise).
export default defineConfig<object, { target: Target }>({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: { trace: 'retain-on-failure', actionTimeout: 15_000 },
  projects: [
    { name: 'web', use: { target: 'web' } },
    { name: 'electron', use: { target: 'electron' } },
  ],
});
