// Every date and time Kept shows is written by the browser's `Intl`, in the browser's language: no word or order of
// a date is spelt out here, so a German browser reads "vor 3 Minuten" and "05.12.2026, 14:05" without a translation.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The browser's language (Chromium's `--lang`, the rep's browser setting); Intl's own default where none is known. */
export function browserLocale(): string | undefined {
  return globalThis.navigator?.language || undefined;
}

/** One formatter per kind and language: building one costs far more than formatting with it. */
function cached<T>(make: (locale: string | undefined) => T): (locale?: string) => T {
  const made = new Map<string | undefined, T>();
  return (locale = browserLocale()) => {
    let formatter = made.get(locale);
    if (!formatter) {
      formatter = make(locale);
      made.set(locale, formatter);
    }
    return formatter;
  };
}

// "yesterday" and "now" read better than "1 day ago" and "0 seconds ago"; but 45 days ago is not "last month".
const relativeWords = cached((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
const relativeCounts = cached((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'always' }));
const dateAndTime = cached((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
const dayOnly = cached((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }));
const timeOnly = cached((locale) => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }));
const monthOnly = cached((locale) => new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric' }));

/** How long ago, in the largest unit that fits, the way the old buckets cut it (2 weeks from day 14 on, …). */
function largestUnit(ago: number): [number, Intl.RelativeTimeFormatUnit] {
  if (ago < MINUTE) return [0, 'second'];
  if (ago < HOUR) return [Math.floor(ago / MINUTE), 'minute'];
  if (ago < DAY) return [Math.floor(ago / HOUR), 'hour'];
  const days = Math.floor(ago / DAY);
  if (days < 14) return [days, 'day'];
  if (days < 30) return [Math.floor(days / 7), 'week'];
  if (days < 365) return [Math.floor(days / 30), 'month'];
  return [Math.floor(days / 365), 'year'];
}

/** "now", "3 minutes ago", "yesterday", "2 weeks ago" in English; "jetzt", "vor 3 Minuten", "gestern" in German. */
export function relativeTime(then: number, now: number, locale?: string): string {
  // A clock a little ahead of ours (the helpdesk's) still reads as "now", never "in 2 minutes".
  const [amount, unit] = largestUnit(Math.max(0, now - then));
  const words = unit === 'second' || unit === 'day';
  return (words ? relativeWords : relativeCounts)(locale).format(-amount, unit);
}

/** The full local date and time, for hover text: "Dec 5, 2026, 2:05 PM", "05.12.2026, 14:05". */
export function absoluteDate(at: number, locale?: string): string {
  return dateAndTime(locale).format(at);
}

/** The local date alone: "Nov 20, 2026", "20.11.2026". */
export function calendarDate(at: number, locale?: string): string {
  return dayOnly(locale).format(at);
}

/** A month of a year, for column heads: "Dec 2026", "Dez. 2026". */
export function monthOf(at: number, locale?: string): string {
  return monthOnly(locale).format(at);
}

/** The local time of day, as the browser's language writes it: "2:05 PM", "14:05". */
export function clockTime(at: number, locale?: string): string {
  return timeOnly(locale).format(at);
}

/** The time of day in another time zone ("9:00 PM" in Asia/Tokyo); undefined for a zone the browser does not know. */
export function clockTimeIn(timeZone: string, at: number, locale = browserLocale()): string | undefined {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'short' }).format(at);
  } catch {
    return undefined;
  }
}

type DurationUnit = 'second' | 'minute' | 'hour' | 'day';
const durations = cached((locale) => {
  const byUnit = new Map<DurationUnit, Intl.NumberFormat>();
  return (unit: DurationUnit) => {
    let format = byUnit.get(unit);
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' });
      byUnit.set(unit, format);
    }
    return format;
  };
});

/** A length of time with its unit in the browser's language and plural: "1 second", "90 days", "90 Tage". */
export function duration(amount: number, unit: DurationUnit, locale?: string): string {
  return durations(locale)(unit).format(amount);
}

const wholeNumbers = cached((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }));

/** A count as the browser's language writes it: "5,000", "5.000", "5 000". */
export function wholeNumber(amount: number, locale?: string): string {
  return wholeNumbers(locale).format(amount);
}

/** A machine-readable date for `<time dateTime>`. */
export function isoDate(at: number): string {
  return new Date(at).toISOString();
}
