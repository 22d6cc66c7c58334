/**
 * pnpm bench:web — prints the web app's figures on a class teacher's phone (issue 16), each beside its target:
 *   gzipped JS a cold load fetches per route (the size budget's own computation,
 *   scripts/size-budget.ts): the teacher's routes ≤ 170 KB, the record form ≤ 60 KB more;
 *   Lighthouse, mobile (its default: simulated 4× CPU slowdown and slow 4G), on the
 *   teacher's today list and the sign-in page: performance ≥ 90, accessibility ≥ 95,
 *   LCP ≤ 2.5 s, CLS ≤ 0.1, and TBT ≤ 200 ms as the lab's stand-in for INP;
 *   INP measured in Chromium under 4× CPU throttling: tapping the today list's
 *   filter chips, the longest event from tap to next paint ≤ 200 ms;
 *   the today list's first row on a 150 ms / 1.6 Mbit/s connection at 360×740,
 *   cold (empty cache) and warm (the second visit).
 * A benchmark, not a test: it prints figures against the targets and asserts nothing
 * (the size budget in CI, `pnpm check:size`, is what fails a build).
 *
 * It uses the build in apps/web/dist (building it first if there is none) and
 * starts the production server as the browser journeys do (e2e: apps/api/src/server.ts,
 * a throw-away embedded PostgreSQL, the demo township), signed in as teacher01,
 * whose class has not started today's calls (README). BENCH_WEB_URL=http://127.0.0.1:3000
 * measures a server that is already running on the demo township instead.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { DEFAULT_DIST, formatKb, measureRoutes, WEB_ROOT, type RouteSize } from '../scripts/size-budget';

/** The today list's rows, whichever shell draws the list. */
const ROW_SELECTOR = '.worklist-row, [role="list"] [role="listitem"]';
/** A filter chip not yet chosen (the today list's status filters). */
const FILTER_CHIP_SELECTOR = '.filter-chip[aria-pressed="false"], [role="group"] button[aria-pressed="false"]';
const TEACHER = 'teacher01';
/** Every demo account's password (apps/api/src/seed/township.ts). */
const DEMO_PASSWORD = 'campus2026';
const CHROMIUM = '/usr/bin/chromium';
/** As e2e (playwright.config.ts): Debian's Chromium, nothing phoning home. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const PHONE = { width: 360, height: 740 };
/** The weak connection: 150 ms latency, 1.6 Mbit/s each way, as Lighthouse's slow 4G counts it (1.6 × 1024 kbit/s; CDP wants bytes per second). */
const WEAK_NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (1.6 * 1024 * 1024) / 8 };

const repoRoot = path.resolve(WEB_ROOT, '../..');
const ms = (value: number) => `${value.toFixed(0)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
const mark = (met: boolean) => (met ? 'ok' : 'NOT MET');

function ensureBuild() {
  if (fs.existsSync(path.join(DEFAULT_DIST, 'index.html')) && fs.existsSync(path.join(DEFAULT_DIST, '.vite', 'manifest.json'))) {
    console.log(`web: using the build in ${path.relative(repoRoot, DEFAULT_DIST)} (${new Date(fs.statSync(path.join(DEFAULT_DIST, 'index.html')).mtimeMs).toISOString()})`);
    return;
  }
  console.log('web: no build with a manifest in apps/web/dist: building it …');
  const build = spawnSync('pnpm', ['--filter', '@campus/web', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the web build failed');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The production server on a throw-away embedded PostgreSQL seeded with the demo township, as e2e starts it. */
async function startServer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'campus-bench-web-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CAMPUS_DATA_DIR: dataDir, CAMPUS_DEMO: '1', NODE_ENV: 'production', LOG_LEVEL: 'warn', WEB_DIST_DIR: DEFAULT_DIST },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM'); // the server stops its PostgreSQL on SIGTERM
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const startedAt = Date.now();
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the server exited (${child.exitCode}):\n${output.slice(-20).join('\n')}`);
    }
    if (Date.now() - startedAt > 240_000) {
      await stop();
      throw new Error(`the server did not answer within 240 s:\n${output.slice(-20).join('\n')}`);
    }
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.log(`server: demo township on ${base}, ready in ${seconds(Date.now() - startedAt)} (first start: migrations and seed)`);
  return { base, port, stop };
}

async function signIn(base: string) {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: TEACHER, password: DEMO_PASSWORD }) });
  if (!login.ok) throw new Error(`sign-in as ${TEACHER} failed: ${login.status}`);
  const session = login.headers.getSetCookie().find((cookie) => cookie.startsWith('cg_session='));
  if (!session) throw new Error('the sign-in set no cg_session cookie');
  const value = session.split(';')[0]!.slice('cg_session='.length);
  const cookie = `cg_session=${value}`;
  const me = (await (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).json()) as { classes: { id: string; grade: number; name: string }[] };
  const first = me.classes[0];
  if (!first) throw new Error(`${TEACHER} heads no class`);
  return { cookie, value, todayList: `/follow-ups/class/${first.id}` };
}

