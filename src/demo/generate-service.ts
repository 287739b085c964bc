// Customer-service tickets, ratings, complaints and the quality errors found in them; training for everyone.
import type { DemoPerson } from './company.js';
import { type Generator, idFor } from './generator.js';

export function generateTickets(g: Generator, p: DemoPerson, days: string[]) {
  for (const day of days) {
    const count = g.rnd.int(14, 26);
    for (let n = 0; n < count; n++) {
      const opened = g.at(day, 515 + g.rnd.int(0, 500));
      if (opened > g.now) continue;
      const slow = p.trait === 'probation' ? g.rnd.chance(0.25) : g.rnd.chance(0.08);
      const firstResponse = new Date(opened.getTime() + (slow ? g.rnd.int(120, 600) : g.rnd.int(10, 90)) * 1000);
      const resolved = new Date(firstResponse.getTime() + g.rnd.int(2, 40) * 60_000);
      const isComplaint = g.rnd.chance(p.trait === 'probation' ? 0.06 : 0.025);
      const rated = g.rnd.chance(0.55);
      const rating = rated
        ? isComplaint
          ? g.rnd.int(1, 2)
          : p.trait === 'star'
            ? g.rnd.pick([4, 5, 5, 5])
            : g.rnd.pick([3, 4, 4, 5, 5])
        : null;
      const id = g.next('tk');
      g.ticketRows.push({
        id,
        externalId: `ZD-${id.slice(-6)}`,
        source: 'demo',
        employeeId: idFor('emp', p.key),
        customerId: null,
        channel: g.rnd.pick(['chat', 'chat', 'phone', 'email']),
        openedAt: opened,
        firstResponseAt: firstResponse,
        resolvedAt: resolved <= g.now ? resolved : null,
        status: resolved <= g.now ? 'solved' : 'open',
        isComplaint,
        repeatOfId: null,
        rating,
        ratedAt: rated ? resolved : null,
      });
      if (isComplaint && g.rnd.chance(0.4)) {
        g.errorRows.push({
          id: g.next('err'),
          employeeId: idFor('emp', p.key),
          grade: g.rnd.chance(0.3) ? 'MAJOR' : 'MINOR',
          attribution: g.rnd.pick(['PERSON', 'PERSON', 'PROCESS', 'TRAINING', 'SYSTEM']),
          category: g.rnd.pick(['错误承诺', '漏回复', '信息录入错误', '退款流程错误']),
          description: '客户投诉后质检确认',
          occurredAt: opened,
          ticketId: id,
          status: 'RECORDED',
        });
      }
    }
  }
}

export function generateTraining(g: Generator, p: DemoPerson, days: string[]) {
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
    if (!g.rnd.chance(0.75) || days.length === 0) continue;
    const day = g.rnd.pick(days);
    const completedAt = g.at(day, 900);
    if (completedAt > g.now) continue;
    g.trainingRows.push({
      id: g.next('tr'),
      employeeId: idFor('emp', p.key),
      courseCode: code,
      courseName: name,
      minutes: g.rnd.pick([60, 90, 120, 180]),
      examScore: g.rnd.int(p.trait === 'low_rating' ? 55 : 70, 100),
      reason: p.trait === 'probation' ? 'ONBOARDING' : 'REGULAR',
      enrolledAt: new Date(completedAt.getTime() - 7 * 86_400_000),
      completedAt,
    });
  }
}
