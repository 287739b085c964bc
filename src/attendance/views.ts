// Stored check-ins as card view models.
import type { CheckInView } from '../../cards/attendance-cards.js';
import { formatLocalTime } from '../time/format-local-time.js';
import type { StoredCheckIn } from './record.js';
import { shown } from './rules/index.js';

export function checkInView(c: StoredCheckIn, timeZone: string, reason?: string | null): CheckInView {
  return {
    id: c.id,
    kind: c.kind,
    time: formatLocalTime(c.at, timeZone),
    shown: shown(c.verdict),
    siteName: c.site?.name ?? null,
    radiusM: c.site?.radiusM ?? null,
    distanceM: c.distanceM,
    accuracyM: c.accuracyM,
    lateMinutes: c.lateMinutes,
    flags: c.flags,
    reason: reason ?? null,
  };
}
