/**
 * Response serialization: zod checks each answer against the route's
 * response schema, then JSON.stringify writes it (fastify-type-provider-zod).
 * An answer a service marks `reusable` — a cached, never-mutated object
 * handed to many requests, like a page of the shared supplies matrix — is
 * checked and written once per schema, and the text served again after.
 */
import type { FastifyReply } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';

const reusableAnswers = new WeakSet<object>();

/** Marks an answer that is never changed after this call, so its serialized text can be reused. */
export function reusable<T extends object>(answer: T): T {
  reusableAnswers.add(answer);
  return answer;
}

type SerializerCompiler = typeof serializerCompiler;

export const memoSerializerCompiler: SerializerCompiler = (routeSchema) => {
  const serialize = serializerCompiler(routeSchema) as (data: unknown) => string;
  const written = new WeakMap<object, string>();
  return (data: unknown) => {
    if (typeof data !== 'object' || data === null || !reusableAnswers.has(data)) return serialize(data);
    let text = written.get(data);
    if (text === undefined) {
      text = serialize(data);
      written.set(data, text);
    }
    return text;
  };
};

/**
 * Sends an answer whose JSON text was written elsewhere — by PostgreSQL, for
 * the roster page (docs/decisions/0011-roster-list-item.md) — as it is: Fastify
 * passes a string through without the route's serializer. The route still
 * declares its response schema (the API's documentation), and API tests check
 * such answers against it, key for key.
 */
export function sendJsonText(reply: FastifyReply, text: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(text);
}