// ---- a) gzipped JS per route -------------------------------------------------------------

const BENCH_ROUTES = ['sign-in', 'teacher home', "today's list (cold, sign-in included)", "record form (added to today's list)", "principal's school day", 'centre grid'];

function printSizes() {
  let sizes: RouteSize[];
  try {
    sizes = measureRoutes();
  } catch (error) {
    console.log(`JS: ${(error as Error).message}`);
    return;
  }
  for (const name of BENCH_ROUTES) {
    const size = sizes.find((candidate) => candidate.route.name === name);
    if (!size) continue;
    const target = size.route.budget === undefined ? '[no target]' : `[target ≤ ${size.route.budget / 1024} KB]`;
    const notes = [
      size.missing.length ? `missing from the build: ${size.missing.join(', ')} — the figure counts the modules that are there` : '',
      size.route.teacher && size.desktopFiles.length ? `antd in ${size.desktopFiles.length} of its ${size.files.length} files` : '',
    ].filter(Boolean);
    const met = size.route.budget === undefined ? '' : ` ${mark(size.ok)}`;
    console.log(`JS gzip, cold load · ${name}: ${formatKb(size.bytes)} ${target}${met}${notes.length ? ` (${notes.join('; ')})` : ''}`);
  }
}

// ---- b) Lighthouse, mobile --------------------------------------------------------------

async function runLighthouse(label: string, url: string, cookie: string | null) {
  let chrome: Awaited<ReturnType<typeof launchChrome>> | undefined;
  try {
    chrome = await launchChrome({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS], logLevel: 'silent' });
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      locale: 'en-US',
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    });
    if (!result) throw new Error('Lighthouse returned nothing');
    const { lhr } = result;
    // BENCH_WEB_LHR_DIR=dir keeps each run's full report (what the LCP element is, which tasks block) for digging.
    if (process.env.BENCH_WEB_LHR_DIR) {
      fs.mkdirSync(process.env.BENCH_WEB_LHR_DIR, { recursive: true });
      fs.writeFileSync(path.join(process.env.BENCH_WEB_LHR_DIR, `${label.replace(/\W+/g, '-')}.json`), JSON.stringify(lhr));
    }
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const score = (id: string) => {
      const value = lhr.categories[id]?.score;
      return typeof value === 'number' ? Math.round(value * 100) : null;
    };
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? null;
    const performance = score('performance');
    const accessibility = score('accessibility');
    const lcp = numeric('largest-contentful-paint');
    const tbt = numeric('total-blocking-time');
    const cls = numeric('cumulative-layout-shift');
    const form = `${lhr.configSettings.formFactor}, ${lhr.configSettings.throttlingMethod} throttling ${lhr.configSettings.throttling.cpuSlowdownMultiplier}× CPU`;
    console.log(`Lighthouse · ${label}: performance ${performance ?? 'n/a'} [target ≥ 90] ${mark((performance ?? 0) >= 90)} (${form}; final URL ${new URL(lhr.finalDisplayedUrl).pathname})`);
    console.log(`Lighthouse · ${label}: accessibility ${accessibility ?? 'n/a'} [target ≥ 95] ${mark((accessibility ?? 0) >= 95)}`);
    console.log(`Lighthouse · ${label}: LCP ${lcp === null ? 'n/a' : seconds(lcp)} [target ≤ 2.5 s] ${mark(lcp !== null && lcp <= 2500)}`);
    console.log(`Lighthouse · ${label}: TBT ${tbt === null ? 'n/a' : ms(tbt)} — the lab's proxy for INP (a navigation run has no interaction, so no INP) [target ≤ 200 ms] ${mark(tbt !== null && tbt <= 200)}`);
    console.log(`Lighthouse · ${label}: CLS ${cls === null ? 'n/a' : cls.toFixed(3)} [target ≤ 0.1] ${mark(cls !== null && cls <= 0.1)}`);
    const failing = Object.values(lhr.categories.accessibility?.auditRefs ?? [])
      .map((ref) => lhr.audits[ref.id])
      .filter((audit) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary')
      .map((audit) => audit!.id);
    if (failing.length) console.log(`Lighthouse · ${label}: accessibility audits failing: ${failing.join(', ')}`);
  } catch (error) {
    console.log(`Lighthouse · ${label}: FAILED to run — ${(error as Error).message.split('\n')[0]}`);
  } finally {
    chrome?.kill();
  }
}

// ---- c) Playwright: INP and the first row on a weak connection -------------------------------

/** What the bench leaves on the page's window. */
interface Probe {
  __firstRowAt?: number;
  __events?: { name: string; duration: number }[];
}

