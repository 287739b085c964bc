// Field-sales customer visits and CRM orders.
import type { DemoPerson } from './company.js';
import { type Generator, idFor } from './generator.js';
import { SITES } from './sites.js';

export function generateSales(g: Generator, p: DemoPerson, days: string[]) {
  const sites = SITES.filter((s) => s.team === 'sales');
  for (const day of days) {
    const visits = g.rnd.int(1, 3);
    let clock = 600;
    for (let n = 0; n < visits; n++) {
      const site = g.rnd.pick(sites);
      const arrive = g.at(day, clock + g.rnd.int(0, 60));
      const leave = new Date(arrive.getTime() + g.rnd.int(25, 110) * 60_000);
      clock += 150;
      if (leave > g.now) break;
      for (const [kind, when] of [
        ['IN', arrive],
        ['OUT', leave],
      ] as const) {
        const fix = g.near(site, 60);
        g.checkInRows.push({
          id: g.next('ci'),
          employeeId: idFor('emp', p.key),
          siteId: site.id,
          kind,
          method: 'PAGE',
          at: when,
          lat: fix.lat,
          lng: fix.lng,
          datum: fix.datum,
          accuracyM: Math.round(g.rnd.around(22, 18) * 10) / 10,
          verdict: 'ACCEPTED',
        });
      }
    }
    if (g.rnd.chance(p.trait === 'star' ? 0.55 : 0.4)) {
      const amount = g.rnd.int(8, 60) * 1_000_00;
      const orderedAt = g.at(day, g.rnd.int(600, 1020));
      if (orderedAt > g.now) continue;
      const id = g.next('crm');
      g.crmRows.push({
        id,
        externalId: `SO-${day.replaceAll('-', '')}-${id.slice(-4)}`,
        source: 'demo',
        employeeId: idFor('emp', p.key),
        customerId: null,
        amountCents: amount,
        collectedCents: Math.round(amount * g.rnd.pick([1, 1, 0.8, 0.5, 0.3, 0])),
        orderedAt,
        status: 'won',
      });
    }
  }
}
