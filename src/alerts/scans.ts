// The scheduled rules: each reads recent records, asks its pure rule (rules.ts) and raises what it
// decides. Raising is idempotent per dedupe key, so a scan may run as often as it likes, and the
// survey scan catches answers that arrived without an event (imports, the demo).
import type { FeatureKit } from '../bot/feature.js';
import { currentPeriod } from '../time/period.js';
import { localDate, localParts } from '../time/zoned.js';
import type { AlertEngine } from './engine.js';
import { csatTrend, helpdeskSla, kpiPacing, lateStreak, surveyComplaint, surveyLow, workOrderSla } from './rules.js';

const DAY = 86_400_000;

export async function scanAll(kit: FeatureKit, engine: AlertEngine): Promise<number> {
  let raised = 0;
  for (const scan of [scanWorkOrders, scanTickets, scanLateStreaks, scanSurveys, scanPacing, scanTrends]) {
    raised += await scan(kit, engine);
  }
  return raised;
}

const counts = (outcome: string) => (outcome === 'raised' || outcome === 'escalated' ? 1 : 0);

export async function scanWorkOrders(kit: FeatureKit, engine: AlertEngine): Promise<number> {
  const now = kit.now();
  const orders = await kit.db.workOrder.findMany({
    where: {
      status: { in: ['OPEN', 'ASSIGNED', 'IN_PROGRESS'] },
      openedAt: { gte: new Date(now.getTime() - 7 * DAY), lte: now },
      assigneeId: { not: null },
    },
    select: {
      id: true,
      externalId: true,
      title: true,
      assigneeId: true,
      assignee: { select: { teamId: true } },
      openedAt: true,
      firstResponseAt: true,
      arrivedAt: true,
      slaResponseMinutes: true,
      slaArrivalMinutes: true,
    },
  });
  let raised = 0;
  for (const order of orders) {
    const p = await engine.params('workOrder.sla', order.assignee?.teamId ?? null);
    const decision = workOrderSla(order, now, p);
    if (!decision) continue;
    decision.evidence = { ...decision.evidence, title: order.title, workOrder: order.externalId };
    raised += counts(await engine.raise({ rule: 'workOrder.sla', decision, employeeId: order.assigneeId }));
  }
  return raised;
}

export async function scanTickets(kit: FeatureKit, engine: AlertEngine): Promise<number> {
  const now = kit.now();
  const tickets = await kit.db.helpdeskTicket.findMany({
    where: {
      firstResponseAt: null,
      resolvedAt: null,
      openedAt: { gte: new Date(now.getTime() - 3 * DAY), lte: now },
      employeeId: { not: null },
    },
    select: { id: true, externalId: true, openedAt: true, firstResponseAt: true, isComplaint: true, employeeId: true },
  });
  let raised = 0;
  for (const ticket of tickets) {
    const decision = helpdeskSla(ticket, now, await engine.params('helpdesk.sla', null));
    if (!decision) continue;
    decision.evidence = { ...decision.evidence, ticket: ticket.externalId };
    raised += counts(await engine.raise({ rule: 'helpdesk.sla', decision, employeeId: ticket.employeeId }));
  }
  return raised;
}

export async function scanLateStreaks(kit: FeatureKit, engine: AlertEngine): Promise<number> {
  const now = kit.now();
  const checkIns = await kit.db.checkIn.findMany({
    where: {
      kind: 'IN',
      // Attendance check-ins only: a site visit for a work order is never "late".
      workOrderId: null,
      at: { gte: new Date(now.getTime() - 21 * DAY), lte: now },
      verdict: { not: 'REJECTED' },
    },
    select: { employeeId: true, at: true, lateMinutes: true, employee: { select: { teamId: true, timeZone: true } } },
  });
  // The day's first check-in decides.
  const days = new Map<string, Map<string, { at: Date; lateMinutes: number }>>();
  const teams = new Map<string, string | null>();
  for (const c of checkIns) {
    const date = localDate(c.at, c.employee.timeZone);
    const perDay = days.get(c.employeeId) ?? new Map<string, { at: Date; lateMinutes: number }>();
    const first = perDay.get(date);
    if (!first || c.at < first.at) perDay.set(date, { at: c.at, lateMinutes: c.lateMinutes });
    days.set(c.employeeId, perDay);
    teams.set(c.employeeId, c.employee.teamId);
  }
  let raised = 0;
  for (const [employeeId, perDay] of days) {
    const p = await engine.params('attendance.lateStreak', teams.get(employeeId) ?? null);
    const decision = lateStreak(
      employeeId,
      [...perDay].map(([date, first]) => ({ date, lateMinutes: first.lateMinutes })),
      p,
    );
    if (decision) raised += counts(await engine.raise({ rule: 'attendance.lateStreak', decision, employeeId }));
  }
  return raised;
}

