import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { createSchool, createUser, TEST_PASSWORD } from './helpers/factories.js';
import { clientWithCookie, signIn } from './helpers/http.js';
import { hashToken } from '../src/services/sessions.js';

let ctx: TestContext;
let proxied: TestContext;
beforeAll(async () => {
  [ctx, proxied] = await Promise.all([setupTestApp(), setupTestApp({ trustProxy: true })]);
});

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

describe('login', () => {
  it('signs in, sets an HttpOnly SameSite=Strict cookie with a 128-bit token and answers who I am', async () => {
    const school = await createSchool(ctx.db);
    const user = await createUser(ctx.db, { role: 'principal', schoolId: school.id });
    const response = await login(user.username, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { username: user.username, role: 'principal' }, school: { id: school.id } });
    const cookie = response.cookies.find((item) => item.name === 'cg_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(Buffer.from(cookie.value, 'base64url')).toHaveLength(16);
    // The database holds a hash of the token, not the token.
    expect(await ctx.db.session.findUnique({ where: { id: cookie.value } })).toBeNull();
    expect(await ctx.db.session.findUnique({ where: { id: hashToken(cookie.value) } })).not.toBeNull();
  });

  it('marks the cookie Secure behind an HTTPS proxy (TRUST_PROXY + X-Forwarded-Proto), and not for a forged header without TRUST_PROXY', async () => {
    const secureLogin = async (context: TestContext) => {
      const user = await createUser(context.db, { role: 'observer' });
      const response = await context.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD }, headers: { 'x-forwarded-proto': 'https' } });
      expect(response.statusCode).toBe(200);
      return response.cookies.find((item) => item.name === 'cg_session')!;
    };
    expect((await secureLogin(proxied)).secure).toBe(true);
    expect((await secureLogin(ctx)).secure).toBeFalsy();
    // Plain HTTP behind the proxy: no Secure (the browser would drop the cookie).
    const user = await createUser(proxied.db, { role: 'observer' });
    const plain = await proxied.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(plain.cookies.find((item) => item.name === 'cg_session')!.secure).toBeFalsy();
  });

  it('gives a new token at every login', async () => {
    const user = await createUser(ctx.db, { role: 'observer' });
    const first = await signIn(ctx.app, user.username);
    const second = await signIn(ctx.app, user.username);
    expect(first.cookie).not.toBe(second.cookie);
  });

  it('answers a wrong password, an unknown user and a disabled account alike', async () => {
    const user = await createUser(ctx.db, { role: 'observer' });
    const disabled = await createUser(ctx.db, { role: 'observer', disabled: true });
    const wrong = await login(user.username, 'wrong-password1');
    const unknown = await login('nobody-here', 'wrong-password1');
    const off = await login(disabled.username, TEST_PASSWORD);
    for (const response of [wrong, unknown, off]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ statusCode: 401, code: 'invalid_credentials', message: '用户名或密码不正确' });
    }
    expect((await login(user.username, 'x', { 'accept-language': 'en' })).json().message).toBe('Wrong user name or password');
  });

  it('throttles an account at an address after 5 failures with 429 and a retry time, and records each failure', async () => {
    // Growing delays rather than a 15-minute lock (ADR 0003); the rest is in login-throttle.test.ts.
    const user = await createUser(ctx.db, { role: 'observer' });
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await login(user.username, 'wrong-password1')).statusCode).toBe(401);
    const blocked = await login(user.username, TEST_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('too_many_requests');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(25);
    expect(blocked.json().message).toMatch(/\d+ 秒后再试/);
    const failures = await ctx.db.auditLog.count({ where: { action: 'auth.login_failed', username: user.username } });
    expect(failures).toBe(5);
  });

  it('rejects a malformed login body with field errors', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', fields: { username: '必填', password: '必填' } });
  });
});

