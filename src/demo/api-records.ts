// What the demo company's business systems pushed this morning, through the same record
// functions the inbound API (/api/v1) and the connectors use: the field-service system's work
// orders of today (completed ones ask their customer for a survey), the HR system's leave, the
// learning platform's training. Run once, right after the demo is seeded.
import type { Records } from '../records/index.js';
import { addDays, localDate, zonedTime } from '../time/zoned.js';

export async function pushDemoApiRecords(records: Records, now: Date, timeZone: string) {
  const today = localDate(now, timeZone);
  const at = (date: string, minute: number) => zonedTime(date, minute, timeZone).toISOString();
  // Only what has happened by now: an order not opened yet today is yesterday's.
  const past = (iso: string) => new Date(iso) <= now;
  const order = (n: number, assignee: string, site: string, title: string, open: number, done: number) => {
    const day = past(at(today, open)) ? today : addDays(today, -1);
    const completedAt = at(day, done);
    const completed = past(completedAt);
    return {
      externalId: `FS-${day.replaceAll('-', '')}-${n}`,
      title,
      assignee,
      siteCode: site,
      customerExternalId: `FS-C-${n}`,
      customerName: `车主 ${n}`,
      difficulty: 2,
      status: completed ? 'COMPLETED' : 'ASSIGNED',
      openedAt: at(day, open),
      assignedAt: at(day, open + 10),
      completedAt: completed ? completedAt : null,
      slaResponseMinutes: 30,
      slaArrivalMinutes: 120,
      resolved: completed,
    };
  };
  const orders = [
    order(1, 'KP0005', 'SH-HQ', '充电桩无法启动充电', 8 * 60, 10 * 60 + 30),
    order(2, 'KP0006', 'SH-AT', '车载空调不制冷', 8 * 60 + 30, 11 * 60 + 15),
    order(3, 'KP0007', 'SH-ZJ', 'OTA 升级失败', 13 * 60, 16 * 60),
  ];
  const results = {
    workOrders: await records.upsert('workOrder', 'field-service', orders),
    leave: await records.upsert('leave', 'hr-system', [
      {
        externalId: `LV-${today}-1`,
        employee: 'KP0006',
        type: 'annual',
        startsAt: at(addDays(today, 7), 9 * 60),
        endsAt: at(addDays(today, 8), 18 * 60),
        status: 'APPROVED',
        approvedBy: 'KP0004',
      },
      {
        externalId: `LV-${today}-2`,
        employee: 'KP0007',
        type: 'sick',
        startsAt: at(addDays(today, 1), 9 * 60),
        endsAt: at(addDays(today, 1), 18 * 60),
        status: 'PENDING',
        reason: '发烧',
      },
    ]),
    training: await records.upsert('training', 'lms', [
      {
        externalId: `LMS-${today}-1`,
        employee: 'KP0005',
        courseCode: 'HV-SAFETY',
        courseName: '高压电安全规范',
        minutes: 90,
        examScore: 92,
        enrolledAt: at(addDays(today, -2), 9 * 60),
        completedAt: at(addDays(today, -2), 10 * 60 + 30),
      },
    ]),
  };
  return Object.fromEntries(
    Object.entries(results).map(([k, v]) => [k, v.filter((o) => o.result !== 'rejected').length]),
  );
}
