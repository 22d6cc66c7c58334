/**
 * The phone's JS budget (issue 16), checked on every build in CI (`pnpm check:size`, after `pnpm build`):
 * for each route, the JS chunks a cold load fetches — the transitive closure over
 * the static `imports` of its source modules in Vite's manifest (dynamic imports
 * are fetched later, on demand, so they do not count) — summed as the gzip bytes
 * the server sends (the `.gz` the build writes beside each file; gzip -9 in
 * memory for the small files it leaves alone).
 *
 * Exits 1 when a route is over its budget, when a route's module is not in the
 * build (renamed, or not written yet), or when a class teacher's route would
 * load a chunk holding antd (the desktop library: 266 KB for a small page,
 * docs STACK.md). Chunk → packages comes from dist/.vite/chunk-packages.json,
 * written by build/chunk-packages.ts from the bundler's module list: the
 * manifest names a shared chunk after one module (`button`), which does not say
 * it is antd's, and the minified text has no reliable marker.
 *
 * Exported for `pnpm bench:web`, which prints the same figures.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DIST = path.join(WEB_ROOT, 'dist');

const KB = 1024;

/** The desktop UI library, kept off the class teacher's routes. */
const DESKTOP_PACKAGE = 'antd';

export interface RouteBudget {
  name: string;
  /** Source modules a cold load of the route starts, paths relative to apps/web as the manifest keys them. */
  modules: string[];
  /** Count only the chunks this other route does not already load (a page opened from it). */
  minus?: string;
  /** Gzip bytes; none: reported only. */
  budget?: number;
  /** A class teacher's route: must load no antd chunk. */
  teacher: boolean;
}

export const ROUTES: RouteBudget[] = [
  { name: 'sign-in', modules: ['src/main.tsx', 'src/features/auth/components/login-page.tsx'], teacher: true },
  {
    name: "today's list (cold, sign-in included)",
    modules: ['src/main.tsx', 'src/features/auth/components/login-page.tsx', 'src/app/shell/phone-shell.tsx', 'src/features/follow-ups/components/worklist-page.tsx'],
    budget: 170 * KB,
    teacher: true,
  },
  { name: 'teacher home', modules: ['src/main.tsx', 'src/app/shell/phone-shell.tsx', 'src/app/pages/phone-home-page.tsx'], budget: 170 * KB, teacher: true },
  {
    name: "record form (added to today's list)",
    modules: ['src/features/follow-ups/components/record-page.tsx'],
    minus: "today's list (cold, sign-in included)",
    budget: 60 * KB,
    teacher: true,
  },
  {
    name: 'quarantine check-in',
    modules: ['src/main.tsx', 'src/app/shell/phone-shell.tsx', 'src/features/quarantine/components/check-ins-today-page.tsx'],
    budget: 170 * KB,
    teacher: true,
  },
  { name: "principal's school day", modules: ['src/main.tsx', 'src/app/shell/app-shell.tsx', 'src/features/daily-reports/components/school-day-page.tsx'], teacher: false },
  { name: 'centre grid', modules: ['src/main.tsx', 'src/app/shell/app-shell.tsx', 'src/features/daily-reports/components/grid-page.tsx'], teacher: false },
];

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface RouteSize {
  route: RouteBudget;
  /** Gzip bytes of the route's JS (of the modules that are there, when some are missing). */
  bytes: number;
  /** Built JS files counted, e.g. `assets/index-Ab12.js`. */
  files: string[];
  /** Route modules not in the build. */
  missing: string[];
  /** Counted files that hold antd (teacher routes fail on any). */
  desktopFiles: string[];
  /** Why the antd check could not run, if it could not. */
  desktopCheckSkipped?: string;
  ok: boolean;
}

/**
 * The HTML entry's scripts are keyed by the page, not by their own path:
 * `<script type="module" src="/src/main.tsx">` in index.html is the manifest's `index.html` entry.
 */
function htmlEntryAliases(manifest: Manifest): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isEntry || !key.endsWith('.html')) continue;
    const htmlFile = path.join(WEB_ROOT, key);
    if (!fs.existsSync(htmlFile)) continue;
    for (const match of fs.readFileSync(htmlFile, 'utf8').matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="\/?([^"]+)"/g)) aliases.set(match[1]!, key);
  }
  return aliases;
}

function gzipBytes(distDir: string, file: string): number {
  const full = path.join(distDir, file);
  if (fs.existsSync(`${full}.gz`)) return fs.statSync(`${full}.gz`).size;
  return zlib.gzipSync(fs.readFileSync(full), { level: 9 }).length;
}

