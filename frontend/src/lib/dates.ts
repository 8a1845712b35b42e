// Values for date inputs, in the reader's own time zone.

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of d in local time. */
export function localDay(d = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** YYYY-MM-DDTHH:MM of d in local time, for <input type="datetime-local">. */
export function localDateTime(d = new Date()): string {
  return `${localDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function addDays(days: number, from = new Date()): Date {
  const d = new Date(from);
  d.setDate(d.getDate() + days);
  return d;
}

/** An RFC 3339 time from a datetime-local value, or undefined when empty or unreadable. */
export function toRFC3339(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Splits "a, b ,c" into ["a", "b", "c"]. */
export function splitList(s: string): string[] {
  return s.split(',').map((x) => x.trim()).filter(Boolean);
}