export async function raiseSurvey(
  engine: AlertEngine,
  answer: { answerId: string; employeeId: string; csat: number },
  db: FeatureKit['db'],
): Promise<number> {
  const team =
    (await db.employee.findUnique({ where: { id: answer.employeeId }, select: { teamId: true } }))?.teamId ?? null;
  const complaint = surveyComplaint(answer, await engine.params('survey.complaint', team));
  if (complaint) {
    return counts(await engine.raise({ rule: 'survey.complaint', decision: complaint, employeeId: answer.employeeId }));
  }
  const low = surveyLow(answer, await engine.params('survey.low', team));
  if (!low) return 0;
  return counts(await engine.raise({ rule: 'survey.low', decision: low, employeeId: answer.employeeId }));
}

export async function scanSurveys(kit: FeatureKit, engine: AlertEngine): Promise<number> {
  const now = kit.now();
  const answers = await kit.db.surveyAnswer.findMany({
    where: { answeredAt: { gte: new Date(now.getTime() - 2 * DAY), lte: now }, csat: { lte: 4 } },
    select: { id: true, employeeId: true, csat: true },
  });
  let raised = 0;
  for (const a of answers)
    raised += await raiseSurvey(engine, { answerId: a.id, employeeId: a.employeeId, csat: a.csat }, kit.db);
  return raised;
}

export async function scanPacing(kit: FeatureKit, engine: AlertEngine): Promise<number> {
  const now = kit.now();
  const today = localParts(now, kit.config.timeZone).date;
  const period = currentPeriod(now, kit.config.timeZone);
  const day = Number(today.slice(8, 10));
  const results = await kit.db.kpiResult.findMany({
    where: { period, employee: { status: { not: 'LEFT' } } },
    select: { employeeId: true, period: true, totalScore: true, employee: { select: { teamId: true } } },
  });
  let raised = 0;
  for (const r of results) {
    const decision = kpiPacing(r, day, await engine.params('kpi.pacing', r.employee.teamId));
    if (decision) raised += counts(await engine.raise({ rule: 'kpi.pacing', decision, employeeId: r.employeeId }));
  }
  return raised;
}

export async function scanTrends(kit: FeatureKit, engine: AlertEngine): Promise<number> {
  const now = kit.now();
  const p = await engine.params('csat.trend', null);
  const recentFrom = now.getTime() - p.recentDays * DAY;
  const answers = await kit.db.surveyAnswer.findMany({
    where: { answeredAt: { gte: new Date(recentFrom - p.baselineDays * DAY), lte: now } },
    select: { employeeId: true, csat: true, answeredAt: true },
  });
  const split = new Map<string, { recent: number[]; baseline: number[] }>();
  for (const a of answers) {
    const s = split.get(a.employeeId) ?? { recent: [], baseline: [] };
    (a.answeredAt.getTime() >= recentFrom ? s.recent : s.baseline).push(a.csat);
    split.set(a.employeeId, s);
  }
  const period = currentPeriod(now, kit.config.timeZone);
  let raised = 0;
  for (const [employeeId, s] of split) {
    const decision = csatTrend(employeeId, s.recent, s.baseline, period, p);
    if (decision) raised += counts(await engine.raise({ rule: 'csat.trend', decision, employeeId }));
  }
  return raised;
}
