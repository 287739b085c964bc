// Local-time arithmetic for IANA zones without a dependency: shifts and holidays are local
// concepts, instants are stored in UTC. Months (periods) live in period.ts.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalParts {
  date: string;
  minuteOfDay: number;
}

export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** "YYYY-MM-DD" of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  return localParts(instant, timeZone).date;
}

/** The zone's offset from UTC in minutes at an instant (e.g. +480 for Asia/Shanghai). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const { date, minuteOfDay } = localParts(instant, timeZone);
  const asUtc = Date.parse(`${date}T00:00:00Z`) + minuteOfDay * 60_000;
  const floored = Math.floor(instant.getTime() / 60_000) * 60_000;
  return Math.round((asUtc - floored) / 60_000);
}

/** The instant of a local wall-clock time (minutes after midnight) on a local date. */
export function zonedTime(date: string, minuteOfDay: number, timeZone: string): Date {
  const guess = new Date(Date.parse(`${date}T00:00:00Z`) + minuteOfDay * 60_000);
  const first = new Date(guess.getTime() - offsetMinutes(guess, timeZone) * 60_000);
  // Re-check once: near a DST change the offset at the answer can differ from the guess's.
  return new Date(guess.getTime() - offsetMinutes(first, timeZone) * 60_000);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday 1 (Monday) .. 7 (Sunday) of a local date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
