// Probation criteria, an acknowledged hiring-conditions document, a project ending soon and open positions.
import { createHash } from 'node:crypto';
import type { Prisma } from '../db/client.js';
import { addDays, zonedTime } from '../time/zoned.js';
import { PEOPLE, POSITIONS } from './company.js';
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
        metric: 'wo_response_sla',
        comparator: '>=',
        // percentages are stored as 0–100, as the KPI card shows them
        threshold: 90,
        description: '响应及时率不低于 90%',
      },
      {
        positionId: 'pos_cs_agent',
        metric: 'ticket_response_minutes',
        comparator: '<=',
        threshold: 1,
        description: '平均首次响应不超过 1 分钟',
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
  await seedContracts(db, today);
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

const CONDITIONS: Record<string, string> = {
  engineer:
    '售后工程师录用条件 v3：试用期内客户满意度均分不低于 4.2；工单响应及时率不低于 90%；高压安全操作考试 90 分以上；无严重差错。',
  cs_agent: '客服专员录用条件 v2：试用期内平均首次响应不超过 1 分钟；月投诉不超过 2 次；知识库考试 85 分以上。',
};

/**
 * Everyone's employment contract (three-year fixed terms from the hire date, probation as the
 * position sets it), the hiring conditions for the two people on probation, 杨帆's acknowledgement
 * and two signed assessments, so `termination check 杨帆` passes every item and `解除预检 韩梅`
 * shows what is missing.
 */
async function seedContracts(db: Tx, today: string) {
  await db.employmentContract.createMany({
    data: PEOPLE.map((p) => {
      const startsOn = addDays(today, -p.hiredDaysAgo);
      const months = POSITIONS.find((x) => x.code === p.position)?.probationMonths ?? 3;
      return {
        employeeId: idFor('emp', p.key),
        term: 'FIXED' as const,
        startsOn,
        endsOn: addDays(addYears(startsOn, 3), -1),
        probationStartsOn: startsOn,
        probationEndsOn: addDays(startsOn, months * 30),
        hiringConditions: p.trait === 'probation' ? (CONDITIONS[p.position] ?? null) : null,
      };
    }),
  });
  const text = CONDITIONS.engineer as string;
  await db.probationAcknowledgement.create({
    data: {
      employeeId: 'emp_yangfan',
      document: text,
      documentHash: `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`,
      acknowledgedAt: zonedTime(addDays(today, -55), 600, 'Asia/Shanghai'),
      channel: 'WECOM',
    },
  });
  await db.probationAssessment.createMany({
    data: [
      {
        employeeId: 'emp_yangfan',
        assessorId: 'emp_wangjianguo',
        assessedOn: addDays(today, -30),
        result: 'met',
        notes: '第一个月：安全操作考试 92 分，响应及时。',
        evidence: [],
      },
      {
        employeeId: 'emp_yangfan',
        assessorId: 'emp_wangjianguo',
        assessedOn: addDays(today, -2),
        result: 'not_met',
        notes: '第二个月：客户满意度均分 3.9，低于录用条件 4.2；两次超时到场。',
        evidence: [],
      },
    ],
  });
}

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-');
  const next = `${Number(y) + years}-${m}-${d}`;
  // 29 February plus a year is 28 February.
  return Number.isNaN(Date.parse(next)) || new Date(`${next}T00:00:00Z`).getUTCDate() !== Number(d)
    ? `${Number(y) + years}-${m}-28`
    : next;
}
