import chineseDays from 'chinese-days';
import type { Db, Prisma } from '../db/client.js';

type Tx = Prisma.TransactionClient;

import { addDays, localDate, periodOf, previousPeriod, zonedTime } from '../time/zoned.js';
import { DEPARTMENTS, type DemoPerson, type DemoSite, PEOPLE, POSITIONS, SITES, TEAMS } from './company.js';
import { type Random, seededRandom } from './random.js';

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

const pad = (n: number, width = 4) => String(n).padStart(width, '0');
const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
const idFor = (prefix: string, key: string) => `${prefix}_${key}`;

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

  const gen = new Generator(rnd, at, now, today);
  for (const p of PEOPLE) {
    const hire = addDays(today, -p.hiredDaysAgo);
    const mine = workdays.filter((d) => d >= hire);
    gen.attendance(p, mine);
    if (p.position === 'engineer') gen.workOrders(p, mine);
    if (p.position === 'sales_rep') gen.sales(p, mine);
    if (p.position === 'cs_agent') gen.tickets(p, mine);
    if (p.role === 'EMPLOYEE') gen.training(p, mine);
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

  return {
    employees: PEOPLE.length,
    workOrders: gen.workOrderRows.length,
    surveyAnswers: gen.answerRows.length,
    checkIns: gen.checkInRows.length,
    crmOrders: gen.crmRows.length,
    tickets: gen.ticketRows.length,
  };
}

type Row = Record<string, unknown>;

class Generator {
  workOrderRows: Row[] = [];
  invitationRows: Row[] = [];
  answerRows: Row[] = [];
  checkInRows: Row[] = [];
  crmRows: Row[] = [];
  ticketRows: Row[] = [];
  trainingRows: Row[] = [];
  errorRows: Row[] = [];
  private seq = 0;

  constructor(
    private readonly rnd: Random,
    private readonly at: (date: string, minute: number) => Date,
    private readonly now: Date,
    readonly _today: string,
  ) {}

  private next(prefix: string) {
    this.seq += 1;
    return `${prefix}_${pad(this.seq, 6)}`;
  }

  /** A fix near a site: within `meters` of it, in the site's own datum. */
  private near(site: DemoSite, meters: number) {
    const angle = this.rnd.next() * 2 * Math.PI;
    const d = this.rnd.next() * meters;
    return {
      lat: site.lat + (d * Math.cos(angle)) / 111_320,
      lng: site.lng + (d * Math.sin(angle)) / (111_320 * Math.cos((site.lat * Math.PI) / 180)),
      datum: site.datum,
    };
  }

  attendance(p: DemoPerson, days: string[]) {
    const office = SITES.find(
      (s) =>
        s.team === 'office' &&
        (p.team === 'sales' ? s.code === 'HZ-OF' : p.team === 'service' ? s.code === 'CD-TF' : s.code === 'SH-HQ'),
    ) as DemoSite;
    const start = p.team === 'service' ? 510 : 540;
    const end = p.team === 'service' ? 1050 : 1080;
    const lastFour = days.slice(-4);
    for (const day of days) {
      if (this.rnd.chance(0.02)) continue; // an absence now and then
      let arrive = start - this.rnd.int(3, 25);
      if (this.rnd.chance(0.05)) arrive = start + this.rnd.int(1, 12);
      if (p.trait === 'late_streak' && lastFour.includes(day)) arrive = start + this.rnd.int(18, 42);
      const inAt = this.at(day, arrive);
      if (inAt > this.now) continue;
      const fix = this.near(office, 40);
      const identical = p.trait === 'suspicious_checkin' && days.indexOf(day) >= days.length - 3;
      this.checkInRows.push({
        id: this.next('ci'),
        employeeId: idFor('emp', p.key),
        siteId: office.id,
        kind: 'IN',
        method: 'PAGE',
        at: inAt,
        // the same fix to the last digit, three days running: a replayed location
        lat: identical ? office.lat + 0.000123 : fix.lat,
        lng: identical ? office.lng + 0.000456 : fix.lng,
        datum: fix.datum,
        accuracyM: identical ? 5 : Math.round(this.rnd.around(18, 16) * 10) / 10,
        distanceM: null,
        verdict: 'ACCEPTED',
        lateMinutes: Math.max(0, arrive - start),
      });
      const outAt = this.at(day, end + this.rnd.int(0, 90));
      if (outAt > this.now) continue;
      const outFix = this.near(office, 40);
      this.checkInRows.push({
        id: this.next('ci'),
        employeeId: idFor('emp', p.key),
        siteId: office.id,
        kind: 'OUT',
        method: 'PAGE',
        at: outAt,
        lat: outFix.lat,
        lng: outFix.lng,
        datum: outFix.datum,
        accuracyM: Math.round(this.rnd.around(18, 16) * 10) / 10,
        verdict: 'ACCEPTED',
      });
    }
  }

