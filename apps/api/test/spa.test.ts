import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { setupTestApp, type TestContext } from './helpers/app.js';

let ctx: TestContext;
let app: App;
const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'campus-spa-'));

beforeAll(async () => {
  ctx = await setupTestApp();
  fs.mkdirSync(path.join(distDir, 'assets'));
  fs.writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>校园防控通</title>');
  fs.writeFileSync(path.join(distDir, 'assets', 'app-1234.js'), 'console.log(1)');
  // As the build leaves them (apps/web/build/service-worker.ts, public/): the worker with its precompressed copy, the manifest, an icon, Vite's manifest.
  const worker = `const ASSETS = ${JSON.stringify(['/index.html', '/assets/app-1234.js'])};\n${'// padding\n'.repeat(100)}`;
  fs.writeFileSync(path.join(distDir, 'sw.js'), worker);
  fs.writeFileSync(path.join(distDir, 'sw.js.gz'), zlib.gzipSync(worker));
  fs.writeFileSync(path.join(distDir, 'manifest.webmanifest'), JSON.stringify({ name: '校园防控通', start_url: '/' }));
  fs.writeFileSync(path.join(distDir, 'icon-192.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
  fs.mkdirSync(path.join(distDir, '.vite'));
  fs.writeFileSync(path.join(distDir, '.vite', 'manifest.json'), '{"index.html":{"file":"assets/app-1234.js"}}');
  app = await buildApp({ prisma: ctx.db, webDistDir: distDir });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  fs.rmSync(distDir, { recursive: true, force: true });
});

describe('the built web app', () => {
  it('answers a page of the app with index.html, never cached, to GET and HEAD alike', async () => {
    for (const method of ['GET', 'HEAD'] as const) {
      const page = await app.inject({ method, url: '/follow-ups/class/abc' });
      expect(page.statusCode, method).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    expect((await app.inject({ method: 'GET', url: '/follow-ups' })).body).toContain('校园防控通');
  });

  it('sends the service worker, index.html, the manifest and the icons no-cache (a new version is seen at the next visit), the worker as JavaScript, compressed too', async () => {
    for (const url of ['/sw.js', '/index.html', '/manifest.webmanifest', '/icon-192.png']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
    const worker = await app.inject({ method: 'GET', url: '/sw.js', headers: { 'accept-encoding': 'gzip' } });
    expect(worker.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(worker.headers['content-encoding']).toBe('gzip');
    expect(worker.headers['cache-control']).toBe('no-cache');
    expect(zlib.gunzipSync(worker.rawPayload).toString()).toContain('/assets/app-1234.js');
    const manifest = await app.inject({ method: 'GET', url: '/manifest.webmanifest' });
    expect(manifest.headers['content-type']).toBe('application/manifest+json; charset=utf-8');
    expect(manifest.json().name).toBe('校园防控通');
    expect((await app.inject({ method: 'GET', url: '/icon-192.png' })).headers['content-type']).toBe('image/png');
  });

  it("does not serve the build's notes (dist/.vite)", async () => {
    const notes = await app.inject({ method: 'GET', url: '/.vite/manifest.json' });
    expect(notes.statusCode).toBe(404);
    expect(notes.body).not.toContain('app-1234');
  });

  it('caches hashed assets for a year; a missing file is 404 and an API route never gets the page, in the one error shape', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await app.inject({ method: 'GET', url: '/assets/gone.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    const api = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(401);
    expect(api.json().code).toBe('unauthenticated');
  });
  it("asks for a class's list while a class page's code downloads: the page's own class only, and no other page", async () => {
    const classId = '0b6f3c1e-2a4d-4c8e-9f10-1234567890ab';
    const recordId = 'a1b2c3d4-e5f6-4789-8abc-def012345678';
    const preload = `<link rel="preload" href="/api/follow-ups/worklist?classId=${classId}" as="fetch" crossorigin>`;
    for (const url of [`/follow-ups/class/${classId}`, `/follow-ups/class/${classId}/`, `/follow-ups/class/${classId}/${recordId}`]) {
      const page = await app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control'], url).toBe('no-cache');
      expect(page.body, url).toContain(preload);
      expect(page.body, url).toContain('校园防控通');
      expect((await app.inject({ method: 'HEAD', url })).statusCode, url).toBe(200);
    }
    for (const url of ['/follow-ups', `/follow-ups/class/${classId}?day=2026-12-01`, '/follow-ups/class/abc', `/follow-ups/class/${classId}/x"><script>`, `/quarantine/${classId}`]) {
      const page = await app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).not.toContain('rel="preload"');
    }
  });
});
