// The attendance rules against values someone else published (test/fixtures/attendance/vectors.json,
// copied from ../shared/reference/: gcoord's china-cities fixture, eviltransform, coordtransform,
// Rosetta Code and Turf distances; holidays from the State Council notices via holiday-cn).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildVisits,
  convert,
  type Datum,
  earlyMinutes,
  geofence,
  haversine,
  instanceFor,
  isMissing,
  lateMinutes,
  overtimeMinutes,
  type ShiftDef,
  spoofFlags,
  verdictOf,
} from '../../../src/attendance/rules/index.js';
import { makeCalendar } from '../../../src/time/calendar.js';

type LngLat = [number, number];
interface LatLng {
  lat: number;
  lng: number;
}
const vectors = JSON.parse(
  readFileSync(new URL('../../fixtures/attendance/vectors.json', import.meta.url), 'utf8'),
) as {
  coords: {
    gcoord_china_cities: {
      tolerance_deg: Record<string, number>;
      entries: { name: string; wgs84: LngLat; gcj02: LngLat; bd09: LngLat }[];
    };
    gcoord_extra: { from: Datum; to: Datum; input: LngLat; expected: LngLat; tolerance_deg: number }[];
    eviltransform: {
      wgs2gcj: { name: string; wgs: LatLng; gcj: LatLng }[];
    };
    coordtransform: { input: LatLng; expected: Record<string, LngLat> };
  };
  distance: {
    vectors: {
      id: string;
      a?: LatLng;
      b?: LatLng;
      from_lnglat?: LngLat;
      to_lnglat?: LngLat;
      radius_km?: number;
      radius_m?: number;
      expected_km?: number;
      expected_m?: number;
      expected?: { kilometers: number };
    }[];
  };
};

const pt = ([lng, lat]: LngLat) => ({ lat, lng });
const key: Record<string, 'wgs84' | 'gcj02' | 'bd09'> = { WGS84: 'wgs84', GCJ02: 'gcj02', BD09: 'bd09' };

describe('datum conversion', () => {
  const cities = vectors.coords.gcoord_china_cities;
  for (const [leg, tolerance] of Object.entries(cities.tolerance_deg)) {
    const [from, to] = leg.split('->') as [Datum, Datum];
    it(`converts all ${cities.entries.length} china-cities rows ${from} → ${to} within ${tolerance}°`, () => {
      for (const row of cities.entries) {
        const got = convert(pt(row[key[from] as 'wgs84']), from, to);
        const want = pt(row[key[to] as 'wgs84']);
        expect(Math.abs(got.lng - want.lng), `${row.name} lng`).toBeLessThan(tolerance);
        expect(Math.abs(got.lat - want.lat), `${row.name} lat`).toBeLessThan(tolerance);
      }
    });
  }

  it('matches gcoord’s own extra cases, including points outside China passing through', () => {
    for (const v of vectors.coords.gcoord_extra) {
      const got = convert(pt(v.input), v.from, v.to);
      expect(Math.abs(got.lng - v.expected[0])).toBeLessThanOrEqual(v.tolerance_deg);
      expect(Math.abs(got.lat - v.expected[1])).toBeLessThanOrEqual(v.tolerance_deg);
    }
  });

  it('matches eviltransform’s WGS→GCJ pairs (5e-7°) and its GCJ→WGS round-trip rule (within 5 m)', () => {
    for (const v of vectors.coords.eviltransform.wgs2gcj) {
      const got = convert(v.wgs, 'WGS84', 'GCJ02');
      expect(Math.abs(got.lat - v.gcj.lat), v.name).toBeLessThan(5e-7);
      expect(Math.abs(got.lng - v.gcj.lng), v.name).toBeLessThan(5e-7);
    }
    // The published rule for an approximate inverse (its bd2wgs pairs carry eviltransform's own
    // approximation, ~10 m, so they are not a reference for another library's inverse).
    for (const v of vectors.coords.eviltransform.wgs2gcj)
      expect(haversine(convert(v.gcj, 'GCJ02', 'WGS84'), v.wgs), v.name).toBeLessThan(5);
  });

  it('matches coordtransform’s closed-form conversions of (116.404, 39.915)', () => {
    const { input, expected } = vectors.coords.coordtransform;
    const cases: [Datum, Datum, string, number][] = [
      ['WGS84', 'GCJ02', 'wgs84togcj02', 1e-8],
      ['GCJ02', 'BD09', 'gcj02tobd09', 1e-8],
      ['BD09', 'GCJ02', 'bd09togcj02', 5e-6],
      ['GCJ02', 'WGS84', 'gcj02towgs84', 5e-5],
    ];
    for (const [from, to, name, tol] of cases) {
      const got = convert(input, from, to);
      const want = pt(expected[name] as LngLat);
      expect(Math.abs(got.lng - want.lng), name).toBeLessThan(tol);
      expect(Math.abs(got.lat - want.lat), name).toBeLessThan(tol);
    }
  });

  it('shows why sites must be converted: Shanghai’s GCJ-02 offset is hundreds of metres, more than a fence', () => {
    const v = vectors.coords.eviltransform.wgs2gcj.find((x) => x.name === 'shanghai');
    if (!v) throw new Error('vector missing');
    expect(haversine(v.wgs, v.gcj)).toBeGreaterThan(400);
  });
});