describe('sessions', () => {
  it('logout ends the session', async () => {
    const user = await createUser(ctx.db, { role: 'observer' });
    const client = await signIn(ctx.app, user.username);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(200);
    const logout = await client.request('POST', '/api/auth/logout');
    expect(logout.statusCode).toBe(200);
    // The cookie is ended with the attributes it was set with.
    expect(logout.cookies.find((cookie) => cookie.name === 'cg_session')).toMatchObject({ value: '', httpOnly: true, sameSite: 'Strict', path: '/' });
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('a disabled account stops working on its next request', async () => {
    const centre = await signIn(ctx.app, (await createUser(ctx.db, { role: 'centre_admin' })).username);
    const school = await createSchool(ctx.db);
    const teacher = await createUser(ctx.db, { role: 'class_teacher', schoolId: school.id });
    const teacherClient = await signIn(ctx.app, teacher.username);
    expect((await teacherClient.request('GET', '/api/schools')).statusCode).toBe(200);
    expect((await centre.request('PATCH', `/api/accounts/${teacher.id}`, { disabled: true })).statusCode).toBe(200);
    const after = await teacherClient.request('GET', '/api/schools');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
  });

  it('a session ended by another API process stops working here as soon as that write commits', async () => {
    const user = await createUser(ctx.db, { role: 'observer' });
    const client = await signIn(ctx.app, user.username);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(200); // now remembered here
    // What revokeUserSessions does in another process: end the sessions and announce it, in one transaction.
    const other = new pg.Client({ connectionString: ctx.databaseUrl });
    await other.connect();
    await other.query('BEGIN');
    await other.query(`UPDATE "Session" SET "revokedAt" = now() WHERE "userId" = $1`, [user.id]);
    await other.query(`SELECT pg_notify('campus_sessions', '')`);
    await other.query('COMMIT');
    await other.end();
    let status = 200;
    for (let attempt = 0; attempt < 50 && status === 200; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = (await client.request('GET', '/api/auth/me')).statusCode;
    }
    expect(status).toBe(401);
  });

  it('ends a session idle for longer than the configured timeout', async () => {
    const user = await createUser(ctx.db, { role: 'observer' });
    const client = await signIn(ctx.app, user.username);
    await ctx.db.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('ends a session after its absolute lifetime even when active', async () => {
    const user = await createUser(ctx.db, { role: 'observer' });
    const client = await signIn(ctx.app, user.username);
    await ctx.db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('ignores a forged cookie', async () => {
    const client = clientWithCookie(ctx.app, 'cg_session=AAAAAAAAAAAAAAAAAAAAAA');
    expect((await client.request('GET', '/api/schools')).statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('an account created by someone else must change its password before anything else', async () => {
    const user = await createUser(ctx.db, { role: 'observer', mustChangePassword: true });
    const client = await signIn(ctx.app, user.username);
    const blocked = await client.request('GET', '/api/schools');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');
    expect((await client.request('GET', '/api/auth/me')).json().user.mustChangePassword).toBe(true);

    const weak = await client.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields.newPassword).toBe('密码至少 8 位,且需同时包含字母和数字');
    const wrongCurrent = await client.request('POST', '/api/auth/password', { currentPassword: 'not-it-123', newPassword: 'newpass2026' });
    expect(wrongCurrent.json().fields.currentPassword).toBe('当前密码不正确');

    const changed = await client.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'newpass2026' });
    expect(changed.statusCode).toBe(200);
    expect((await client.request('GET', '/api/schools')).statusCode).toBe(200);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(user.username, 'newpass2026')).statusCode).toBe(200);
  });

  it('changing one’s password ends the account’s other sessions', async () => {
    const user = await createUser(ctx.db, { role: 'observer' });
    const phone = await signIn(ctx.app, user.username);
    const laptop = await signIn(ctx.app, user.username);
    await laptop.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'another2026' });
    expect((await laptop.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await phone.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });
});

describe('cross-site requests and headers', () => {
  it('refuses a write whose Origin is another site, and one from a cross-site fetch', async () => {
    const user = await createUser(ctx.db, { role: 'centre_admin' });
    const client = await signIn(ctx.app, user.username);
    const body = { code: 'X1', name: '跨站学校', kind: 'primary' };
    const evil = await client.request('POST', '/api/schools', body, { origin: 'https://evil.example', host: 'localhost:80' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().code).toBe('cross_site_request');
    const crossSite = await client.request('POST', '/api/schools', body, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    const form = await ctx.app.inject({ method: 'POST', url: '/api/schools', headers: { cookie: client.cookie, 'content-type': 'text/plain' }, payload: JSON.stringify(body) });
    expect(form.statusCode).toBe(415);
    expect(await ctx.db.school.count({ where: { code: 'X1' } })).toBe(0);
    const sameSite = await client.request('POST', '/api/schools', body, { origin: 'http://localhost:80', host: 'localhost:80' });
    expect(sameSite.statusCode).toBe(201);
  });

  it('sends security headers and no-store on the API', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: 'ok' });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(response.headers).not.toHaveProperty('strict-transport-security');
    // the same on an error and on a page of the app
    for (const url of ['/api/nowhere', '/login']) {
      const other = await ctx.app.inject({ method: 'GET', url });
      expect(other.headers['content-security-policy'], url).toBe(csp);
      expect(other.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  it('publishes an OpenAPI 3 document of every route', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/auth/login', '/api/schools', '/api/schools/{id}', '/api/classes', '/api/accounts', '/api/accounts/{id}/reset-password', '/api/settings', '/api/audit', '/api/health']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/api/schools'].post.requestBody).toBeDefined();
  });
});
