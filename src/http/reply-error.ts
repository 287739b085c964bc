import type { FastifyReply } from 'fastify';
import { type MessageKey, type MessageParams, translator } from '../i18n/index.js';

// API errors are English: they are read by integrators and logged; users see cards instead.
const t = translator('en');

/** The one error shape every route answers with: {"error":{"code","message"}}. */
export function replyError(
  reply: FastifyReply,
  status: number,
  code: MessageKey,
  params?: MessageParams,
): FastifyReply {
  return reply
    .code(status)
    .type('application/json')
    .send({ error: { code, message: t(code, params) } });
}

/** Describes zod issues as "field: problem; field: problem" so a 400 names the field. */
export function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : 'body'}: ${i.message}`)
    .join('; ');
}
