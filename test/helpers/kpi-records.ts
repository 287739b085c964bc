// Hand-made records for metric tests: builders with overrides, a fresh employee per scenario and
// one metric evaluated through the engine's own seam (evaluateMetric).
import { evaluateMetric } from '../../src/kpi/evaluate.js';
import type { MetricValue } from '../../src/kpi/rules.js';
import { employeesInPeriod } from '../../src/kpi/store-results.js';
import { periodDates } from '../../src/time/period.js';
import type { TestApp } from './test-app.js';
import { TEST_TODAY, TEST_TZ } from './test-db.js';

/** An instant from a Beijing wall-clock time, e.g. `bj('2026-08-31 23:59')`. */
export const bj = (local: string): Date => new Date(`${local.replace(' ', 'T')}:00+08:00`);

export function kpiRecords(app: TestApp) {
  const db = app.db;
  let n = 0;
  const next = (prefix: string) => `${prefix}-${++n}`;

  return {
    db,
    /** A fresh employee with no records, hired before the period unless told otherwise. */
    async employee(id: string, hireDate = '2026-01-05'): Promise<string> {
      await db.employee.create({ data: { id, employeeNo: id, name: id, hireDate, timeZone: TEST_TZ } });
      return id;
    },

    /** One metric for one employee over a month, as the card computes it (asOf defaults to the test day). */
    async metric(
      code: string,
      employeeId: string,
      options: { period?: string; params?: Record<string, unknown>; asOf?: Date } = {},
    ): Promise<MetricValue> {
      const period = options.period ?? '2026-08';
      const { first, last } = periodDates(period);
      const people = await employeesInPeriod(db, first, last, { employeeIds: [employeeId] });
      const { values, missing } = await evaluateMetric(
        { db, provider: app.target.provider, metrics: app.kpi.metrics },
        code,
        {
          period,
          timeZone: TEST_TZ,
          asOf: options.asOf ?? TEST_TODAY,
          people,
          params: options.params ?? {},
          employeeId,
        },
      );
      const value = values.get(employeeId) ?? missing.get(employeeId);
      if (!value) throw new Error(`${employeeId} is not employed in ${period}`);
      return value;
    },

    async workOrder(
      id: string,
      assigneeId: string,
      o: {
        status?: 'OPEN' | 'ASSIGNED' | 'IN_PROGRESS' | 'COMPLETED' | 'CLOSED' | 'CANCELLED';
        openedAt?: Date;
        assignedAt?: Date | null;
        firstResponseAt?: Date | null;
        arrivedAt?: Date | null;
        completedAt?: Date | null;
        slaResponseMinutes?: number | null;
        slaArrivalMinutes?: number | null;
        difficulty?: number;
        resolved?: boolean;
        reopenCount?: number;
      } = {},
    ): Promise<string> {
      await db.workOrder.create({
        data: { id, externalId: id, title: id, assigneeId, openedAt: o.openedAt ?? bj('2026-08-03 09:00'), ...o },
      });
      return id;
    },

    async invitation(id: string, employeeId: string, sentAt: Date, usedAt: Date | null = null): Promise<string> {
      const workOrderId = next('wo-inv');
      await db.workOrder.create({
        data: { id: workOrderId, externalId: workOrderId, title: 'survey', assigneeId: employeeId, openedAt: sentAt },
      });
      await db.surveyInvitation.create({
        data: { id, tokenHash: id, workOrderId, employeeId, sentAt, expiresAt: bj('2026-12-31 00:00'), usedAt },
      });
      return id;
    },

    async answer(
      id: string,
      employeeId: string,
      o: { csat?: number; nps?: number | null; answeredAt?: Date } = {},
    ): Promise<string> {
      await db.surveyAnswer.create({
        data: {
          id,
          employeeId,
          csat: o.csat ?? 5,
          nps: o.nps ?? null,
          answeredAt: o.answeredAt ?? bj('2026-08-10 15:00'),
        },
      });
      return id;
    },

    async site(code: string): Promise<string> {
      const site = await db.site.create({ data: { code, name: code, lat: 31.23, lng: 121.47 } });
      return site.id;
    },

    async checkIn(
      id: string,
      employeeId: string,
      at: Date,
      o: {
        kind?: 'IN' | 'OUT';
        siteId?: string;
        lateMinutes?: number;
        verdict?: 'ACCEPTED' | 'OUTSIDE_FENCE' | 'FLAGGED' | 'REJECTED';
      } = {},
    ): Promise<string> {
      await db.checkIn.create({
        data: { id, employeeId, at, kind: o.kind ?? 'IN', method: 'PAGE', verdict: o.verdict ?? 'ACCEPTED', ...o },
      });
      return id;
    },

    async ticket(
      id: string,
      employeeId: string,
      o: {
        openedAt?: Date;
        firstResponseAt?: Date | null;
        resolvedAt?: Date | null;
        isComplaint?: boolean;
        repeatOfId?: string | null;
        rating?: number | null;
      } = {},
    ): Promise<string> {
      await db.helpdeskTicket.create({
        data: { id, externalId: id, employeeId, openedAt: o.openedAt ?? bj('2026-08-04 10:00'), ...o },
      });
      return id;
    },

    async crmOrder(
      id: string,
      employeeId: string,
      o: { amountCents: number; collectedCents?: number; status?: string; orderedAt?: Date },
    ): Promise<string> {
      await db.crmOrder.create({
        data: { id, externalId: id, employeeId, orderedAt: o.orderedAt ?? bj('2026-08-12 11:00'), ...o },
      });
      return id;
    },

    async training(
      id: string,
      employeeId: string,
      o: { minutes?: number; examScore?: number | null; completedAt?: Date | null } = {},
    ): Promise<string> {
      await db.trainingRecord.create({
        data: {
          id,
          employeeId,
          courseCode: 'SAFETY',
          courseName: 'Safety',
          minutes: o.minutes ?? 60,
          examScore: o.examScore ?? null,
          enrolledAt: bj('2026-07-20 09:00'),
          completedAt: o.completedAt === undefined ? bj('2026-08-14 17:00') : o.completedAt,
        },
      });
      return id;
    },

    async qualityError(
      id: string,
      employeeId: string,
      o: { grade: 'MAJOR' | 'MINOR'; status?: 'RECORDED' | 'APPEALED' | 'UPHELD' | 'OVERTURNED'; occurredAt?: Date },
    ): Promise<string> {
      await db.qualityError.create({
        data: {
          id,
          employeeId,
          attribution: 'PERSON',
          category: 'process',
          description: id,
          occurredAt: o.occurredAt ?? bj('2026-08-18 14:00'),
          ...o,
        },
      });
      return id;
    },
  };
}
