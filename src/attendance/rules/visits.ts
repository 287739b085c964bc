// Visits and the day's trajectory: an arrival and the next departure at the same site make a
// visit; a visit shorter than the minimum is flagged. No background GPS exists in a chat app, so
// dwell time comes from punches (and the work order's own timestamps when a punch is missing).
export interface Punch {
  id: string;
  kind: 'IN' | 'OUT';
  at: Date;
  siteId: string | null;
  flagged: boolean;
}

export interface Visit {
  siteId: string | null;
  arrivedAt: Date;
  /** Null while the employee is still there (no departure yet). */
  leftAt: Date | null;
  minutes: number | null;
  short: boolean;
  /** Minutes since the previous visit ended (travel), null for the first. */
  travelMinutes: number | null;
  flagged: boolean;
  punchIds: string[];
}

export function buildVisits(punches: readonly Punch[], minVisitMinutes = 10): Visit[] {
  const sorted = [...punches].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
  const visits: Visit[] = [];
  let open: Visit | null = null;
  const close = (v: Visit) => {
    const prev = visits.at(-1);
    v.travelMinutes = prev?.leftAt ? Math.round((v.arrivedAt.getTime() - prev.leftAt.getTime()) / 60_000) : null;
    visits.push(v);
  };
  for (const p of sorted) {
    if (p.kind === 'IN') {
      if (open) close(open);
      open = {
        siteId: p.siteId,
        arrivedAt: p.at,
        leftAt: null,
        minutes: null,
        short: false,
        travelMinutes: null,
        flagged: p.flagged,
        punchIds: [p.id],
      };
    } else if (open && open.siteId === p.siteId) {
      open.leftAt = p.at;
      open.minutes = Math.round((p.at.getTime() - open.arrivedAt.getTime()) / 60_000);
      open.short = open.minutes < minVisitMinutes;
      open.flagged ||= p.flagged;
      open.punchIds.push(p.id);
      close(open);
      open = null;
    } else {
      // A departure with no arrival at that site: a visit of unknown length.
      if (open) {
        close(open);
        open = null;
      }
      close({
        siteId: p.siteId,
        arrivedAt: p.at,
        leftAt: p.at,
        minutes: null,
        short: false,
        travelMinutes: null,
        flagged: p.flagged,
        punchIds: [p.id],
      });
    }
  }
  if (open) close(open);
  return visits;
}
