// Demo only: what three systems the demo company "already has" would answer at a given moment —
// a field-service work-order system, a CRM and a helpdesk. Each speaks its own shape, which only
// its source mapping (sources.ts) knows. Records are a pure function of the clock (the last 12
// hours), so the demo shows work orders arriving and completing a while later at any hour.
import { createHash } from 'node:crypto';
import { localDate, localParts } from '../../time/zoned.js';

export interface StandInStaff {
  engineers: string[];
  salesReps: string[];
  agents: string[];
}

export interface StandInItem {
  /** The change time a source filters and sorts by. */
  changedAt: Date;
  key: string;
  record: Record<string, unknown>;
}

function hash(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

const WORK = [
  '空调不制冷',
  '充电桩无法启动',
  '车机黑屏',
  '门锁无法解锁',
  '电池包异响',
  '胎压报警',
  '雨刮器失灵',
  '空调异味',
];

/** "yyyy-MM-dd HH:mm" of an instant in the zone. */
function wallClock(instant: Date, zone: string, separator = '-'): string {
  const { date, minuteOfDay } = localParts(instant, zone);
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return `${date.replaceAll('-', separator)} ${hh}:${mm}`;
}

/**
 * Slot instants every `every` minutes over the last 12 hours up to now, aligned to the epoch so a
 * slot keeps its key from one request to the next (the demo runs at any hour of the day).
 * `offset` staggers the systems.
 */
function slots(now: Date, zone: string, offset: number, every: number): { at: Date; n: number; date: string }[] {
  const step = every * 60_000;
  const out: { at: Date; n: number; date: string }[] = [];
  const first = Math.ceil((now.getTime() - 12 * 3_600_000) / step);
  for (let k = first; ; k++) {
    const at = new Date(k * step + offset * 60_000 + (hash(`${every}:${k}`) % 7) * 60_000);
    if (at.getTime() > now.getTime()) break;
    out.push({ at, n: k % 10_000, date: localDate(at, zone) });
  }
  return out;
}

const min = (ms: number) => ms * 60_000;

/** The work-order system: a new order every ~25 minutes, done 1–3 hours later. */
export function fieldOpsJobs(now: Date, zone: string, staff: StandInStaff): StandInItem[] {
  if (staff.engineers.length === 0) return [];
  return slots(now, zone, 0, 25).map(({ at, n, date }) => {
    const h = hash(`fo:${date}:${n}`);
    const engineer = staff.engineers[h % staff.engineers.length] as string;
    const doneAt = new Date(at.getTime() + min(60 + (h % 120)));
    const startedAt = new Date(at.getTime() + min(15));
    const done = doneAt <= now;
    const started = startedAt <= now;
    const changedAt = done ? doneAt : started ? startedAt : at;
    const no = `FO-${date.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
    return {
      changedAt,
      key: no,
      record: {
        ticket_no: no,
        summary: `${WORK[h % WORK.length]}（${no}）`,
        engineer: { mail: engineer },
        state: done ? '已完成' : started ? '处理中' : '待派单',
        lvl: String(1 + (h % 4)),
        times: {
          created: wallClock(at, zone),
          done: done ? wallClock(doneAt, zone) : null,
          changed: changedAt.toISOString(),
        },
      },
    };
  });
}

/** The CRM: a deal every ~70 minutes, amounts as display strings in yuan. */
export function crmDeals(now: Date, zone: string, staff: StandInStaff): StandInItem[] {
  if (staff.salesReps.length === 0) return [];
  return slots(now, zone, 3, 70).map(({ at, n, date }) => {
    const h = hash(`crm:${date}:${n}`);
    const yuan = 2_000 + (h % 48_000);
    const id = `D${date.replaceAll('-', '')}${String(n).padStart(4, '0')}`;
    return {
      changedAt: at,
      key: id,
      record: {
        deal_id: id,
        owner: { staff_email: staff.salesReps[h % staff.salesReps.length] },
        amount: `¥${yuan.toLocaleString('en-US')}.${String(h % 100).padStart(2, '0')}`,
        signed_at: wallClock(at, zone, '/'),
        stage: h % 5 === 0 ? '洽谈中' : '赢单',
        modified: at.getTime(),
      },
    };
  });
}

/** The helpdesk: a ticket every ~12 minutes, answered and closed within the hour. */
export function helpdeskTickets(now: Date, zone: string, staff: StandInStaff): StandInItem[] {
  if (staff.agents.length === 0) return [];
  return slots(now, zone, 5, 12).map(({ at, n, date }) => {
    const h = hash(`hd:${date}:${n}`);
    const repliedAt = new Date(at.getTime() + min(1 + (h % 9)));
    const closedAt = new Date(at.getTime() + min(20 + (h % 40)));
    const closed = closedAt <= now;
    const replied = repliedAt <= now;
    const changedAt = closed ? closedAt : replied ? repliedAt : at;
    const id = `HD-${date.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
    const epoch = (d: Date) => Math.floor(d.getTime() / 1000);
    return {
      changedAt,
      key: id,
      record: {
        id,
        agent: { email: staff.agents[h % staff.agents.length] },
        medium: ['im', 'im', 'tel', 'mail'][h % 4],
        opened: epoch(at),
        first_reply: replied ? epoch(repliedAt) : null,
        closed: closed ? epoch(closedAt) : null,
        state: closed ? 'closed' : 'open',
        complaint: h % 11 === 0,
        updated: epoch(changedAt),
      },
    };
  });
}

/** Items changed at or after `since`, oldest change first (ties by key). */
export function changedSince(items: StandInItem[], since: Date | null): StandInItem[] {
  return items
    .filter((i) => since === null || i.changedAt.getTime() >= since.getTime())
    .sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime() || a.key.localeCompare(b.key));
}
