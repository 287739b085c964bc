// Read endpoints: KPI results with the record ids behind each figure, a team's results, and the
// payroll export of a closed month. Each read is audited with the key's name.
import { z } from 'zod';
import type { FeatureKit } from '../bot/feature.js';
import { replyError } from '../http/reply-error.js';
import { route } from '../http/route-spec.js';
import { syncLateAdjustments } from '../payroll/index.js';
import { findPeriod, loadResultRows, parseKpiInputs, type ResultRow } from '../reports/index.js';
import { currentPeriod } from '../time/period.js';
import { READ_EXAMPLES } from './examples.js';
import {
  employeeResultsResponse,
  payrollResponse,
  periodQuery,
  type personResult,
  teamResultsResponse,
} from './schemas.js';

type PersonResult = z.infer<typeof personResult>;

function toPerson(row: ResultRow): PersonResult {
  const r = row.result;
  const inputs = r ? parseKpiInputs(r.inputs) : null;
  return {
    employeeNo: row.employeeNo,
    name: row.name,
    department: row.departmentName,
    team: row.teamName,
    result: r
      ? {
          totalScore: r.totalScore,
          band: r.band,
          prorated: r.prorated,
          modelCode: r.modelCode,
          modelVersion: r.modelVersion,
          contentHash: r.contentHash,
          frozen: r.frozen,
          computedAt: r.computedAt.toISOString(),
          metrics: (inputs?.metrics ?? []).map((m) => ({
            metric: m.metric,
            value: m.value,
            unit: m.unit,
            target: m.target,
            score: m.score,
            weight: m.weight,
            weighted: m.weighted,
            recordType: m.recordType,
            recordIds: m.recordIds,
          })),
          deductions: inputs?.deductions ?? [],
          bonuses: inputs?.bonuses ?? [],
        }
      : null,
  };
}

const personKey = z.string().trim().min(1).max(254);

export function registerReadRoutes(kit: FeatureKit): void {
  const periodOf = (query: { period?: string | undefined }) =>
    query.period ?? currentPeriod(kit.now(), kit.config.timeZone);
  const status = async (period: string) => ((await findPeriod(kit.db, period))?.status ?? 'OPEN') as 'OPEN' | 'CLOSED';

  kit.http.api('kpi:read', [
    route({
      method: 'GET',
      path: '/kpi/employees/:employee',
      summary: "An employee's KPI result for a month, with the record ids behind each figure",
      params: z.object({ employee: personKey.describe('Employee number or e-mail') }),
      query: periodQuery,
      docs: {
        response: employeeResultsResponse,
        responses: { 404: 'No employee with this number or e-mail' },
        example: READ_EXAMPLES.employee,
      },
      handle: async ({ params, query, request, reply }) => {
        const key = params.employee.includes('@')
          ? { email: params.employee.toLowerCase() }
          : { employeeNo: params.employee };
        const people = await kit.db.employee.findMany({ where: key, select: { id: true }, take: 2 });
        const [person] = people;
        if (people.length !== 1 || !person) {
          return replyError(reply, 404, 'error.api_unknown_employee', { employee: params.employee });
        }
        const period = periodOf(query);
        const [row] = await loadResultRows(kit.db, { id: person.id }, period);
        if (!row) return replyError(reply, 404, 'error.api_unknown_employee', { employee: params.employee });
        await auditRead(kit, request.apiKey, 'api.kpi.employee', 'Employee', person.id, period);
        return { period, periodStatus: await status(period), employee: toPerson(row) };
      },
    }),
    route({
      method: 'GET',
      path: '/kpi/teams/:team',
      summary: "A team's KPI results for a month",
      params: z.object({ team: z.string().trim().min(1).max(64).describe('Team code') }),
      query: periodQuery,
      docs: {
        response: teamResultsResponse,
        responses: { 404: 'No team with this code' },
        example: READ_EXAMPLES.team,
      },
      handle: async ({ params, query, request, reply }) => {
        const team = await kit.db.team.findUnique({
          where: { code: params.team },
          select: { id: true, code: true, name: true },
        });
        if (!team) return replyError(reply, 404, 'error.api_unknown_team', { team: params.team });
        const period = periodOf(query);
        const rows = await loadResultRows(kit.db, { teamId: team.id }, period);
        await auditRead(kit, request.apiKey, 'api.kpi.team', 'Team', team.id, period);
        return {
          period,
          periodStatus: await status(period),
          team: { code: team.code, name: team.name },
          members: rows.map(toPerson),
        };
      },
    }),
  ]);

  kit.http.api('payroll:read', [
    route({
      method: 'GET',
      path: '/payroll/:period',
      summary: 'The payroll export of a closed month',
      params: z.object({ period: periodQuery.shape.period.unwrap() }),
      docs: {
        description:
          'The frozen results of a closed month as payroll imports them, with the hash stamped at close and the ' +
          'records that arrived after it (adjustments). A month not closed yet is 409.',
        response: payrollResponse,
        responses: { 409: 'The month is not closed yet' },
        example: READ_EXAMPLES.payroll,
      },
      handle: async ({ params, request, reply }) => {
        const period = params.period;
        const row = await findPeriod(kit.db, period);
        if (row?.status !== 'CLOSED' || !row.closedAt) {
          return replyError(reply, 409, 'error.api_period_open', { period });
        }
        await syncLateAdjustments(kit.db, period, kit.config.timeZone);
        const rows = await loadResultRows(kit.db, { kpiResults: { some: { period } } }, period);
        const numbers = new Map(rows.map((r) => [r.employeeId, r.employeeNo]));
        const adjustments = await kit.db.kpiAdjustment.findMany({
          where: { period },
          orderBy: [{ createdAt: 'asc' }, { recordId: 'asc' }],
        });
        await auditRead(kit, request.apiKey, 'api.payroll.export', 'KpiPeriod', period, period);
        return {
          period,
          closedAt: row.closedAt.toISOString(),
          contentHash: row.contentHash ?? '',
          rows: rows.map((r) => ({
            employeeNo: r.employeeNo,
            name: r.name,
            department: r.departmentName,
            totalScore: r.result?.totalScore ?? null,
            band: r.result?.band ?? null,
            prorated: r.result?.prorated ?? null,
            modelCode: r.result?.modelCode ?? null,
            modelVersion: r.result?.modelVersion ?? null,
            contentHash: r.result?.contentHash ?? null,
          })),
          adjustments: adjustments.map((a) => ({
            employeeNo: numbers.get(a.employeeId) ?? null,
            recordType: a.recordType,
            recordId: a.recordId,
            note: a.note,
            foundAt: a.createdAt.toISOString(),
          })),
        };
      },
    }),
  ]);
}

async function auditRead(
  kit: FeatureKit,
  key: { id: string; name: string; prefix: string } | undefined,
  action: string,
  subjectType: string,
  subjectId: string,
  period: string,
): Promise<void> {
  await kit.audit({
    actorId: key?.id ?? null,
    actorKind: 'api_key',
    action,
    subjectType,
    subjectId,
    channel: 'api',
    details: { key: key?.name, prefix: key?.prefix, period },
  });
}
