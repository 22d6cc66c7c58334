import type { Plugin } from 'vite';

/** vite.config.ts's chunk group of the sign-in page and the class teacher's shell, home and class list. */
export const PHONE_CHUNK = 'phone';

/**
 * Adds to the built index.html a `modulepreload` of the phone chunk (and a `preload` of its styles), so
 * that it downloads beside the start chunk instead of after it has run (the router imports it): on a slow
 * phone connection one round trip less before the sign-in page or the class list shows. Everyone who is not
 * signed in needs it (the sign-in page is in it); a signed-in principal on a computer pays ~13 KB gzip.
 * scripts/size-budget.ts counts what the built page preloads in every route.
 */
export function phonePreload(): Plugin {
  return {
    name: 'campus-phone-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunk = Object.values(context.bundle ?? {}).find((output) => output.type === 'chunk' && output.name === PHONE_CHUNK);
        if (!chunk || chunk.type !== 'chunk') throw new Error(`phone-preload: no "${PHONE_CHUNK}" chunk in the bundle (vite.config.ts codeSplitting.groups)`);
        const styles = [...(chunk.viteMetadata?.importedCss ?? [])];
        return [
          { tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` }, injectTo: 'head' },
          ...styles.map((file) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}
