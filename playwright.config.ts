import { defineConfig } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from './e2e/browser'

export default defineConfig({
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  // No retries: a test that fails under load is a bug to find, not a run to repeat.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    headless: true,
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      // The real renderer against the real core, through the browser preview server.
      name: 'preview',
      testDir: './e2e/specs',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs },
      },
    },
    {
      // The packaged shape of the app; skips with a stated reason where no Electron binary exists.
      name: 'electron',
      testDir: './e2e/electron',
    },
  ],
})
