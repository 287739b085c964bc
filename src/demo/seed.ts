import chineseDays from 'chinese-days';
import type { Db, Prisma } from '../db/client.js';

type Tx = Prisma.TransactionClient;

import { periodOf, previousPeriod } from '../time/period.js';
import { addDays, localDate, zonedTime } from '../time/zoned.js';
import { DEPARTMENTS, type DemoPerson, PEOPLE, POSITIONS, TEAMS } from './company.js';
import { seedFieldToday } from './field-today.js';
import { generateAttendance } from './generate-attendance.js';
import { generateSales } from './generate-sales.js';
import { generateTickets, generateTraining } from './generate-service.js';
import { generateWorkOrders } from './generate-work-orders.js';
import { Generator, idFor, pad } from './generator.js';
import { seedIdentities } from './identities.js';
import { seedPeopleProcesses } from './people-processes.js';
import { seededRandom } from './random.js';
import { SITES } from './sites.js';
import { seedSurveyIntegrity } from './survey-integrity.js';

export const DEMO_SEED = 20261101;

export interface SeedOptions {
  /** The day the demo is seeded; data covers the previous month and this month to date. */
  today: Date;
  timeZone: string;
  seed?: number;
}

export interface SeedSummary {
  employees: number;
  workOrders: number;
  surveyAnswers: number;
  checkIns: number;
  crmOrders: number;
  tickets: number;
}

/** Seeds the demo company into an empty database; leaves a database with employees alone. */
export async function seedDemoIfEmpty(db: Db, options: SeedOptions): Promise<SeedSummary | null> {
  if ((await db.employee.count()) > 0) return null;
  // One transaction: a crash mid-seed leaves an empty database, which the next start seeds again.
  return db.$transaction((tx) => seedDemo(tx, options), { timeout: 300_000, maxWait: 10_000 });
}

const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);

function slackId(p: DemoPerson) {
  return `U0${hash(p.key).toString(36).toUpperCase().padStart(8, 'X').slice(0, 8)}`;
}
function dingtalkId(p: DemoPerson) {
  return `0${String(hash(`dt${p.key}`)).padStart(10, '1')}`;
}

