#!/usr/bin/env node
// Runs every test: unit + API (vitest, on a real embedded PostgreSQL) and the
// browser journeys (Playwright on Debian's Chromium) against the built app,
// then prints one closing line "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const only = process.argv[2]; // optional: "unit" or "e2e"

function run(command, args, env = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const totals = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
let exitCode = 0;

if (only !== 'e2e') {
  const vitestJson = path.join(results, 'vitest.json');
  fs.rmSync(vitestJson, { force: true });
  exitCode ||= run('pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
  if (fs.existsSync(vitestJson)) {
    const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  } else {
    totals.failed += 1;
  }
}

if (only !== 'unit') {
  if (!fs.existsSync(path.join(root, 'apps/web/dist/index.html'))) exitCode ||= run('pnpm', ['build']);
  const playwrightJson = path.join(results, 'playwright.json');
  fs.rmSync(playwrightJson, { force: true });
  exitCode ||= run('pnpm', ['exec', 'playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
  if (fs.existsSync(playwrightJson)) {
    const { stats } = JSON.parse(fs.readFileSync(playwrightJson, 'utf8'));
    totals.passed += stats.expected + (stats.flaky ?? 0);
    totals.flaky += stats.flaky ?? 0;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
  } else {
    totals.failed += 1;
  }
}

if (totals.flaky) console.log(`\nflaky (passed only on retry): ${totals.flaky} — see playwright-report and test-results`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode || (totals.failed > 0 ? 1 : 0));
