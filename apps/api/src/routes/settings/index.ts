import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CentreSettings, CentreSettingsInput } from '@campus/shared';
import { errorResponses } from '../../lib/errors-schema.js';
import { assertCan } from '../../services/scope.js';
import { getCentre, toCentreSettings, updateCentreSettings } from '../../services/settings.js';
import { requireActor } from '../../plugins/auth.js';

const tags = ['settings'];

const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/settings', { schema: { tags, summary: 'Centre settings', response: { 200: CentreSettings, ...errorResponses } } }, async () =>
    toCentreSettings(await getCentre(app.prisma)),
  );

  app.put('/settings', { schema: { tags, summary: 'Change centre settings (centre)', body: CentreSettingsInput, response: { 200: CentreSettings, ...errorResponses } } }, async (request) => {
    assertCan(requireActor(request), 'settings.write');
    return updateCentreSettings(app.prisma, request.auditContext(), request.body);
  });
};
export default settingsRoutes;
