// NEV after-sales work orders with their site check-ins and customer surveys.
import type { DemoPerson } from './company.js';
import { type Generator, idFor } from './generator.js';
import { type DemoSite, SITES } from './sites.js';

export function generateWorkOrders(g: Generator, p: DemoPerson, days: string[]) {
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
    const count = p.trait === 'star' ? g.rnd.int(2, 4) : g.rnd.int(1, 3);
    let clock = 560 + g.rnd.int(0, 40);
    for (let n = 0; n < count; n++) {
      const site = g.rnd.pick(sites);
      const difficulty = g.rnd.pick([1, 1, 2, 2, 2, 3, 3, 4, 5]);
      const opened = g.at(day, clock - g.rnd.int(20, 120));
      const assigned = new Date(opened.getTime() + g.rnd.int(3, 25) * 60_000);
      const lateResponse = p.trait === 'low_rating' ? g.rnd.chance(0.3) : g.rnd.chance(0.06);
      const responded = new Date(assigned.getTime() + (lateResponse ? g.rnd.int(35, 90) : g.rnd.int(2, 25)) * 60_000);
      const arrived = new Date(responded.getTime() + g.rnd.int(25, 110) * 60_000);
      const completed = new Date(arrived.getTime() + (40 + difficulty * g.rnd.int(20, 45)) * 60_000);
      clock = (completed.getTime() - g.at(day, 0).getTime()) / 60_000 + g.rnd.int(15, 40);
      const done = completed <= g.now;
      const id = g.next('wo');
      const woNo = `WO-${day.replaceAll('-', '')}-${id.slice(-4)}`;
      g.workOrderRows.push({
        id,
        externalId: woNo,
        source: 'demo',
        title: g.rnd.pick(titles),
        customerId: null,
        siteId: site.id,
        assigneeId: idFor('emp', p.key),
        difficulty,
        status: done ? 'COMPLETED' : arrived <= g.now ? 'IN_PROGRESS' : 'ASSIGNED',
        openedAt: opened,
        assignedAt: assigned,
        firstResponseAt: responded <= g.now ? responded : null,
        arrivedAt: arrived <= g.now ? arrived : null,
        completedAt: done ? completed : null,
        slaResponseMinutes: 30,
        slaArrivalMinutes: 120,
        resolved: done && !g.rnd.chance(0.05),
        reopenCount: done && g.rnd.chance(0.04) ? 1 : 0,
      });
      if (arrived <= g.now) {
        const fix = g.near(site, p.trait === 'suspicious_checkin' ? 60 : 70);
        g.checkInRows.push({
          id: g.next('ci'),
          employeeId: idFor('emp', p.key),
          siteId: site.id,
          workOrderId: id,
          kind: 'IN',
          method: 'PAGE',
          at: arrived,
          lat: fix.lat,
          lng: fix.lng,
          datum: fix.datum,
          accuracyM: Math.round(g.rnd.around(20, 20) * 10) / 10,
          verdict: 'ACCEPTED',
        });
      }
      if (done) {
        const fix = g.near(site, 70);
        g.checkInRows.push({
          id: g.next('ci'),
          employeeId: idFor('emp', p.key),
          siteId: site.id,
          workOrderId: id,
          kind: 'OUT',
          method: 'PAGE',
          at: completed,
          lat: fix.lat,
          lng: fix.lng,
          datum: fix.datum,
          accuracyM: Math.round(g.rnd.around(20, 20) * 10) / 10,
          verdict: 'ACCEPTED',
        });
        generateSurvey(g, p, id, completed);
      }
    }
  }
  if (p.trait === 'suspicious_checkin') {
    // Twelve minutes after an arrival in Shanghai, a check-in at a Hangzhou site: impossible travel.
    const lastIn = [...g.checkInRows]
      .reverse()
      .find((c) => c.employeeId === idFor('emp', p.key) && c.kind === 'IN' && c.workOrderId);
    if (lastIn) {
      const hz = SITES.find((s) => s.code === 'HZ-BJ') as DemoSite;
      const fix = g.near(hz, 30);
      g.checkInRows.push({
        id: g.next('ci'),
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

export function generateSurvey(g: Generator, p: DemoPerson, workOrderId: string, completed: Date) {
  if (!g.rnd.chance(0.88)) return;
  const invitationId = g.next('inv');
  g.invitationRows.push({
    id: invitationId,
    tokenHash: `demo-${invitationId}`,
    workOrderId,
    employeeId: idFor('emp', p.key),
    locale: 'zh-CN',
    sentAt: new Date(completed.getTime() + 2 * 60_000),
    expiresAt: new Date(completed.getTime() + 7 * 86_400_000),
    usedAt: null,
  });
  if (!g.rnd.chance(0.68)) return;
  const answeredAt = new Date(completed.getTime() + g.rnd.int(10, 600) * 60_000);
  if (answeredAt > g.now) return;
  const low = p.trait === 'low_rating';
  const csat = low
    ? g.rnd.pick([1, 2, 2, 3, 3, 3, 4])
    : p.trait === 'star'
      ? g.rnd.pick([4, 5, 5, 5, 5])
      : g.rnd.pick([3, 4, 4, 5, 5, 5]);
  const nps = Math.max(0, Math.min(10, Math.round(csat * 2 + g.rnd.around(0, 1.5))));
  const comments = low
    ? ['师傅迟到了一个多小时也没提前说', '问题没有一次修好，又来了一次', '态度一般', null]
    : ['师傅很专业，讲解清楚', '响应很快，点赞', '准时到达，修得很好', null, null];
  g.invitationRows.at(-1)!.usedAt = answeredAt;
  g.answerRows.push({
    id: g.next('ans'),
    invitationId,
    workOrderId,
    employeeId: idFor('emp', p.key),
    csat,
    nps,
    comment: g.rnd.pick(comments),
    locale: 'zh-CN',
    answeredAt,
  });
}
