// POST /api/v1/checkins (scope checkins:write): the check-in page's payload from a company's own
// app, through the same rules as every other check-in. The client's id makes a retry one check-in.
import { z } from 'zod';
import type { FeatureKit } from '../bot/feature.js';
import { replyError } from '../http/reply-error.js';
import { route } from '../http/route-spec.js';
import { recordCheckIn } from './record.js';

const MAX_SKEW_MS = 10 * 60_000;

export const apiCheckInBody = z.object({
  /** Employee number or id. */
  employee: z.string().min(1).max(64),
  kind: z.enum(['IN', 'OUT']),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  datum: z.enum(['WGS84', 'GCJ02', 'BD09']).default('WGS84'),
  accuracyM: z.number().min(0).max(100_000),
  at: z.iso.datetime(),
  mock: z.boolean().optional(),
  device: z.string().max(64).optional(),
  /** The client's own id for this submission: the same id twice is one check-in. */
  id: z.string().min(1).max(100),
});

const checkInAnswer = z.object({
  checkInId: z.string(),
  /** false when this client id was sent before: the stored check-in is returned unchanged. */
  created: z.boolean(),
  verdict: z.enum(['ACCEPTED', 'OUTSIDE_FENCE', 'FLAGGED', 'REJECTED']),
  siteId: z.string().nullable(),
  distanceM: z.number().nullable(),
  lateMinutes: z.number().nullable(),
  /** Each anti-spoofing flag with the numbers behind it. */
  flags: z.array(z.object({ code: z.string(), evidence: z.record(z.string(), z.union([z.string(), z.number()])) })),
});

export function checkInApiRoutes(kit: FeatureKit) {
  return [
    route({
      method: 'POST',
      path: '/checkins',
      summary: 'Record a check-in from a company app (same rules, verdict and evidence as the page)',
      body: apiCheckInBody,
      docs: {
        description:
          'Judged by the same rules as the check-in page (datum conversion, the fence of the site the employee is ' +
          'working at, anti-spoofing flags, the shift). The employee must have consented to location check-ins ' +
          '(403 otherwise). The same `id` twice is one check-in.',
        response: checkInAnswer,
        responses: { 403: 'The employee has not consented to location check-ins', 404: 'No such employee' },
        example: {
          // 钱涛 of the demo's field sales team, at the demo's "today" (tests run at this instant).
          body: {
            employee: 'KP0014',
            kind: 'IN',
            lat: 30.2741,
            lng: 120.1551,
            datum: 'WGS84',
            accuracyM: 15,
            at: '2026-11-18T04:00:00Z',
            device: 'app-7f3a',
            id: 'app-checkin-0001',
          },
        },
      },
      handle: async ({ body, reply, request }) => {
        const at = new Date(body.at);
        if (Math.abs(at.getTime() - kit.now().getTime()) > MAX_SKEW_MS)
          return replyError(reply, 400, 'error.bad_request', { detail: 'body.at: too far from the current time' });
        const employee = await kit.db.employee.findFirst({
          where: { OR: [{ employeeNo: body.employee }, { id: body.employee }], status: { not: 'LEFT' } },
          select: { id: true },
        });
        if (!employee) return replyError(reply, 404, 'attendance.api.unknown_employee');
        const keyName = request.apiKey?.name ?? 'api';
        const result = await recordCheckIn(kit, {
          employeeId: employee.id,
          kind: body.kind,
          method: 'IMPORT',
          at,
          lat: body.lat,
          lng: body.lng,
          datum: body.datum,
          accuracyM: body.accuracyM,
          mockHint: body.mock ?? false,
          device: body.device ?? null,
          externalId: `api:${keyName}:${body.id}`.slice(0, 190),
        });
        if (result.status === 'consent_required') return replyError(reply, 403, 'attendance.api.consent_required');
        const c = result.checkIn;
        return reply.code(200).send({
          checkInId: c.id,
          created: result.status === 'stored',
          verdict: c.verdict,
          siteId: c.site?.id ?? null,
          distanceM: c.distanceM,
          lateMinutes: c.lateMinutes,
          flags: c.flags,
        });
      },
    }),
  ];
}
