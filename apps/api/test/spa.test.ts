import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
});