/** Runs in the page before its own scripts: performance.now() (ms since navigation start) at the frame after the first row appears. */
function firstRowProbe(selector: string) {
  const probe = window as unknown as Probe;
  const observer = new MutationObserver(() => {
    const row = document.querySelector(selector);
    if (!row || row.getBoundingClientRect().height === 0) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      probe.__firstRowAt ??= performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

async function signedInContext(browser: Browser, base: string, session: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.addCookies([{ name: 'cg_session', value: session, url: base, httpOnly: true, sameSite: 'Lax' }]);
  await context.addInitScript(firstRowProbe, ROW_SELECTOR);
  return context;
}

async function weakNetwork(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', WEAK_NETWORK);
  return cdp;
}

async function timeToFirstRow(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  const at = await page.waitForFunction(() => (window as unknown as Probe).__firstRowAt, undefined, { timeout: 120_000, polling: 100 });
  return (await at.jsonValue())!;
}

async function measureInp(browser: Browser, base: string, session: string, todayList: string) {
  const context = await signedInContext(browser, base, session);
  try {
    const page = await context.newPage();
    await page.goto(`${base}${todayList}`);
    await page.locator(ROW_SELECTOR).first().waitFor({ timeout: 60_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.evaluate(() => {
      const events: NonNullable<Probe['__events']> = [];
      (window as unknown as Probe).__events = events;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { interactionId?: number })[]) if (entry.interactionId) events.push({ name: entry.name, duration: entry.duration });
      }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
    });
    let taps = 0;
    for (let index = 0; index < 4; index += 1) {
      const chip = page.locator(FILTER_CHIP_SELECTOR).first();
      if (!(await chip.isVisible().catch(() => false))) break;
      await chip.click();
      taps += 1;
      await page.waitForTimeout(600); // entries are reported after the next paint
    }
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))));
    const events = await page.evaluate(() => (window as unknown as Probe).__events ?? []);
    if (!taps) {
      console.log(`INP · today list: no filter chip found (${FILTER_CHIP_SELECTOR}) [target ≤ 200 ms] n/a`);
      return;
    }
    const worst = events.reduce((max, event) => Math.max(max, event.duration), 0);
    const figure = events.length ? ms(worst) : '< 16 ms (no event over the 16 ms threshold)';
    console.log(`INP · today list, ${taps} taps on filter chips under 4× CPU throttling: ${figure} (longest event, tap to next paint) [target ≤ 200 ms] ${mark(worst <= 200)}`);
  } catch (error) {
    console.log(`INP · today list: FAILED — ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await context.close();
  }
}

async function measureFirstRow(browser: Browser, base: string, session: string, todayList: string) {
  const context = await signedInContext(browser, base, session);
  try {
    const page = await context.newPage();
    await weakNetwork(page);
    const cold = await timeToFirstRow(page, `${base}${todayList}`);
    console.log(`first row · today list, cold cache, 150 ms / 1.6 Mbit/s, 360×740: ${seconds(cold)} from navigation start [no target]`);
    // Let a service worker, if the page registered one, finish precaching before the second visit.
    const worker = await page
      .evaluate(async () => {
        if (!('serviceWorker' in navigator)) return 'unsupported';
        if (!(await navigator.serviceWorker.getRegistration())) return 'none registered';
        return Promise.race([navigator.serviceWorker.ready.then(() => 'active'), new Promise<string>((resolve) => setTimeout(() => resolve('not active after 60 s'), 60_000))]);
      })
      .catch(() => 'unknown');
    const warm = await timeToFirstRow(page, `${base}${todayList}`);
    const controlled = await page.evaluate(() => Boolean(navigator.serviceWorker?.controller));
    console.log(
      `first row · today list, warm (second visit, same context), 150 ms / 1.6 Mbit/s: ${seconds(warm)} from navigation start (service worker: ${worker}${controlled ? ', controlling the page' : ', not controlling the page: HTTP cache only'}) [no target]`,
    );
  } catch (error) {
    console.log(`first row · today list: FAILED — ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await context.close();
  }
}

async function main() {
  ensureBuild();
  printSizes();
  // The one setting, read here as the other benches read BENCH_SCALE.
  const given = process.env.BENCH_WEB_URL?.replace(/\/$/, '');
  const server = given ? { base: given, stop: async () => undefined } : await startServer();
  let browser: Browser | undefined;
  const stopAll = async () => {
    await browser?.close().catch(() => undefined);
    await server.stop();
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    const { cookie, value, todayList } = await signIn(server.base);
    console.log(`signed in as ${TEACHER}; today list ${todayList}`);
    await runLighthouse('today list (signed in)', `${server.base}${todayList}`, cookie);
    await runLighthouse('sign-in page', `${server.base}/login`, null);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    await measureInp(browser, server.base, value, todayList);
    await measureFirstRow(browser, server.base, value, todayList);
  } finally {
    await stopAll();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
