import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { createUser, TEST_PASSWORD } from './helpers/factories.js';
import { clientWithCookie } from './helpers/http.js';

// Password-guess throttling (services/login-throttle.ts, ADR 0003): the decision is taken
// before the hash is checked, on locked counters, per (account, address), per address and per account.
let ctx: TestContext;
let proxied: TestContext;
beforeAll(async () => {
  [ctx, proxied] = await Promise.all([setupTestApp(), setupTestApp({ trustProxy: true })]);
});

const login = (app: TestContext['app'], username: string, password: string, options: { from?: string; headers?: Record<string, string> } = {}) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: options.from ?? '127.0.0.1', headers: options.headers ?? {} });

function statuses(responses: { statusCode: number }[]) {
  const counts: Record<number, number> = {};
  for (const response of responses) counts[response.statusCode] = (counts[response.statusCode] ?? 0) + 1;
  return counts;
}

const failuresOf = (username: string) => ctx.db.auditLog.count({ where: { action: 'auth.login_failed', username } });

describe('login throttling', () => {
  it('checks at most 5 of 30 wrong passwords sent at once from one address; the rest get 429 without a check', async () => {
    const user = await createUser(ctx.db, { role: 'centre_admin' });
    const responses = await Promise.all(Array.from({ length: 30 }, () => login(ctx.app, user.username, 'wrong-password1', { from: '10.1.0.1' })));
    expect(statuses(responses)).toEqual({ 401: 5, 429: 25 });
    expect(await failuresOf(user.username)).toBe(5);
    const refused = responses.find((response) => response.statusCode === 429)!;
    expect(refused.json()).toMatchObject({ code: 'too_many_requests', message: expect.stringMatching(/请 \d+ 秒后再试/) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('after that even the right password waits at that address, with delays that double', async () => {
    const user = await createUser(ctx.db, { role: 'observer' });
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await login(ctx.app, user.username, 'wrong-password1', { from: '10.2.0.1' })).statusCode).toBe(401);
    const first = await login(ctx.app, user.username, TEST_PASSWORD, { from: '10.2.0.1' });
    expect(first.statusCode).toBe(429);
    expect(Number(first.headers['retry-after'])).toBeGreaterThan(25);
    expect(Number(first.headers['retry-after'])).toBeLessThanOrEqual(30);
    // The delay passes (moved back in the database rather than waited for): one more wrong password doubles it.
    await ctx.db.loginThrottle.updateMany({ where: { key: { startsWith: `pair:${user.username}@` } }, data: { blockedUntil: new Date(Date.now() - 1000) } });
    expect((await login(ctx.app, user.username, 'wrong-password1', { from: '10.2.0.1' })).statusCode).toBe(401);
    const second = await login(ctx.app, user.username, TEST_PASSWORD, { from: '10.2.0.1' });
    expect(second.statusCode).toBe(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(55);
    expect(Number(second.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Once the delay has passed, the right password signs in and the pair starts over.
    await ctx.db.loginThrottle.updateMany({ where: { key: { startsWith: `pair:${user.username}@` } }, data: { blockedUntil: new Date(Date.now() - 1000) } });
    expect((await login(ctx.app, user.username, TEST_PASSWORD, { from: '10.2.0.1' })).statusCode).toBe(200);
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await login(ctx.app, user.username, 'wrong-password1', { from: '10.2.0.1' })).statusCode).toBe(401);
  });

  it('does not lock the rightful user out: the right password from another address signs in during an attack', async () => {
    const centre = await createUser(ctx.db, { role: 'centre_admin' });
    const attack = await Promise.all(Array.from({ length: 30 }, () => login(ctx.app, centre.username, 'wrong-password1', { from: '10.3.0.66' })));
    expect(statuses(attack)).toEqual({ 401: 5, 429: 25 });
    expect((await login(ctx.app, centre.username, TEST_PASSWORD, { from: '10.3.0.66' })).statusCode).toBe(429);
    const rightful = await login(ctx.app, centre.username, TEST_PASSWORD, { from: '10.3.0.7' });
    expect(rightful.statusCode).toBe(200);
  });

  it('holds a per-account ceiling across many addresses: 30 addresses × 4 wrong passwords at once, at most 100 checked', async () => {
    const user = await createUser(ctx.db, { role: 'principal' });
    const addresses = Array.from({ length: 30 }, (_, index) => `10.4.0.${index + 1}`);
    const responses = await Promise.all(addresses.flatMap((from) => Array.from({ length: 4 }, () => login(ctx.app, user.username, 'wrong-password1', { from }))));
    expect(statuses(responses)).toEqual({ 401: 100, 429: 20 });
    expect(await failuresOf(user.username)).toBe(100);
    // The account is now refused from everywhere until the hour is over, with a wait in minutes.
    const later = await login(ctx.app, user.username, TEST_PASSWORD, { from: '10.4.1.1' });
    expect(later.statusCode).toBe(429);
    expect(Number(later.headers['retry-after'])).toBeGreaterThan(3000);
    expect(later.json().message).toMatch(/请 \d+ 分钟后再试/);
  }, 60_000);

  it('holds a per-address ceiling across user names: 60 names at once from one address, at most 50 checked', async () => {
    const responses = await Promise.all(Array.from({ length: 60 }, (_, index) => login(ctx.app, `spray${index}`, 'wrong-password1', { from: '10.5.0.1' })));
    expect(statuses(responses)).toEqual({ 401: 50, 429: 10 });
    // Another address is not affected.
    expect((await login(ctx.app, 'spray0', 'wrong-password1', { from: '10.5.0.2' })).statusCode).toBe(401);
  }, 60_000);

  it('ignores X-Forwarded-For without TRUST_PROXY: a new forged address per attempt still counts as one address', async () => {
    const user = await createUser(ctx.db, { role: 'observer' });
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) => login(ctx.app, user.username, 'wrong-password1', { from: '10.6.0.1', headers: { 'x-forwarded-for': `203.0.113.${index + 1}` } })),
    );
    expect(statuses(responses)).toEqual({ 401: 5, 429: 7 });
    expect(await ctx.db.auditLog.count({ where: { action: 'auth.login_failed', username: user.username, ip: '10.6.0.1' } })).toBe(5);
  });

  it('with TRUST_PROXY, the client address is the one the proxy forwards', async () => {
    const user = await createUser(proxied.db, { role: 'observer' });
    const attack = await Promise.all(
      Array.from({ length: 8 }, () => login(proxied.app, user.username, 'wrong-password1', { from: '127.0.0.1', headers: { 'x-forwarded-for': '198.51.100.9' } })),
    );
    expect(statuses(attack)).toEqual({ 401: 5, 429: 3 });
    // Same proxy, another client behind it.
    expect((await login(proxied.app, user.username, TEST_PASSWORD, { from: '127.0.0.1', headers: { 'x-forwarded-for': '198.51.100.10' } })).statusCode).toBe(200);
  });

  it('throttles the current password on a password change on the same counters', async () => {
    const user = await createUser(ctx.db, { role: 'observer' });
    const signedIn = await login(ctx.app, user.username, TEST_PASSWORD, { from: '10.7.0.1' });
    const cookie = signedIn.cookies.find((item) => item.name === 'cg_session')!;
    const client = clientWithCookie(ctx.app, `cg_session=${cookie.value}`);
    const change = (currentPassword: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        remoteAddress: '10.7.0.1',
        headers: { cookie: client.cookie, 'content-type': 'application/json' },
        payload: JSON.stringify({ currentPassword, newPassword: 'newpass2026' }),
      });
    const guesses = await Promise.all(Array.from({ length: 20 }, (_, index) => change(`guess-${index}-x1`)));
    expect(statuses(guesses)).toEqual({ 400: 5, 429: 15 });
    const refused = guesses.find((response) => response.statusCode === 429)!;
    expect(refused.json().code).toBe('too_many_requests');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right current password waits, and the password is unchanged.
    expect((await change(TEST_PASSWORD)).statusCode).toBe(429);
    expect((await login(ctx.app, user.username, 'newpass2026', { from: '10.7.0.2' })).statusCode).toBe(401);
  });
});
