const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;

/** "just now", "3 min ago", "2 hours ago", "yesterday", "3 days ago", "2 weeks ago", "5 months ago", "2 years ago". */
export function relativeTime(then: number, now: number): string {
  // A clock a little ahead of ours (the helpdesk's) still reads as "just now", never "in 2 min".
  const ago = Math.max(0, now - then);
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return count(Math.floor(ago / HOUR), 'hour');
  const days = Math.floor(ago / DAY);
  if (days === 1) return 'yesterday';
  if (days < 14) return count(days, 'day');
  if (days < 30) return count(Math.floor(days / 7), 'week');
  if (days < 365) return count(Math.floor(days / 30), 'month');
  return count(Math.floor(days / 365), 'year');
}

const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The full local date and time, for hover text: "12 Mar 2025, 14:05". */
export function absoluteDate(at: number): string {
  return absolute.format(at);
}

/** A machine-readable date for `<time dateTime>`. */
export function isoDate(at: number): string {
  return new Date(at).toISOString();
}

const two = (n: number) => String(n).padStart(2, '0');

/** Local wall-clock time as HH:MM (24-hour), the same in every locale. */
export function clockTime(at: number): string {
  const date = new Date(at);
  return `${two(date.getHours())}:${two(date.getMinutes())}`;
}
