export { type FenceResult, geofence } from './fence.js';
export {
  DEFAULT_SPOOF_SETTINGS,
  type Flag,
  type FlagCode,
  type PriorFix,
  type SpoofSettings,
  spoofFlags,
} from './flags.js';
export { convert, type Datum, distanceM, EARTH_RADIUS_M, haversine, isValidPoint, type Point, toWgs84 } from './geo.js';
export { type MonthLeave, type MonthPunch, type MonthSummary, summariseMonth } from './month.js';
export {
  crossesMidnight,
  earlyMinutes,
  instanceFor,
  instanceOn,
  isMissing,
  lateMinutes,
  overtimeMinutes,
  runsOn,
  type ShiftDef,
  type ShiftInstance,
} from './shift.js';
export { shown, type Verdict, type VerdictShown, verdictOf } from './verdict.js';
export { buildVisits, type Punch, type Visit } from './visits.js';
