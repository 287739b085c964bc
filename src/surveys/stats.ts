// Survey statistics, pure: NPS, CSAT and response rate with their counts. Small samples keep
// their counts visible so nobody reads "100%" off one answer.
import { SMALL_SAMPLE } from './rules.js';

export interface SurveyStats {
  sent: number;
  answered: number;
  /** answered / sent × 100, null without invitations. */
  responseRate: number | null;
  csatCount: number;
  /** Average of 1–5, two decimals; null without answers. */
  csatAvg: number | null;
  npsCount: number;
  promoters: number;
  detractors: number;
  /** % promoters (9–10) − % detractors (0–6), whole number; null without NPS answers. */
  nps: number | null;
  /** True when the counts are too small for a percentage to mean much. */
  small: boolean;
}

export function surveyStats(sent: number, answers: readonly { csat: number; nps: number | null }[]): SurveyStats {
  const csats = answers.map((a) => a.csat);
  const npsValues = answers.flatMap((a) => (a.nps === null ? [] : [a.nps]));
  const promoters = npsValues.filter((n) => n >= 9).length;
  const detractors = npsValues.filter((n) => n <= 6).length;
  return {
    sent,
    answered: answers.length,
    responseRate: sent > 0 ? round1((100 * answers.length) / sent) : null,
    csatCount: csats.length,
    csatAvg: csats.length ? round2(csats.reduce((s, v) => s + v, 0) / csats.length) : null,
    npsCount: npsValues.length,
    promoters,
    detractors,
    nps: npsValues.length ? Math.round((100 * (promoters - detractors)) / npsValues.length) : null,
    small: answers.length < SMALL_SAMPLE,
  };
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Metres between two WGS-84/GCJ-02 points (haversine; both points in one datum). */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}
