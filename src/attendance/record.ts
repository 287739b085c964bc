// Storing a check-in: the fix is converted to WGS-84, measured against the sites that count
// today, checked for spoofing signals and against the shift, and stored with its verdict and
// evidence, with the durable events in the same transaction. Every path in (the page, a shared
// location, the API) comes through here, so every source goes through the same rules.
import type { FeatureKit } from '../bot/feature.js';
import { loadCalendar } from '../time/calendar.js';
import { addDays, localDate, zonedTime } from '../time/zoned.js';
import { hasConsent } from './consent.js';
import {
  type Datum,
  DEFAULT_SPOOF_SETTINGS,
  type Flag,
  geofence,
  haversine,
  instanceFor,
  lateMinutes,
  type ShiftDef,
  spoofFlags,
  toWgs84,
  type Verdict,
  verdictOf,
} from './rules/index.js';
import { type CountingSite, sitesForToday } from './sites-today.js';

export type CheckInKind = 'IN' | 'OUT';
export type CheckInMethod = 'PAGE' | 'LOCATION_MESSAGE' | 'QR' | 'IMPORT' | 'CONSOLE';

export interface CheckInInput {
  employeeId: string;
  kind: CheckInKind;
  method: CheckInMethod;
  at: Date;
  lat: number;
  lng: number;
  datum: Datum;
  accuracyM: number | null;
  mockHint: boolean;
  device?: string | null;
  /** Idempotency: the same submission twice is one check-in. */
  externalId?: string | null;
}

export interface StoredCheckIn {
  id: string;
  kind: CheckInKind;
  at: Date;
  verdict: Verdict;
  flags: Flag[];
  site: { id: string; name: string; radiusM: number } | null;
  distanceM: number | null;
  accuracyM: number | null;
  lateMinutes: number;
}

export type RecordResult =
  | { status: 'stored'; checkIn: StoredCheckIn }
  | { status: 'duplicate'; checkIn: StoredCheckIn }
  | { status: 'consent_required' };

type Deps = Pick<FeatureKit, 'db' | 'events' | 'now'>;

const SHIFT_SLACK_MINUTES = 180;