describe('great-circle distance', () => {
  for (const v of vectors.distance.vectors) {
    it(`reproduces ${v.id}`, () => {
      if (v.id.startsWith('rosetta') && v.a && v.b && v.radius_km && v.expected_km !== undefined)
        expect(Math.abs(haversine(v.a, v.b, v.radius_km) - v.expected_km)).toBeLessThan(1e-7);
      else if (v.id.startsWith('turf') && v.from_lnglat && v.to_lnglat && v.expected) {
        const km = haversine(pt(v.from_lnglat), pt(v.to_lnglat)) / 1000;
        expect(Math.abs(km - v.expected.kilometers) / v.expected.kilometers).toBeLessThan(1e-9);
      } else if (v.a && v.b && v.radius_m && v.expected_m !== undefined) {
        // eviltransform uses the spherical law of cosines; haversine agrees far inside ±1 m at 1,078 km.
        expect(Math.abs(haversine(v.a, v.b, v.radius_m) - v.expected_m)).toBeLessThan(1);
      } else throw new Error(`unhandled vector ${v.id}`);
    });
  }
});

describe('geofence with accuracy', () => {
  it('is inside only when the whole accuracy circle is inside the radius', () => {
    expect(geofence(40, 100, 20)).toBe('inside');
    expect(geofence(90, 100, 20)).toBe('straddles');
    expect(geofence(110, 100, 20)).toBe('straddles');
    expect(geofence(250, 100, 20)).toBe('outside');
  });
  it('never calls a fix without accuracy inside', () => {
    expect(geofence(10, 100, null)).toBe('straddles');
    expect(geofence(150, 100, undefined)).toBe('outside');
  });
  it('turns fence and flags into the verdict: valid, or needs review with the reason', () => {
    expect(verdictOf('inside', [])).toBe('ACCEPTED');
    expect(verdictOf('straddles', [])).toBe('FLAGGED');
    expect(verdictOf('inside', [{ code: 'mock_location', evidence: {} }])).toBe('FLAGGED');
    expect(verdictOf('outside', [])).toBe('OUTSIDE_FENCE');
    expect(verdictOf(null, [])).toBe('OUTSIDE_FENCE');
  });
});

describe('anti-spoofing flags', () => {
  const at = new Date('2026-11-18T02:00:00Z');
  const here = { lat: 31.2, lng: 121.5 };
  const base = { at, point: here, raw: here, accuracyM: 15, mockHint: false, nearestSiteM: 30 };

  it('raises nothing for an honest fix', () => {
    expect(spoofFlags(base, null, [])).toEqual([]);
  });

  it('flags impossible travel with distance, time and speed', () => {
    // Shanghai → Beijing (eviltransform's pair, 1,078 km) in ten minutes.
    const beijing = { lat: 39.91334545536069, lng: 116.38404722455657 };
    const prev = { at: new Date(at.getTime() - 600_000), point: beijing, raw: beijing };
    const [flag] = spoofFlags(base, prev, []);
    expect(flag?.code).toBe('impossible_travel');
    expect(flag?.evidence.seconds).toBe(600);
    expect(Number(flag?.evidence.speedKmh)).toBeGreaterThan(6000);
  });

  it('flags missing, zero and implausibly exact accuracy', () => {
    expect(spoofFlags({ ...base, accuracyM: null }, null, []).map((f) => f.code)).toEqual(['accuracy_missing']);
    expect(spoofFlags({ ...base, accuracyM: 0 }, null, []).map((f) => f.code)).toEqual(['accuracy_zero']);
    expect(spoofFlags({ ...base, accuracyM: 0.2 }, null, []).map((f) => f.code)).toEqual(['accuracy_implausible']);
  });

  it('flags the same coordinates to the last digit on another day', () => {
    const yesterday = { at: new Date(at.getTime() - 86_400_000), point: here, raw: here };
    const flags = spoofFlags(base, null, [yesterday]);
    expect(flags.map((f) => f.code)).toEqual(['repeated_coordinates']);
    expect(flags[0]?.evidence.previousAt).toBe(yesterday.at.toISOString());
    // One digit different is a real fix.
    const moved = { ...base, raw: { lat: 31.2000001, lng: 121.5 } };
    expect(spoofFlags(moved, null, [yesterday])).toEqual([]);
  });

  it('flags a mock-location hint, a fix far from every site, outside the shift, a second device', () => {
    const codes = spoofFlags(
      {
        ...base,
        mockHint: true,
        nearestSiteM: 5000,
        shift: { hasShift: true, inWindow: false },
        firstDevice: 'a',
        device: 'b',
      },
      null,
      [],
    ).map((f) => f.code);
    expect(codes).toEqual(['mock_location', 'far_from_sites', 'outside_shift', 'second_device']);
  });
});

