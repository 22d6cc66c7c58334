import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Account, AccountInput, AccountList, AccountListQuery, AccountUpdate, AccountWithPassword, IdParams } from '@campus/shared';
import { errorResponses } from '../../lib/errors-schema.js';
import { createAccount, getAccount, listAccounts, resetPassword, updateAccount } from '../../services/accounts.js';
import { requireActor } from '../../plugins/auth.js';

const tags = ['accounts'];

const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/accounts', { schema: { tags, summary: 'Accounts in scope', querystring: AccountListQuery, response: { 200: AccountList, ...errorResponses } } }, async (request) => ({
    items: await listAccounts(app.prisma, requireActor(request), request.query),
  }));

  app.post(
    '/accounts',
    { schema: { tags, summary: 'Create an account; answers its one-time password once', body: AccountInput, response: { 201: AccountWithPassword, ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await createAccount(app.prisma, requireActor(request), request.auditContext(), request.body)),
  );

  app.get('/accounts/:id', { schema: { tags, summary: 'One account', params: IdParams, response: { 200: Account, ...errorResponses } } }, async (request) =>
    getAccount(app.prisma, requireActor(request), request.params.id),
  );

  app.patch(
    '/accounts/:id',
    { schema: { tags, summary: 'Rename, disable (ends its sessions) or enable', params: IdParams, body: AccountUpdate, response: { 200: Account, ...errorResponses } } },
    async (request) => updateAccount(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body),
  );

  app.post(
    '/accounts/:id/reset-password',
    { schema: { tags, summary: 'Reset the password; answers a new one-time password once', params: IdParams, response: { 200: AccountWithPassword, ...errorResponses } } },
    async (request) => resetPassword(app.prisma, requireActor(request), request.auditContext(), request.params.id),
  );
};
export default accountRoutes;
