// Anti-spoofing signals. Each is a flag code with the evidence a reviewer needs: a platform that
// only says "abnormal" (DingTalk's isLegal=N, WeCom's exception_type) leaves HR guessing.
import { haversine, type Point } from './geo.js';

export type FlagCode =
  | 'impossible_travel'
  | 'accuracy_missing'
  | 'accuracy_zero'
  | 'accuracy_implausible'
  | 'repeated_coordinates'
  | 'mock_location'
  | 'far_from_sites'
  | 'outside_shift'
  | 'second_device'
  | 'fence_uncertain'
  | 'short_visit';

export interface Flag {
  code: FlagCode;
  /** Numbers and instants behind the flag, shown on the review card. */
  evidence: Record<string, string | number>;
}

export interface SpoofSettings {
  /** Faster than this between consecutive fixes is impossible travel (km/h). */
  maxSpeedKmh: number;
  /** An accuracy below this many metres is implausibly exact for a phone. */
  minAccuracyM: number;
  /** Farther than this from every site that counts today. */
  farFromSitesM: number;
}

export const DEFAULT_SPOOF_SETTINGS: SpoofSettings = { maxSpeedKmh: 200, minAccuracyM: 1, farFromSitesM: 2000 };

/** A previous fix of the same employee, already in WGS-84. */
export interface PriorFix {
  at: Date;
  point: Point;
  /** The coordinates exactly as the device reported them. */
  raw: Point;
}

export interface FixInput {
  at: Date;
  /** WGS-84 */
  point: Point;
  /** As reported, for the repeated-coordinates check. */
  raw: Point;
  accuracyM: number | null;
  mockHint: boolean;
  /** Metres to the nearest site that counts today; null when no site counts. */
  nearestSiteM: number | null;
  /** The device that first used this link, and this one's. */
  firstDevice?: string | null;
  device?: string | null;
  /** The shift's window this fix falls in, or null if it falls in none (only checked when a shift exists). */
  shift?: { hasShift: boolean; inWindow: boolean; window?: { start: Date; end: Date } };
}

const round = (n: number, digits = 0) => Number(n.toFixed(digits));

/** Flags for one fix, given the employee's latest previous fix and their earlier fixes on other days. */
export function spoofFlags(
  fix: FixInput,
  previous: PriorFix | null,
  earlierDays: readonly PriorFix[],
  settings: SpoofSettings = DEFAULT_SPOOF_SETTINGS,
): Flag[] {
  const flags: Flag[] = [];
  if (previous) {
    const meters = haversine(previous.point, fix.point);
    const seconds = Math.abs(fix.at.getTime() - previous.at.getTime()) / 1000;
    // Two fixes in the same second are judged by distance: more than 1 km apart is impossible.
    const kmh = seconds > 0 ? (meters / seconds) * 3.6 : meters > 1000 ? Number.POSITIVE_INFINITY : 0;
    if (kmh > settings.maxSpeedKmh) {
      flags.push({
        code: 'impossible_travel',
        evidence: {
          distanceM: round(meters),
          seconds: round(seconds),
          speedKmh: Number.isFinite(kmh) ? round(kmh) : '∞',
          limitKmh: settings.maxSpeedKmh,
          previousAt: previous.at.toISOString(),
        },
      });
    }
  }
  if (fix.accuracyM == null) flags.push({ code: 'accuracy_missing', evidence: {} });
  else if (fix.accuracyM <= 0) flags.push({ code: 'accuracy_zero', evidence: { accuracyM: fix.accuracyM } });
  else if (fix.accuracyM < settings.minAccuracyM)
    flags.push({ code: 'accuracy_implausible', evidence: { accuracyM: fix.accuracyM, minM: settings.minAccuracyM } });

  const dayMs = 86_400_000;
  const same = earlierDays.find(
    (p) =>
      p.raw.lat === fix.raw.lat &&
      p.raw.lng === fix.raw.lng &&
      Math.abs(fix.at.getTime() - p.at.getTime()) >= dayMs / 2 &&
      p.at.toISOString().slice(0, 10) !== fix.at.toISOString().slice(0, 10),
  );
  if (same)
    flags.push({
      code: 'repeated_coordinates',
      evidence: { lat: fix.raw.lat, lng: fix.raw.lng, previousAt: same.at.toISOString() },
    });
  if (fix.mockHint) flags.push({ code: 'mock_location', evidence: {} });
  if (fix.nearestSiteM === null || fix.nearestSiteM > settings.farFromSitesM)
    flags.push({
      code: 'far_from_sites',
      evidence: {
        nearestM: fix.nearestSiteM === null ? 'none' : round(fix.nearestSiteM),
        limitM: settings.farFromSitesM,
      },
    });
  if (fix.shift?.hasShift && !fix.shift.inWindow)
    flags.push({
      code: 'outside_shift',
      evidence: fix.shift.window
        ? { shiftStart: fix.shift.window.start.toISOString(), shiftEnd: fix.shift.window.end.toISOString() }
        : {},
    });
  if (fix.firstDevice && fix.device && fix.firstDevice !== fix.device)
    flags.push({ code: 'second_device', evidence: {} });
  return flags;
}
