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
      // a Buffer goes as it is (a multipart form: its headers say its type), anything else as JSON
      const raw = Buffer.isBuffer(body);
      return app.inject({
        method,
        url,
        headers: { cookie, ...(body !== undefined && !raw ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { payload: raw ? body : JSON.stringify(body) } : {}),
      });
    },
  };
}

export type TownRole = 'centre' | 'observer' | 'principal' | 'teacher' | 'gate';
interface Username {
  username: string;
}

/** One signed-in client per role of `createTownship`: the centre, the observer, and school A's principal, teacher (of A's first class) and gate staff. */
export async function signInTownship(app: App, town: { centre: Username; observer: Username; a: { principal: Username; teacher: Username; gate: Username } }): Promise<Record<TownRole, Client>> {
  const accounts: Record<TownRole, Username> = { centre: town.centre, observer: town.observer, principal: town.a.principal, teacher: town.a.teacher, gate: town.a.gate };
  const clients = {} as Record<TownRole, Client>;
  for (const [role, account] of Object.entries(accounts) as [TownRole, Username][]) clients[role] = await signIn(app, account.username);
  return clients;
}