/** The sizes of every route in ROUTES, from a build in `distDir` (default apps/web/dist). */
export function measureRoutes(distDir = DEFAULT_DIST): RouteSize[] {
  const manifestFile = path.join(distDir, '.vite', 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: run "pnpm build" first (vite.config.ts sets build.manifest)`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  const aliases = htmlEntryAliases(manifest);
  const packagesFile = path.join(distDir, '.vite', 'chunk-packages.json');
  const packages = fs.existsSync(packagesFile) ? (JSON.parse(fs.readFileSync(packagesFile, 'utf8')) as Record<string, string[]>) : null;
  // A module of a chunk group (vite.config.ts) has no manifest key of its own: its chunk's key, by file.
  const moduleChunksFile = path.join(distDir, '.vite', 'module-chunks.json');
  const moduleChunks = fs.existsSync(moduleChunksFile) ? (JSON.parse(fs.readFileSync(moduleChunksFile, 'utf8')) as Record<string, string>) : {};
  const keyOfFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  const keyOf = (module: string) => (manifest[module] ? module : (aliases.get(module) ?? keyOfFile.get(moduleChunks[module] ?? '')));

  /** Manifest keys of the chunks a cold load of these modules fetches (static imports only). */
  const closure = (modules: string[]) => {
    const keys = new Set<string>();
    const missing: string[] = [];
    const visit = (key: string) => {
      if (keys.has(key)) return;
      const chunk = manifest[key];
      if (!chunk) return;
      keys.add(key);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    for (const module of modules) {
      const key = keyOf(module);
      if (!key || !manifest[key]) missing.push(module);
      else visit(key);
    }
    return { files: new Set([...keys].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'))), missing };
  };

  // What the built page itself makes every cold load fetch: its script and the modulepreload links (build/phone-preload.ts).
  const builtHtml = path.join(distDir, 'index.html');
  const preloaded = fs.existsSync(builtHtml)
    ? [...fs.readFileSync(builtHtml, 'utf8').matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!)
    : [];

  const filesOf = new Map<string, Set<string>>();
  return ROUTES.map((route) => {
    const own = closure(route.modules);
    for (const file of preloaded) own.files.add(file);
    filesOf.set(route.name, own.files);
    const missing = [...own.missing];
    let files = [...own.files];
    if (route.minus) {
      const other = ROUTES.find((candidate) => candidate.name === route.minus)!;
      const already = filesOf.get(other.name) ?? closure(other.modules).files;
      missing.push(...closure(other.modules).missing.filter((module) => !missing.includes(module)));
      files = files.filter((file) => !already.has(file));
    }
    files.sort();
    const bytes = files.reduce((sum, file) => sum + gzipBytes(distDir, file), 0);
    const desktopFiles = packages ? files.filter((file) => packages[file]?.includes(DESKTOP_PACKAGE)) : [];
    const overBudget = route.budget !== undefined && bytes > route.budget;
    const ok = missing.length === 0 && !overBudget && !(route.teacher && desktopFiles.length > 0);
    return {
      route,
      bytes,
      files,
      missing,
      desktopFiles,
      ...(packages ? {} : { desktopCheckSkipped: `${packagesFile} is missing (build/chunk-packages.ts writes it): antd check skipped` }),
      ok,
    };
  });
}

export const formatKb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** One line per route: `size-budget: today's list (cold, sign-in included) 152.3 KB gzip [target ≤ 170 KB] ok`. */
export function describeRoute(size: RouteSize): string {
  const target = size.route.budget === undefined ? '[no target]' : `[target ≤ ${size.route.budget / KB} KB]`;
  const shown = size.desktopFiles.slice(0, 3).map((file) => path.basename(file));
  const antd = size.route.teacher && size.desktopFiles.length ? ` — antd in ${size.desktopFiles.length} of its files (${shown.join(', ')}${size.desktopFiles.length > 3 ? ', …' : ''})` : '';
  if (size.missing.length) {
    return `size-budget: ${size.route.name} missing: ${size.missing.join(', ')} not in the build (the modules that are: ${formatKb(size.bytes)} gzip) ${target}${antd} FAIL`;
  }
  return `size-budget: ${size.route.name} ${formatKb(size.bytes)} gzip ${target}${antd} ${size.ok ? 'ok' : 'FAIL'}`;
}

function main() {
  const distDir = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_DIST;
  let sizes: RouteSize[];
  try {
    sizes = measureRoutes(distDir);
  } catch (error) {
    console.error(`size-budget: ${(error as Error).message}`);
    process.exit(1);
  }
  for (const size of sizes) console.log(describeRoute(size));
  const skipped = sizes.find((size) => size.desktopCheckSkipped)?.desktopCheckSkipped;
  if (skipped) console.log(`size-budget: ${skipped}`);
  const failed = sizes.filter((size) => !size.ok);
  if (failed.some((size) => size.missing.length)) {
    console.log("size-budget: a route's module is not in the build — renamed, or not written yet (the phone shell's pages); the routes are listed in apps/web/scripts/size-budget.ts");
  }
  if (failed.length) {
    console.log(`size-budget: ${failed.length} of ${sizes.length} routes FAIL`);
    process.exit(1);
  }
  console.log(`size-budget: all ${sizes.length} routes within budget`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
