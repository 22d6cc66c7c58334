import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/app.js';
import { TEST_PASSWORD } from './factories.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Client {
  cookie: string;
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** Signs in through the real login route and returns a client carrying the session cookie. */
export async function signIn(app: App, username: string, password = TEST_PASSWORD): Promise<Client> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((item) => item.name === 'cg_session')!;
  return clientWithCookie(app, `cg_session=${cookie.value}`);
}

export function clientWithCookie(app: App, cookie: string): Client {
  return {
    cookie,
    request(method, url, body, headers = {}) {
      return app.inject({
        method,
        url,
        headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
    },
  };
}
