import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, PICTURE_RULES, PictureList, UploadQuery } from '@campus/shared';
import { errorResponses } from '../../lib/errors-schema.js';
import { requireActor } from '../../plugins/auth.js';
import { openPicture, receivePictures, type IncomingFile } from '../../services/uploads.js';

const tags = ['uploads'];

/**
 * Pictures from phones (ADR 0021): received as a stream, re-encoded, served
 * back only to those who may see the record that holds them.
 */
const uploadRoutes: FastifyPluginAsyncZod = async (app) => {
  // One more file than allowed reaches the service, which refuses it with a message of its own.
  await app.register(multipart, { limits: { fileSize: PICTURE_RULES.maxBytes, files: PICTURE_RULES.maxFiles + 1, fields: 0, parts: PICTURE_RULES.maxFiles + 1 }, throwFileSizeLimit: false });

  app.post(
    '/uploads',
    { schema: { tags, summary: 'Upload 1–6 pictures (multipart "file" parts) for a school’s record; answers their ids and thumbnail links', consumes: ['multipart/form-data'], querystring: UploadQuery, response: { 201: PictureList, ...errorResponses } } },
    async (request, reply) => {
      const files = request.files() as AsyncIterable<IncomingFile>;
      const items = await receivePictures(app.prisma, requireActor(request), app.uploadsDir, request.query, files);
      return reply.code(201).send({ items });
    },
  );

  for (const size of ['full', 'thumb'] as const) {
    app.get(
      size === 'full' ? '/uploads/:id' : '/uploads/:id/thumb',
      { schema: { tags, summary: size === 'full' ? 'A picture (JPEG), for those who may see its record' : 'A picture’s thumbnail (JPEG)', params: IdParams, produces: ['image/jpeg'] } },
      async (request, reply) => {
        const picture = await openPicture(app.prisma, requireActor(request), app.uploadsDir, request.params.id, size);
        return reply
          .type('image/jpeg')
          .header('content-length', picture.bytes)
          .header('cache-control', 'private, max-age=86400, immutable')
          .header('content-disposition', 'inline')
          .header('x-content-type-options', 'nosniff')
          .send(picture.stream);
      },
    );
  }
};
export default uploadRoutes;
