// The metric catalogue: one file per metric, one line here. A model may use any code listed.
import { absentDays } from './absent-days.js';
import { collectionRate } from './collection-rate.js';
import { complaints } from './complaints.js';
import { csatAvg } from './csat-avg.js';
import { errorsMajor } from './errors-major.js';
import { errorsMinor } from './errors-minor.js';
import { examScoreAvg } from './exam-score.js';
import { lateCount } from './late-count.js';
import { lateMinutes } from './late-minutes.js';
import { nps } from './nps.js';
import { overtimeHours } from './overtime-hours.js';
import { repeatComplaints } from './repeat-complaints.js';
import { revenue } from './revenue.js';
import { surveyResponseRate } from './survey-response-rate.js';
import { ticketRatingAvg } from './ticket-rating.js';
import { ticketResolutionRate } from './ticket-resolution-rate.js';
import { ticketResponseMinutes } from './ticket-response-minutes.js';
import { ticketsHandled } from './tickets-handled.js';
import { timeOnSiteHours } from './time-on-site.js';
import { trainingHours } from './training-hours.js';
import type { MetricSpec } from './types.js';
import { visits } from './visits.js';
import { woArrivalSla } from './wo-arrival-sla.js';
import { woCompleted } from './wo-completed.js';
import { woCompletionRate } from './wo-completion-rate.js';
import { woPoints } from './wo-points.js';
import { woResolutionRate } from './wo-resolution-rate.js';
import { woResponseMinutes } from './wo-response-minutes.js';
import { woResponseSla } from './wo-response-sla.js';

export type { Dialect, MetricSpec, MetricWindow } from './types.js';
export { dialectFor } from './types.js';

const ALL: MetricSpec[] = [
  woCompleted,
  woCompletionRate,
  woPoints,
  woResponseSla,
  woResponseMinutes,
  woArrivalSla,
  woResolutionRate,
  csatAvg,
  nps,
  surveyResponseRate,
  complaints,
  repeatComplaints,
  ticketsHandled,
  ticketResolutionRate,
  ticketResponseMinutes,
  ticketRatingAvg,
  visits,
  timeOnSiteHours,
  lateCount,
  lateMinutes,
  absentDays,
  overtimeHours,
  revenue,
  collectionRate,
  trainingHours,
  examScoreAvg,
  errorsMajor,
  errorsMinor,
];

export const METRICS: ReadonlyMap<string, MetricSpec> = new Map(ALL.map((m) => [m.code, m]));
export const METRIC_CODES: ReadonlySet<string> = new Set(METRICS.keys());
export const COUNT_METRICS: ReadonlySet<string> = new Set(ALL.filter((m) => m.countable).map((m) => m.code));

export function metricSpec(code: string): MetricSpec {
  const spec = METRICS.get(code);
  if (!spec) throw new Error(`unknown metric ${code}`);
  return spec;
}
