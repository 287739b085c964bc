// Push endpoints: POST /api/v1/<records> with {source?, records: [...]}, one result per record.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureKit } from '../bot/feature.js';
import type { ApiScope } from '../http/api-scope.js';
import { replyError } from '../http/reply-error.js';
import { type RouteExample, route } from '../http/route-spec.js';
import { type RecordOutcome, type RecordType, sourceName } from '../records/index.js';
import { PUSH_EXAMPLES } from './examples.js';
import { documentedPush, MAX_BATCH, pushEnvelope, pushResponse } from './schemas.js';

export interface PushRoute {
  type: RecordType;
  path: `/${string}`;
  scope: ApiScope;
  summary: string;
}

export const PUSH_ROUTES: readonly PushRoute[] = [
  { type: 'workOrder', path: '/work-orders', scope: 'work-orders:write', summary: 'Push work orders' },
  { type: 'crmOrder', path: '/crm-orders', scope: 'crm-orders:write', summary: 'Push CRM orders' },
  { type: 'ticket', path: '/tickets', scope: 'tickets:write', summary: 'Push helpdesk tickets' },
  {
    type: 'ticketRating',
    path: '/ticket-ratings',
    scope: 'tickets:write',
    summary: 'Push customer ratings of tickets pushed before',
  },
  { type: 'training', path: '/training-records', scope: 'training:write', summary: 'Push training records' },
  { type: 'employee', path: '/employees', scope: 'employees:write', summary: 'Push employees (by employee number)' },
  {
    type: 'department',
    path: '/departments',
    scope: 'employees:write',
    summary: 'Push departments (the organisation, by code)',
  },
  { type: 'leave', path: '/leave', scope: 'leave:write', summary: 'Push leave' },
];

function summarise(outcomes: readonly RecordOutcome[]) {
  const count = (result: RecordOutcome['result']) => outcomes.filter((o) => o.result === result).length;
  return {
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    rejected: count('rejected'),
  };
}

export function registerPushRoutes(kit: FeatureKit): void {
  for (const spec of PUSH_ROUTES) {
    kit.http.api(spec.scope, [
      route({
        method: 'POST',
        path: spec.path,
        summary: spec.summary,
        body: pushEnvelope,
        docs: {
          description:
            `Upserts each record by (source, ${spec.type === 'employee' ? 'employeeNo' : spec.type === 'department' ? 'code' : 'externalId'}). ` +
            'Each record is validated on its own: invalid ones come back rejected with the fields named while the ' +
            'valid ones are stored, all in one transaction. Sending the same batch again changes nothing (unchanged).',
          body: documentedPush(spec.type),
          response: pushResponse,
          responses: {
            413: `More than ${MAX_BATCH} records, or a body over 1 MiB`,
            503: 'The database failed; nothing of the batch was stored',
          },
          example: PUSH_EXAMPLES[spec.type] as RouteExample,
        },
        handle: ({ body, request, reply }) => push(kit, spec, body, request, reply),
      }),
    ]);
  }
}

async function push(
  kit: FeatureKit,
  spec: PushRoute,
  body: { source?: string | undefined; records: unknown[] },
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const key = request.apiKey;
  if (!key) return replyError(reply, 401, 'error.api_key_invalid');
  if (body.records.length > MAX_BATCH) {
    return replyError(reply, 413, 'error.api_batch_too_large', { max: MAX_BATCH, count: body.records.length });
  }
  const source = sourceName.safeParse(body.source ?? key.name);
  if (!source.success) {
    return replyError(reply, 400, 'error.bad_request', {
      detail: "source: name one in the body; this key's name cannot be used as a source",
    });
  }
  let outcomes: RecordOutcome[];
  try {
    outcomes = await kit.records.upsert(spec.type, source.data, body.records);
  } catch (err) {
    request.log.error({ err, type: spec.type }, 'api push failed; the batch was rolled back');
    reply.header('retry-after', '5');
    return replyError(reply, 503, 'error.api_unavailable');
  }
  const summary = summarise(outcomes);
  await kit.audit({
    actorId: key.id,
    actorKind: 'api_key',
    action: 'api.records.push',
    subjectType: spec.type,
    channel: 'api',
    details: { key: key.name, prefix: key.prefix, source: source.data, ...summary },
  });
  return { source: source.data, summary, results: outcomes };
}