describe('shifts on the Chinese calendar', () => {
  const calendar = makeCalendar();
  const day: ShiftDef = {
    startMinute: 9 * 60,
    endMinute: 18 * 60,
    weekdays: '12345',
    graceMinutes: 5,
    timeZone: 'Asia/Shanghai',
    followsCnCalendar: true,
  };
  const night: ShiftDef = { ...day, startMinute: 22 * 60, endMinute: 6 * 60 };

  it('counts lateness after the grace period, from the shift start (Wed 2026-11-18)', () => {
    const inst = instanceFor(day, new Date('2026-11-18T01:04:00Z'), calendar);
    expect(inst?.date).toBe('2026-11-18');
    if (!inst) return;
    expect(lateMinutes(day, inst, new Date('2026-11-18T01:04:00Z'))).toBe(0);
    expect(lateMinutes(day, inst, new Date('2026-11-18T01:12:00Z'))).toBe(12);
    expect(earlyMinutes(inst, new Date('2026-11-18T09:30:00Z'))).toBe(30);
    expect(overtimeMinutes(inst, new Date('2026-11-18T11:00:00Z'))).toBe(60);
  });

  it('puts a night shift’s morning punches on the evening it started', () => {
    const inst = instanceFor(night, new Date('2026-11-18T21:30:00Z'), calendar); // 05:30 on the 19th, local
    expect(inst?.date).toBe('2026-11-18');
    expect(inst?.end.toISOString()).toBe('2026-11-18T22:00:00.000Z');
  });

  it('has no shift on National Day 2026-10-01 (a Thursday) and one on make-up Saturday 2026-10-10', () => {
    expect(instanceFor(day, new Date('2026-10-01T01:00:00Z'), calendar)).toBeNull();
    expect(instanceFor(day, new Date('2026-10-10T01:00:00Z'), calendar)?.date).toBe('2026-10-10');
    // Without the calendar the weekdays decide: Saturday is off.
    expect(instanceFor({ ...day, followsCnCalendar: false }, new Date('2026-10-10T01:00:00Z'), calendar)).toBeNull();
  });

  it('calls a punch missing after start + grace, not on leave', () => {
    const inst = instanceFor(day, new Date('2026-11-18T01:00:00Z'), calendar);
    if (!inst) throw new Error('no shift');
    const after = new Date('2026-11-18T01:06:00Z');
    expect(isMissing(day, inst, new Date('2026-11-18T01:04:00Z'), false, false, calendar)).toBe(false);
    expect(isMissing(day, inst, after, false, false, calendar)).toBe(true);
    expect(isMissing(day, inst, after, true, false, calendar)).toBe(false);
    expect(isMissing(day, inst, after, false, true, calendar)).toBe(false);
  });
});

describe('visits', () => {
  const t = (hm: string) => new Date(`2026-11-18T${hm}:00Z`);
  it('pairs arrivals and departures per site, with travel between and short visits flagged', () => {
    const visits = buildVisits(
      [
        { id: '1', kind: 'IN', at: t('01:00'), siteId: 'a', flagged: false },
        { id: '2', kind: 'OUT', at: t('02:30'), siteId: 'a', flagged: false },
        { id: '3', kind: 'IN', at: t('03:10'), siteId: 'b', flagged: true },
        { id: '4', kind: 'OUT', at: t('03:15'), siteId: 'b', flagged: false },
        { id: '5', kind: 'IN', at: t('05:00'), siteId: 'c', flagged: false },
      ],
      10,
    );
    expect(visits.map((v) => [v.siteId, v.minutes, v.short, v.travelMinutes, v.flagged])).toEqual([
      ['a', 90, false, null, false],
      ['b', 5, true, 40, true],
      ['c', null, false, 105, false],
    ]);
  });
});
