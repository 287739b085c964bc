// What makes the demo's group chats light up on the first `npm start` (issue 15): the demo data
// already holds a late streak (赵磊, the last four workdays); this adds, relative to the moment of
// seeding, a work order past its response SLA and a fresh low survey answer, whatever the hour.
// Kept out of the seed itself so the test template (and every KPI figure tests assert) is unchanged.
import type { Db } from '../db/client.js';

export const ALERT_SCENARIO = { workOrder: 'WO-DEMO-SLA-1', answer: 'SA-DEMO-LOW-1' } as const;

export async function seedAlertScenario(db: Db, now: Date): Promise<void> {
  // The demo is tried at any hour: no quiet hours for the demo company (delete this row, or set
  // `quietStart`/`quietEnd` on it, to see warnings held for the 08:00 digest).
  await db.alertRuleSetting.upsert({
    where: { scope_rule: { scope: 'company', rule: 'delivery' } },
    update: {},
    create: { scope: 'company', rule: 'delivery', params: { quietStart: 0, quietEnd: 0 } },
  });
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  await db.workOrder.upsert({
    where: { source_externalId: { source: 'demo', externalId: ALERT_SCENARIO.workOrder } },
    update: {},
    create: {
      externalId: ALERT_SCENARIO.workOrder,
      source: 'demo',
      title: '电池包高压绝缘故障（客户车辆无法上电）',
      siteId: null,
      assigneeId: 'emp_liming',
      difficulty: 4,
      status: 'ASSIGNED',
      openedAt: minutesAgo(75),
      assignedAt: minutesAgo(70),
      slaResponseMinutes: 30,
      slaArrivalMinutes: 120,
    },
  });
  const recent = await db.workOrder.findFirst({
    where: { assigneeId: 'emp_zhangwei', status: 'COMPLETED' },
    orderBy: { completedAt: 'desc' },
    select: { id: true },
  });
  await db.surveyAnswer.upsert({
    where: { externalId: ALERT_SCENARIO.answer },
    update: {},
    create: {
      externalId: ALERT_SCENARIO.answer,
      workOrderId: recent?.id ?? null,
      employeeId: 'emp_zhangwei',
      csat: 2,
      nps: 3,
      comment: '等了很久才有人联系，问题也没有一次解决。',
      answeredAt: minutesAgo(40),
    },
  });
}