  workOrders(p: DemoPerson, days: string[]) {
    const sites = SITES.filter((s) => s.team === 'aftersales');
    const titles = [
      '电池包高压绝缘故障',
      '充电桩无法启动充电',
      'BMS 告警排查',
      '电驱异响检测',
      '车载空调不制冷',
      'OTA 升级失败',
      '低压蓄电池亏电',
      '充电口锁止机构故障',
      '热管理系统报警',
      '常规保养与检测',
    ];
    for (const day of days) {
      const count = p.trait === 'star' ? this.rnd.int(2, 4) : this.rnd.int(1, 3);
      let clock = 560 + this.rnd.int(0, 40);
      for (let n = 0; n < count; n++) {
        const site = this.rnd.pick(sites);
        const difficulty = this.rnd.pick([1, 1, 2, 2, 2, 3, 3, 4, 5]);
        const opened = this.at(day, clock - this.rnd.int(20, 120));
        const assigned = new Date(opened.getTime() + this.rnd.int(3, 25) * 60_000);
        const lateResponse = p.trait === 'low_rating' ? this.rnd.chance(0.3) : this.rnd.chance(0.06);
        const responded = new Date(
          assigned.getTime() + (lateResponse ? this.rnd.int(35, 90) : this.rnd.int(2, 25)) * 60_000,
        );
        const arrived = new Date(responded.getTime() + this.rnd.int(25, 110) * 60_000);
        const completed = new Date(arrived.getTime() + (40 + difficulty * this.rnd.int(20, 45)) * 60_000);
        clock = (completed.getTime() - this.at(day, 0).getTime()) / 60_000 + this.rnd.int(15, 40);
        const done = completed <= this.now;
        const id = this.next('wo');
        const woNo = `WO-${day.replaceAll('-', '')}-${id.slice(-4)}`;
        this.workOrderRows.push({
          id,
          externalId: woNo,
          source: 'demo',
          title: this.rnd.pick(titles),
          customerId: null,
          siteId: site.id,
          assigneeId: idFor('emp', p.key),
          difficulty,
          status: done ? 'COMPLETED' : arrived <= this.now ? 'IN_PROGRESS' : 'ASSIGNED',
          openedAt: opened,
          assignedAt: assigned,
          firstResponseAt: responded <= this.now ? responded : null,
          arrivedAt: arrived <= this.now ? arrived : null,
          completedAt: done ? completed : null,
          slaResponseMinutes: 30,
          slaArrivalMinutes: 120,
          resolved: done && !this.rnd.chance(0.05),
          reopenCount: done && this.rnd.chance(0.04) ? 1 : 0,
        });
        if (arrived <= this.now) {
          const fix = this.near(site, p.trait === 'suspicious_checkin' ? 60 : 70);
          this.checkInRows.push({
            id: this.next('ci'),
            employeeId: idFor('emp', p.key),
            siteId: site.id,
            workOrderId: id,
            kind: 'IN',
            method: 'PAGE',
            at: arrived,
            lat: fix.lat,
            lng: fix.lng,
            datum: fix.datum,
            accuracyM: Math.round(this.rnd.around(20, 20) * 10) / 10,
            verdict: 'ACCEPTED',
          });
        }
        if (done) {
          const fix = this.near(site, 70);
          this.checkInRows.push({
            id: this.next('ci'),
            employeeId: idFor('emp', p.key),
            siteId: site.id,
            workOrderId: id,
            kind: 'OUT',
            method: 'PAGE',
            at: completed,
            lat: fix.lat,
            lng: fix.lng,
            datum: fix.datum,
            accuracyM: Math.round(this.rnd.around(20, 20) * 10) / 10,
            verdict: 'ACCEPTED',
          });
          this.survey(p, id, completed);
        }
      }
    }
    if (p.trait === 'suspicious_checkin') {
      // Twelve minutes after an arrival in Shanghai, a check-in at a Hangzhou site: impossible travel.
      const lastIn = [...this.checkInRows]
        .reverse()
        .find((c) => c.employeeId === idFor('emp', p.key) && c.kind === 'IN' && c.workOrderId);
      if (lastIn) {
        const hz = SITES.find((s) => s.code === 'HZ-BJ') as DemoSite;
        const fix = this.near(hz, 30);
        this.checkInRows.push({
          id: this.next('ci'),
          employeeId: idFor('emp', p.key),
          siteId: hz.id,
          kind: 'IN',
          method: 'PAGE',
          at: new Date((lastIn.at as Date).getTime() + 12 * 60_000),
          lat: fix.lat,
          lng: fix.lng,
          datum: fix.datum,
          accuracyM: 4,
          verdict: 'ACCEPTED',
        });
      }
    }
  }

