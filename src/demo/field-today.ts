// Today's field work for the attendance story: every engineer without a work order today (a
// weekend or holiday run of `npm start`) gets one in progress and one assigned, at customer sites
// in the datum of the map each was picked on, so the console's "share location" presets and the
// check-in page have a site that counts on the day the demo runs.
import type { Prisma } from '../db/client.js';
import { addDays, zonedTime } from '../time/zoned.js';
import { PEOPLE } from './company.js';
import { idFor } from './generator.js';
import { SITES } from './sites.js';

type Tx = Prisma.TransactionClient;

export async function seedFieldToday(db: Tx, today: string, now: Date, timeZone: string): Promise<number> {
  const start = zonedTime(today, 0, timeZone);
  const end = zonedTime(addDays(today, 1), 0, timeZone);
  const sites = SITES.filter((s) => s.team === 'aftersales');
  const engineers = PEOPLE.filter((p) => p.position === 'engineer');
  let created = 0;
  for (const [i, p] of engineers.entries()) {
    const employeeId = idFor('emp', p.key);
    const has = await db.workOrder.count({ where: { assigneeId: employeeId, assignedAt: { gte: start, lt: end } } });
    if (has > 0) continue;
    const first = sites[i % sites.length];
    const second = sites[(i + 3) % sites.length];
    if (!first || !second) continue;
    const assigned = new Date(Math.max(start.getTime(), now.getTime() - 90 * 60_000));
    const orders = [
      { site: first, status: 'IN_PROGRESS' as const, title: '充电桩无法启动充电' },
      { site: second, status: 'ASSIGNED' as const, title: '常规保养与检测' },
    ];
    for (const [n, o] of orders.entries()) {
      await db.workOrder.create({
        data: {
          externalId: `WO-${today.replaceAll('-', '')}-T${p.key}-${n + 1}`,
          source: 'demo',
          title: o.title,
          siteId: o.site.id,
          assigneeId: employeeId,
          difficulty: 2,
          status: o.status,
          openedAt: new Date(assigned.getTime() - 20 * 60_000),
          assignedAt: assigned,
          firstResponseAt: assigned,
          slaResponseMinutes: 30,
          slaArrivalMinutes: 120,
        },
      });
      created += 1;
    }
  }
  return created;
}