export async function seedDemo(db: Tx, options: SeedOptions): Promise<SeedSummary> {
  const rnd = seededRandom(options.seed ?? DEMO_SEED);
  const tz = options.timeZone;
  const today = localDate(options.today, tz);
  const from = `${previousPeriod(periodOf(today))}-01`;
  const days: string[] = [];
  for (let d = from; d <= today; d = addDays(d, 1)) days.push(d);
  const workdays = days.filter((d) => chineseDays.isWorkday(d));
  const at = (date: string, minute: number) => zonedTime(date, Math.round(minute), tz);
  const now = options.today;

  await db.department.createMany({ data: DEPARTMENTS.map((d) => ({ ...d })) });
  await db.position.createMany({ data: POSITIONS.map((p) => ({ ...p, departmentId: p.departmentId ?? null })) });
  await db.team.createMany({ data: TEAMS.map(({ manager: _m, ...t }) => t) });

  const teamDept = Object.fromEntries(TEAMS.map((t) => [t.code, t.departmentId]));
  const teamManager = Object.fromEntries(TEAMS.map((t) => [t.code, t.manager]));
  await db.employee.createMany({
    data: PEOPLE.map((p, i) => {
      const hireDate = addDays(today, -p.hiredDaysAgo);
      const months = POSITIONS.find((x) => x.code === p.position)?.probationMonths ?? 3;
      const probationEndDate = addDays(hireDate, months * 30);
      const manager =
        p.team && p.role === 'EMPLOYEE' ? teamManager[p.team] : p.role === 'MANAGER' ? 'shentao' : undefined;
      return {
        id: idFor('emp', p.key),
        employeeNo: `KP${pad(i + 1)}`,
        name: p.name,
        email: `${p.pinyin}@kaopu-demo.example`,
        role: p.role,
        status: probationEndDate > today ? ('PROBATION' as const) : ('ACTIVE' as const),
        departmentId: p.team ? teamDept[p.team] : 'dept_hr',
        teamId: p.team ? `team_${p.team}` : null,
        positionId: `pos_${p.position}`,
        managerId: manager ? idFor('emp', manager) : null,
        locale: p.locale ?? 'zh-CN',
        timeZone: tz,
        hireDate,
        probationEndDate,
        skills: POSITIONS.find((x) => x.code === p.position)?.skills ?? '',
      };
    }),
  });
  for (const t of TEAMS) await db.team.update({ where: { id: t.id }, data: { managerId: idFor('emp', t.manager) } });

  await db.chatIdentity.createMany({
    data: PEOPLE.flatMap((p) => [
      { platform: 'SLACK' as const, platformUserId: slackId(p), employeeId: idFor('emp', p.key), displayName: p.name },
      { platform: 'WECOM' as const, platformUserId: p.pinyin, employeeId: idFor('emp', p.key), displayName: p.name },
      {
        platform: 'DINGTALK' as const,
        platformUserId: dingtalkId(p),
        employeeId: idFor('emp', p.key),
        displayName: p.name,
      },
    ]),
  });
  await db.groupChat.createMany({
    data: TEAMS.flatMap((t) => [
      {
        id: `gc_console_${t.code}`,
        platform: 'CONSOLE' as const,
        platformChatId: `console-${t.code}`,
        name: `${t.name} 群`,
        teamId: t.id,
      },
      {
        id: `gc_slack_${t.code}`,
        platform: 'SLACK' as const,
        platformChatId: `C0${pad(hash(t.code) % 10 ** 8, 8)}`,
        name: `#${t.code}`,
        teamId: t.id,
      },
      {
        id: `gc_wecom_${t.code}`,
        platform: 'WECOM' as const,
        platformChatId: `wr${pad(hash(`wc${t.code}`) % 10 ** 8, 8)}`,
        name: `${t.name}`,
        teamId: t.id,
      },
      {
        id: `gc_dingtalk_${t.code}`,
        platform: 'DINGTALK' as const,
        platformChatId: `cid${pad(hash(`dt${t.code}`) % 10 ** 8, 8)}`,
        name: `${t.name}`,
        teamId: t.id,
      },
    ]),
  });

  const customers = [...new Set(SITES.map((s) => s.customer))];
  await db.customer.createMany({
    data: customers.map((name, i) => ({
      id: `cust_${pad(i + 1, 3)}`,
      externalId: `CRM-C${pad(i + 1)}`,
      name,
      city: SITES.find((s) => s.customer === name)?.city ?? null,
    })),
  });
  const customerId = (name: string) => `cust_${pad(customers.indexOf(name) + 1, 3)}`;
  await db.site.createMany({
    data: SITES.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      customerId: customerId(s.customer),
      lat: s.lat,
      lng: s.lng,
      datum: s.datum,
      radiusM: 100,
      timeZone: tz,
      address: `${s.city} ${s.name}`,
    })),
  });
  await db.shift.createMany({
    data: [
      {
        id: 'shift_day',
        code: 'day',
        name: '标准班 09:00–18:00',
        startMinute: 540,
        endMinute: 1080,
        graceMinutes: 5,
        timeZone: tz,
      },
      {
        id: 'shift_cs',
        code: 'cs',
        name: '客服班 08:30–17:30',
        startMinute: 510,
        endMinute: 1050,
        graceMinutes: 3,
        timeZone: tz,
        teamId: 'team_service',
      },
    ],
  });
  await db.shiftAssignment.createMany({
    data: PEOPLE.map((p) => ({
      employeeId: idFor('emp', p.key),
      shiftId: p.team === 'service' ? 'shift_cs' : 'shift_day',
      fromDate: addDays(today, -p.hiredDaysAgo),
    })),
  });

  const gen = new Generator(rnd, at, now);
  for (const p of PEOPLE) {
    const hire = addDays(today, -p.hiredDaysAgo);
    const mine = workdays.filter((d) => d >= hire);
    generateAttendance(gen, p, mine);
    if (p.position === 'engineer') generateWorkOrders(gen, p, mine);
    if (p.position === 'sales_rep') generateSales(gen, p, mine);
    if (p.position === 'cs_agent') generateTickets(gen, p, mine);
    if (p.role === 'EMPLOYEE') generateTraining(gen, p, mine);
  }
  await gen.flush(db);

  for (const period of [previousPeriod(periodOf(today)), periodOf(today)]) {
    await db.kpiTarget.createMany({
      data: PEOPLE.filter((p) => p.position === 'sales_rep').map((p) => ({
        employeeId: idFor('emp', p.key),
        period,
        metric: 'revenue',
        target: (p.trait === 'star' ? 180_000 : 150_000) * 100,
      })),
    });
  }
  await seedPeopleProcesses(db, today, now);
  await seedSurveyIntegrity(db, at(`${today.slice(0, 8)}01`, 0));
  await seedIdentities(db, today, now);
  await seedFieldToday(db, today, now, tz);
  // The field sales team agreed to location check-ins when they joined (PIPL consent is per
  // purpose); the after-sales engineers are asked on their first check-in, as the console shows.
  await db.consent.createMany({
    data: PEOPLE.filter((p) => p.team === 'sales').map((p) => ({
      employeeId: idFor('emp', p.key),
      purpose: 'attendance.location',
      grantedAt: at(addDays(today, -p.hiredDaysAgo), 9 * 60),
    })),
  });

  return {
    employees: PEOPLE.length,
    workOrders: gen.workOrderRows.length,
    surveyAnswers: gen.answerRows.length,
    checkIns: gen.checkInRows.length,
    crmOrders: gen.crmRows.length,
    tickets: gen.ticketRows.length,
  };
}
