import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { recordAudit, type AuditContext, type AuditEvent } from '../services/audit.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Records an audit row for this request's actor (outside any transaction). */
    audit(event: AuditEvent): Promise<void>;
    auditContext(): AuditContext;
  }
}

export default fp(
  async (app) => {
    app.decorateRequest('auditContext', function (this: FastifyRequest): AuditContext {
      return { actor: this.actor ?? null, ip: this.ip ?? null };
    });
    app.decorateRequest('audit', async function (this: FastifyRequest, event: AuditEvent) {
      await recordAudit(app.prisma, this.auditContext(), event);
    });
  },
  { name: 'audit', dependencies: ['prisma'] },
);