  private survey(p: DemoPerson, workOrderId: string, completed: Date) {
    if (!this.rnd.chance(0.88)) return;
    const invitationId = this.next('inv');
    this.invitationRows.push({
      id: invitationId,
      tokenHash: `demo-${invitationId}`,
      workOrderId,
      employeeId: idFor('emp', p.key),
      locale: 'zh-CN',
      sentAt: new Date(completed.getTime() + 2 * 60_000),
      expiresAt: new Date(completed.getTime() + 7 * 86_400_000),
      usedAt: null,
    });
    if (!this.rnd.chance(0.68)) return;
    const answeredAt = new Date(completed.getTime() + this.rnd.int(10, 600) * 60_000);
    if (answeredAt > this.now) return;
    const low = p.trait === 'low_rating';
    const csat = low
      ? this.rnd.pick([1, 2, 2, 3, 3, 3, 4])
      : p.trait === 'star'
        ? this.rnd.pick([4, 5, 5, 5, 5])
        : this.rnd.pick([3, 4, 4, 5, 5, 5]);
    const nps = Math.max(0, Math.min(10, Math.round(csat * 2 + this.rnd.around(0, 1.5))));
    const comments = low
      ? ['师傅迟到了一个多小时也没提前说', '问题没有一次修好，又来了一次', '态度一般', null]
      : ['师傅很专业，讲解清楚', '响应很快，点赞', '准时到达，修得很好', null, null];
    this.invitationRows.at(-1)!.usedAt = answeredAt;
    this.answerRows.push({
      id: this.next('ans'),
      invitationId,
      workOrderId,
      employeeId: idFor('emp', p.key),
      csat,
      nps,
      comment: this.rnd.pick(comments),
      locale: 'zh-CN',
      answeredAt,
    });
  }

  sales(p: DemoPerson, days: string[]) {
    const sites = SITES.filter((s) => s.team === 'sales');
    for (const day of days) {
      const visits = this.rnd.int(1, 3);
      let clock = 600;
      for (let n = 0; n < visits; n++) {
        const site = this.rnd.pick(sites);
        const arrive = this.at(day, clock + this.rnd.int(0, 60));
        const leave = new Date(arrive.getTime() + this.rnd.int(25, 110) * 60_000);
        clock += 150;
        if (leave > this.now) break;
        for (const [kind, when] of [
          ['IN', arrive],
          ['OUT', leave],
        ] as const) {
          const fix = this.near(site, 60);
          this.checkInRows.push({
            id: this.next('ci'),
            employeeId: idFor('emp', p.key),
            siteId: site.id,
            kind,
            method: 'PAGE',
            at: when,
            lat: fix.lat,
            lng: fix.lng,
            datum: fix.datum,
            accuracyM: Math.round(this.rnd.around(22, 18) * 10) / 10,
            verdict: 'ACCEPTED',
          });
        }
      }
      if (this.rnd.chance(p.trait === 'star' ? 0.55 : 0.4)) {
        const amount = this.rnd.int(8, 60) * 1_000_00;
        const orderedAt = this.at(day, this.rnd.int(600, 1020));
        if (orderedAt > this.now) continue;
        const id = this.next('crm');
        this.crmRows.push({
          id,
          externalId: `SO-${day.replaceAll('-', '')}-${id.slice(-4)}`,
          source: 'demo',
          employeeId: idFor('emp', p.key),
          customerId: null,
          amountCents: amount,
          collectedCents: Math.round(amount * this.rnd.pick([1, 1, 0.8, 0.5, 0.3, 0])),
          orderedAt,
          status: 'won',
        });
      }
    }
  }

