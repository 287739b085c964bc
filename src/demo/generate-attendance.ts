// Daily office check-ins and check-outs, with the late streak and the replayed fixes.
import type { DemoPerson } from './company.js';
import { type Generator, idFor } from './generator.js';
import { type DemoSite, SITES } from './sites.js';

export function generateAttendance(g: Generator, p: DemoPerson, days: string[]) {
  const office = SITES.find(
    (s) =>
      s.team === 'office' &&
      (p.team === 'sales' ? s.code === 'HZ-OF' : p.team === 'service' ? s.code === 'CD-TF' : s.code === 'SH-HQ'),
  ) as DemoSite;
  const start = p.team === 'service' ? 510 : 540;
  const end = p.team === 'service' ? 1050 : 1080;
  const lastFour = days.slice(-4);
  for (const day of days) {
    if (g.rnd.chance(0.02)) continue; // an absence now and then
    let arrive = start - g.rnd.int(3, 25);
    if (g.rnd.chance(0.05)) arrive = start + g.rnd.int(1, 12);
    if (p.trait === 'late_streak' && lastFour.includes(day)) arrive = start + g.rnd.int(18, 42);
    const inAt = g.at(day, arrive);
    if (inAt > g.now) continue;
    const fix = g.near(office, 40);
    const identical = p.trait === 'suspicious_checkin' && days.indexOf(day) >= days.length - 3;
    g.checkInRows.push({
      id: g.next('ci'),
      employeeId: idFor('emp', p.key),
      siteId: office.id,
      kind: 'IN',
      method: 'PAGE',
      at: inAt,
      // the same fix to the last digit, three days running: a replayed location
      lat: identical ? office.lat + 0.000123 : fix.lat,
      lng: identical ? office.lng + 0.000456 : fix.lng,
      datum: fix.datum,
      accuracyM: identical ? 5 : Math.round(g.rnd.around(18, 16) * 10) / 10,
      distanceM: null,
      verdict: 'ACCEPTED',
      lateMinutes: Math.max(0, arrive - start),
    });
    const outAt = g.at(day, end + g.rnd.int(0, 90));
    if (outAt > g.now) continue;
    const outFix = g.near(office, 40);
    g.checkInRows.push({
      id: g.next('ci'),
      employeeId: idFor('emp', p.key),
      siteId: office.id,
      kind: 'OUT',
      method: 'PAGE',
      at: outAt,
      lat: outFix.lat,
      lng: outFix.lng,
      datum: outFix.datum,
      accuracyM: Math.round(g.rnd.around(18, 16) * 10) / 10,
      verdict: 'ACCEPTED',
    });
  }
}
