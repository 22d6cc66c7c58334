import type { Plugin } from 'vite';

/** Where the size budget (scripts/size-budget.ts) finds which npm packages each built chunk holds. */
export const CHUNK_PACKAGES_FILE = '.vite/chunk-packages.json';
/**
 * And which built file holds each of the app's own modules: a module of a chunk group (vite.config.ts's
 * `codeSplitting.groups`, e.g. the phone shell in `phone-…js`) has no manifest entry of its own.
 */
export const MODULE_CHUNKS_FILE = '.vite/module-chunks.json';

/** `…/node_modules/.pnpm/antd@6.6.8/node_modules/antd/es/button/index.js` → `antd`; a module of the app itself → null. */
function packageOf(moduleId: string): string | null {
  const at = moduleId.lastIndexOf('/node_modules/');
  if (at < 0) return null;
  const [scope, name] = moduleId.slice(at + '/node_modules/'.length).split('/');
  if (!scope) return null;
  return scope.startsWith('@') && name ? `${scope}/${name}` : scope;
}

/**
 * Writes dist/.vite/chunk-packages.json: `{ "assets/button-Ab12.js": ["antd", "@rc-component/util", …] }`.
 * Vite's manifest names a shared chunk after one of its modules (`button`), which
 * does not say where the code comes from, and a chunk's minified text carries no
 * reliable marker; the bundler's own module list does. Not served to browsers
 * (the service worker precaches no JSON).
 */
export function chunkPackages(): Plugin {
  /** apps/web/, as the manifest's keys are relative to it. */
  let root = '';
  return {
    name: 'campus-chunk-packages',
    apply: 'build',
    configResolved(config) {
      root = `${config.root.replace(/\/$/, '')}/`;
    },
    generateBundle(_options, bundle) {
      const packages: Record<string, string[]> = {};
      const modules: Record<string, string> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        packages[output.fileName] = [...new Set(output.moduleIds.map(packageOf).filter((name): name is string => name !== null))].sort();
        for (const id of output.moduleIds) {
          if (id.includes('/node_modules/') || !id.startsWith(root)) continue;
          modules[id.slice(root.length).split('?')[0]!] = output.fileName;
        }
      }
      this.emitFile({ type: 'asset', fileName: CHUNK_PACKAGES_FILE, source: `${JSON.stringify(packages, null, 1)}\n` });
      this.emitFile({ type: 'asset', fileName: MODULE_CHUNKS_FILE, source: `${JSON.stringify(modules, null, 1)}\n` });
    },
  };
}