export async function recordCheckIn(kit: Deps, input: CheckInInput): Promise<RecordResult> {
  const { db } = kit;
  if (input.externalId) {
    const existing = await loadCheckIn(kit, { externalId: input.externalId });
    if (existing) return { status: 'duplicate', checkIn: existing };
  }
  if (!(await hasConsent(db, input.employeeId))) return { status: 'consent_required' };

  const employee = await db.employee.findUniqueOrThrow({
    where: { id: input.employeeId },
    select: { timeZone: true },
  });
  const tz = employee.timeZone;
  const point = toWgs84({ lat: input.lat, lng: input.lng }, input.datum);
  const sites = await sitesForToday(db, input.employeeId, input.at, tz);
  let nearest: { site: CountingSite; meters: number } | null = null;
  for (const site of sites) {
    const meters = haversine(point, toWgs84(site, site.datum));
    if (!nearest || meters < nearest.meters) nearest = { site, meters };
  }
  const fence = nearest ? geofence(nearest.meters, nearest.site.radiusM, input.accuracyM) : null;

  // The shift this punch belongs to, on the employee's calendar.
  const date = localDate(input.at, tz);
  const assignment = await db.shiftAssignment.findFirst({
    where: { employeeId: input.employeeId, fromDate: { lte: date }, OR: [{ toDate: null }, { toDate: { gte: date } }] },
    orderBy: { fromDate: 'desc' },
    select: { shift: true },
  });
  const shift: ShiftDef | null = assignment ? { ...assignment.shift, timeZone: assignment.shift.timeZone } : null;
  const calendar = await loadCalendar(db, addDays(date, -1), addDays(date, 1));
  const instance = shift ? instanceFor(shift, input.at, calendar, SHIFT_SLACK_MINUTES) : null;

  let late = 0;
  if (shift && instance && input.kind === 'IN') {
    // Only the first arrival of the shift can be late: a field engineer's third site is not.
    const earlier = await db.checkIn.count({
      where: {
        employeeId: input.employeeId,
        kind: 'IN',
        verdict: { not: 'REJECTED' },
        at: { gte: new Date(instance.start.getTime() - SHIFT_SLACK_MINUTES * 60_000), lt: input.at },
      },
    });
    if (earlier === 0) late = lateMinutes(shift, instance, input.at);
  }

  const previous = await db.checkIn.findFirst({
    where: { employeeId: input.employeeId, lat: { not: null }, lng: { not: null }, at: { lte: input.at } },
    orderBy: { at: 'desc' },
    select: { at: true, lat: true, lng: true, datum: true },
  });
  const dayStart = zonedTime(date, 0, tz);
  const repeated = await db.checkIn.findMany({
    where: { employeeId: input.employeeId, lat: input.lat, lng: input.lng, at: { lt: dayStart } },
    orderBy: { at: 'desc' },
    take: 1,
    select: { at: true, lat: true, lng: true },
  });
  const raw = { lat: input.lat, lng: input.lng };
  const flags = spoofFlags(
    {
      at: input.at,
      point,
      raw,
      accuracyM: input.accuracyM,
      mockHint: input.mockHint,
      nearestSiteM: nearest?.meters ?? null,
      device: input.device ?? null,
      shift: shift
        ? { hasShift: true, inWindow: instance !== null, ...(instance ? { window: instance } : {}) }
        : { hasShift: false, inWindow: true },
    },
    previous?.lat != null && previous.lng != null
      ? {
          at: previous.at,
          point: toWgs84({ lat: previous.lat, lng: previous.lng }, previous.datum ?? 'WGS84'),
          raw: { lat: previous.lat, lng: previous.lng },
        }
      : null,
    repeated.map((r) => ({ at: r.at, point: raw, raw: { lat: r.lat ?? 0, lng: r.lng ?? 0 } })),
    DEFAULT_SPOOF_SETTINGS,
  );
  if (fence === 'straddles' && nearest)
    flags.push({
      code: 'fence_uncertain',
      evidence: {
        distanceM: Math.round(nearest.meters),
        accuracyM: input.accuracyM ?? 'none',
        radiusM: nearest.site.radiusM,
      },
    });
  const verdict = verdictOf(fence, flags);

  const created = await db.$transaction(async (tx) => {
    const row = await tx.checkIn.create({
      data: {
        employeeId: input.employeeId,
        siteId: nearest?.site.id ?? null,
        workOrderId: nearest?.site.workOrderId ?? null,
        kind: input.kind,
        method: input.method,
        at: input.at,
        lat: input.lat,
        lng: input.lng,
        datum: input.datum,
        accuracyM: input.accuracyM,
        distanceM: nearest ? Math.round(nearest.meters * 10) / 10 : null,
        verdict,
        flags: JSON.stringify(flags.map((f) => f.code)),
        evidence: JSON.stringify(flags),
        lateMinutes: late,
        device: input.device ?? null,
        externalId: input.externalId ?? null,
      },
      select: { id: true },
    });
    await kit.events.emit(
      tx,
      'checkIn.recorded',
      { checkInId: row.id, employeeId: input.employeeId, verdict },
      { key: row.id },
    );
    if (verdict !== 'ACCEPTED')
      await kit.events.emit(
        tx,
        'checkIn.flagged',
        { checkInId: row.id, employeeId: input.employeeId, flags: flags.map((f) => f.code) },
        { key: row.id },
      );
    await kit.events.emit(
      tx,
      'record.changed',
      { recordType: 'CheckIn', recordId: row.id, employeeId: input.employeeId, at: input.at.toISOString() },
      { key: `CheckIn:${row.id}:created` },
    );
    return row;
  });
  const stored = await loadCheckIn(kit, { id: created.id });
  if (!stored) throw new Error('check-in vanished after insert');
  return { status: 'stored', checkIn: stored };
}

export async function loadCheckIn(kit: Pick<FeatureKit, 'db'>, where: { id: string } | { externalId: string }) {
  const row = await kit.db.checkIn.findUnique({
    where: 'id' in where ? { id: where.id } : { externalId: where.externalId },
    select: {
      id: true,
      kind: true,
      at: true,
      verdict: true,
      evidence: true,
      distanceM: true,
      accuracyM: true,
      lateMinutes: true,
      site: { select: { id: true, name: true, radiusM: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    at: row.at,
    verdict: row.verdict,
    flags: parseEvidence(row.evidence),
    site: row.site,
    distanceM: row.distanceM,
    accuracyM: row.accuracyM,
    lateMinutes: row.lateMinutes,
  } satisfies StoredCheckIn;
}

export function parseEvidence(json: string): Flag[] {
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? (parsed as Flag[]) : [];
  } catch {
    return [];
  }
}
