import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// Overridable so two runs (or an engineer's run beside CI's) can work side by side.
const PORT = Number(process.env.CAMPUS_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

const RUN_PREFIX = 'campus-e2e-';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Earlier runs' databases (~70 MB each), once their PostgreSQL is gone and they are an hour old. */
function removeStaleRuns() {
  const tmp = os.tmpdir();
  for (const name of fs.readdirSync(tmp)) {
    if (!name.startsWith(RUN_PREFIX)) continue;
    const dir = path.join(tmp, name);
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs < 60 * 60_000) continue;
      const pidFile = path.join(dir, 'pg', 'postmaster.pid');
      if (fs.existsSync(pidFile) && isAlive(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]))) continue;
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another run's folder that vanished or is not ours to remove: leave it.
    }
  }
}

// A fresh embedded database per run, seeded with the demo township. The config
// is evaluated again in each worker process: they inherit the folder through
// the environment instead of making their own.
if (!process.env.CAMPUS_E2E_DATA_DIR) {
  removeStaleRuns();
  process.env.CAMPUS_E2E_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), RUN_PREFIX));
}
const dataDir = process.env.CAMPUS_E2E_DATA_DIR;

export default defineConfig({
  testDir: 'e2e',
  // Journeys share one server and database; one worker keeps them from racing.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // No retries: a journey that fails once is a defect to find (server log: test-results/server.log).
  retries: 0,
  // Journeys are long (a whole morning of calls) and CI machines are shared: a generous budget, not a speed check.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // No transitions: a page is measured (axe, screenshots) as it settles, not mid-fade.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } }],
  webServer: {
    // The server's log goes to test-results/server.log, for reading after a failure.
    command: 'mkdir -p test-results && node --import tsx apps/api/src/server.ts > test-results/server.log 2>&1',
    url: `${baseURL}/api/health`,
    env: { PORT: String(PORT), CAMPUS_DATA_DIR: dataDir, ...(process.env.CAMPUS_E2E_WEB_DIST ? { WEB_DIST_DIR: process.env.CAMPUS_E2E_WEB_DIST } : {}), CAMPUS_DEMO: '1', NODE_ENV: 'production', LOG_LEVEL: 'info' },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    // SIGTERM lets the server stop its embedded PostgreSQL cleanly.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
