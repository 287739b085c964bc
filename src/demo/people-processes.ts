// Probation criteria, an acknowledged hiring-conditions document, a project ending soon and open positions.
import type { Prisma } from '../db/client.js';
import { addDays, zonedTime } from '../time/zoned.js';
import { PEOPLE } from './company.js';
import { idFor } from './generator.js';

type Tx = Prisma.TransactionClient;

export async function seedPeopleProcesses(db: Tx, today: string, now: Date) {
  await db.probationCriterion.createMany({
    data: [
      {
        positionId: 'pos_engineer',
        metric: 'csat_avg',
        comparator: '>=',
        threshold: 4.2,
        description: '客户满意度均分不低于 4.2',
      },
      {
        positionId: 'pos_engineer',
        metric: 'response_sla_rate',
        comparator: '>=',
        threshold: 0.9,
        description: '响应及时率不低于 90%',
      },
      {
        positionId: 'pos_cs_agent',
        metric: 'first_response_seconds',
        comparator: '<=',
        threshold: 60,
        description: '平均首次响应不超过 60 秒',
      },
      {
        positionId: 'pos_cs_agent',
        metric: 'complaints',
        comparator: '<=',
        threshold: 2,
        description: '月投诉不超过 2 次',
      },
    ],
  });
  await db.probationAcknowledgement.create({
    data: {
      employeeId: 'emp_yangfan',
      document: '售后工程师录用条件 v3',
      documentHash: 'sha256:demo-engineer-v3',
      acknowledgedAt: zonedTime(addDays(today, -55), 600, 'Asia/Shanghai'),
      channel: 'WECOM',
    },
  });
  await db.project.create({
    data: {
      id: 'proj_ecom',
      code: 'P-ECOM-2026',
      name: '电商平台售后客服外包项目',
      status: 'ending',
      startsOn: addDays(today, -400),
      endsOn: addDays(today, 21),
    },
  });
  await db.projectAssignment.createMany({
    data: PEOPLE.filter((p) => p.team === 'service' && p.role === 'EMPLOYEE').map((p) => ({
      employeeId: idFor('emp', p.key),
      projectId: 'proj_ecom',
      fromDate: addDays(today, -Math.min(p.hiredDaysAgo, 400)),
    })),
  });
  await db.openPosition.createMany({
    data: [
      {
        id: 'open_cs_bank',
        title: '银行信用卡客服（成都）',
        positionId: 'pos_cs_agent',
        teamId: 'team_service',
        skills: 'phone,finance',
        city: '成都',
        headcount: 3,
        openedAt: now,
      },
      {
        id: 'open_sales_inside',
        title: '电话销售代表（杭州）',
        positionId: 'pos_sales_rep',
        teamId: 'team_sales',
        skills: 'sales,phone',
        city: '杭州',
        headcount: 1,
        openedAt: now,
      },
      {
        id: 'open_dispatch',
        title: '售后派单调度员（上海）',
        positionId: 'pos_engineer',
        teamId: 'team_aftersales',
        skills: 'dispatch,chat',
        city: '上海',
        headcount: 1,
        openedAt: now,
      },
    ],
  });
}