  tickets(p: DemoPerson, days: string[]) {
    for (const day of days) {
      const count = this.rnd.int(14, 26);
      for (let n = 0; n < count; n++) {
        const opened = this.at(day, 515 + this.rnd.int(0, 500));
        if (opened > this.now) continue;
        const slow = p.trait === 'probation' ? this.rnd.chance(0.25) : this.rnd.chance(0.08);
        const firstResponse = new Date(
          opened.getTime() + (slow ? this.rnd.int(120, 600) : this.rnd.int(10, 90)) * 1000,
        );
        const resolved = new Date(firstResponse.getTime() + this.rnd.int(2, 40) * 60_000);
        const isComplaint = this.rnd.chance(p.trait === 'probation' ? 0.06 : 0.025);
        const rated = this.rnd.chance(0.55);
        const rating = rated
          ? isComplaint
            ? this.rnd.int(1, 2)
            : p.trait === 'star'
              ? this.rnd.pick([4, 5, 5, 5])
              : this.rnd.pick([3, 4, 4, 5, 5])
          : null;
        const id = this.next('tk');
        this.ticketRows.push({
          id,
          externalId: `ZD-${id.slice(-6)}`,
          source: 'demo',
          employeeId: idFor('emp', p.key),
          customerId: null,
          channel: this.rnd.pick(['chat', 'chat', 'phone', 'email']),
          openedAt: opened,
          firstResponseAt: firstResponse,
          resolvedAt: resolved <= this.now ? resolved : null,
          status: resolved <= this.now ? 'solved' : 'open',
          isComplaint,
          repeatOfId: null,
          rating,
          ratedAt: rated ? resolved : null,
        });
        if (isComplaint && this.rnd.chance(0.4)) {
          this.errorRows.push({
            id: this.next('err'),
            employeeId: idFor('emp', p.key),
            grade: this.rnd.chance(0.3) ? 'MAJOR' : 'MINOR',
            attribution: this.rnd.pick(['PERSON', 'PERSON', 'PROCESS', 'TRAINING', 'SYSTEM']),
            category: this.rnd.pick(['错误承诺', '漏回复', '信息录入错误', '退款流程错误']),
            description: '客户投诉后质检确认',
            occurredAt: opened,
            ticketId: id,
            status: 'RECORDED',
          });
        }
      }
    }
  }

  training(p: DemoPerson, days: string[]) {
    const courses =
      p.position === 'engineer'
        ? [
            ['EV-HV-01', '高压安全操作规范'],
            ['EV-BMS-02', 'BMS 故障诊断进阶'],
          ]
        : p.position === 'sales_rep'
          ? [
              ['SALES-01', '车队客户需求挖掘'],
              ['SALES-02', '合同与回款管理'],
            ]
          : [
              ['CS-01', '电商售后政策更新'],
              ['CS-02', '情绪安抚与投诉处理'],
            ];
    for (const [code, name] of courses) {
      if (!this.rnd.chance(0.75) || days.length === 0) continue;
      const day = this.rnd.pick(days);
      const completedAt = this.at(day, 900);
      if (completedAt > this.now) continue;
      this.trainingRows.push({
        id: this.next('tr'),
        employeeId: idFor('emp', p.key),
        courseCode: code,
        courseName: name,
        minutes: this.rnd.pick([60, 90, 120, 180]),
        examScore: this.rnd.int(p.trait === 'low_rating' ? 55 : 70, 100),
        reason: p.trait === 'probation' ? 'ONBOARDING' : 'REGULAR',
        enrolledAt: new Date(completedAt.getTime() - 7 * 86_400_000),
        completedAt,
      });
    }
  }

  async flush(db: Tx) {
    const chunks = <T>(rows: T[], size = 500) =>
      Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, i * size + size));
    for (const c of chunks(this.workOrderRows)) await db.workOrder.createMany({ data: c as never });
    for (const c of chunks(this.invitationRows)) await db.surveyInvitation.createMany({ data: c as never });
    for (const c of chunks(this.answerRows)) await db.surveyAnswer.createMany({ data: c as never });
    for (const c of chunks(this.checkInRows)) await db.checkIn.createMany({ data: c as never });
    for (const c of chunks(this.crmRows)) await db.crmOrder.createMany({ data: c as never });
    for (const c of chunks(this.ticketRows)) await db.helpdeskTicket.createMany({ data: c as never });
    for (const c of chunks(this.trainingRows)) await db.trainingRecord.createMany({ data: c as never });
    for (const c of chunks(this.errorRows)) await db.qualityError.createMany({ data: c as never });
  }
}

async function seedPeopleProcesses(db: Tx, today: string, now: Date) {
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
