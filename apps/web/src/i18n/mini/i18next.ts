/**
 * The part of i18next this app uses, in a few lines (ADR 0006, issue 16): the
 * build resolves `i18next` here (vite.config.ts `resolve.alias`), so the
 * phone's first load does not carry the whole library (~15 KB gzip). Types
 * still come from the real package: `t`'s keys are checked against the
 * Chinese catalogue as before (i18next.d.ts).
 *
 * What it does, as i18next does with this app's options: one namespace
 * (`translation`); keys are dotted paths; `{{name}}` is replaced by the
 * option's value, unescaped (React escapes), a missing value by ''; a key
 * missing in the language falls back to `fallbackLng`, then to the key itself;
 * no plurals, contexts or formats (the catalogues use none).
 */
type Tree = { [key: string]: string | Tree };
type Listener = (language: string) => void;

interface InitOptions {
  resources?: Record<string, { translation: Tree }>;
  lng?: string;
  fallbackLng?: string;
  supportedLngs?: string[];
}

interface Plugin {
  type: string;
  init?: (instance: MiniI18n) => void;
}

function lookup(tree: Tree | undefined, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function merge(target: Tree, source: Tree): Tree {
  const out: Tree = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const current = out[key];
    out[key] = typeof value === 'object' && typeof current === 'object' ? merge(current, value) : value;
  }
  return out;
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

class MiniI18n {
  language = '';
  resolvedLanguage: string | undefined;
  private fallback = '';
  private supported: string[] | undefined;
  private bundles: Record<string, Tree> = {};
  private listeners = new Map<string, Set<Listener>>();
  readonly isInitialized = true;

  use(plugin: Plugin): this {
    plugin.init?.(this);
    return this;
  }

  init(options: InitOptions): Promise<typeof this.t> {
    for (const [language, namespaces] of Object.entries(options.resources ?? {})) this.bundles[language] = namespaces.translation;
    this.fallback = options.fallbackLng ?? '';
    this.supported = options.supportedLngs;
    this.setLanguage(options.lng ?? this.fallback);
    return Promise.resolve(this.t);
  }

  private setLanguage(language: string) {
    this.language = language;
    this.resolvedLanguage = !this.supported || this.supported.includes(language) ? language : this.fallback;
  }

  t = (key: string, options?: Record<string, unknown>): string => {
    const text = lookup(this.bundles[this.resolvedLanguage ?? ''], key) ?? lookup(this.bundles[this.fallback], key) ?? key;
    if (!options) return text;
    return text.replace(PLACEHOLDER, (_match, name: string) => {
      const value = options[name];
      if (value === undefined || value === null) return '';
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
    });
  };

  exists(key: string): boolean {
    return lookup(this.bundles[this.resolvedLanguage ?? ''], key) !== undefined || lookup(this.bundles[this.fallback], key) !== undefined;
  }

  hasResourceBundle(language: string, _namespace: string): boolean {
    return language in this.bundles;
  }

  addResourceBundle(language: string, _namespace: string, resources: Tree, deep = false, overwrite = false): this {
    const current = this.bundles[language];
    if (!current) this.bundles[language] = resources;
    else if (deep) this.bundles[language] = overwrite ? merge(current, resources) : merge(resources, current);
    else this.bundles[language] = overwrite ? { ...current, ...resources } : { ...resources, ...current };
    this.emit('added', language);
    return this;
  }

  changeLanguage(language: string): Promise<typeof this.t> {
    this.setLanguage(language);
    this.emit('languageChanged', language);
    return Promise.resolve(this.t);
  }

  on(event: string, listener: Listener): this {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(event, set);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  private emit(event: string, language: string) {
    for (const listener of this.listeners.get(event) ?? []) listener(language);
  }
}

const i18n = new MiniI18n();
export type { MiniI18n };
export default i18n;
