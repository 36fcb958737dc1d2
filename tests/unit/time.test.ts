// Dates and relative times are written by Intl in the browser's language, never spelt out by Kept.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  absoluteDate,
  browserLocale,
  calendarDate,
  clockTime,
  clockTimeIn,
  duration,
  monthOf,
  relativeTime,
  wholeNumber,
} from '@/utils/time';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NOW = Date.parse('2026-12-05T12:00:00Z');
const AT = Date.parse('2026-12-05T14:05:00Z');

describe('relativeTime', () => {
  it.each([
    [0, 'now', 'jetzt', '今'],
    [-5 * MINUTE, 'now', 'jetzt', '今'],
    [3 * MINUTE, '3 minutes ago', 'vor 3 Minuten', '3 分前'],
    [1 * 60 * MINUTE, '1 hour ago', 'vor 1 Stunde', '1 時間前'],
    [5 * 60 * MINUTE, '5 hours ago', 'vor 5 Stunden', '5 時間前'],
    [DAY, 'yesterday', 'gestern', '昨日'],
    [3 * DAY, '3 days ago', 'vor 3 Tagen', '3 日前'],
    [15 * DAY, '2 weeks ago', 'vor 2 Wochen', '2 週間前'],
    [45 * DAY, '1 month ago', 'vor 1 Monat', '1 か月前'],
    [90 * DAY, '3 months ago', 'vor 3 Monaten', '3 か月前'],
    [800 * DAY, '2 years ago', 'vor 2 Jahren', '2 年前'],
  ])('%i ms ago reads "%s" in English, "%s" in German, "%s" in Japanese', (ago, en, de, ja) => {
    expect(relativeTime(NOW - ago, NOW, 'en')).toBe(en);
    expect(relativeTime(NOW - ago, NOW, 'de')).toBe(de);
    expect(relativeTime(NOW - ago, NOW, 'ja')).toBe(ja);
  });
});

describe('dates and times', () => {
  it('are written the way each language writes them', () => {
    expect(clockTimeIn('UTC', AT, 'en-US')).toBe('2:05 PM');
    expect(clockTimeIn('UTC', AT, 'de')).toBe('14:05');
    expect(clockTimeIn('Asia/Tokyo', AT, 'ja')).toBe('23:05');
    expect(clockTimeIn('Not/AZone', AT, 'en')).toBeUndefined();
    expect(calendarDate(NOW, 'de')).toBe('05.12.2026');
    expect(calendarDate(NOW, 'en-US')).toBe('Dec 5, 2026');
    expect(monthOf(NOW, 'de')).toBe('Dez. 2026');
    expect(duration(90, 'day', 'de')).toBe('90 Tage');
    expect(duration(1, 'second', 'en')).toBe('1 second');
    expect(duration(5, 'second', 'en')).toBe('5 seconds');
    expect(wholeNumber(5000, 'en')).toBe('5,000');
    expect(wholeNumber(5000, 'de')).toBe('5.000');
  });

  it('follow the browser’s language when none is given', () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    expect(browserLocale()).toBe('de-DE');
    expect(relativeTime(NOW - 3 * MINUTE, NOW)).toBe('vor 3 Minuten');
    expect(absoluteDate(AT)).toBe(
      new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' }).format(AT),
    );
    expect(clockTime(AT)).toMatch(/^\d\d:\d\d$/);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Source files a rep's page runs, without tests. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

// English time words in a string or template, or a time of day pieced together by hand.
const HAND_WRITTEN = [
  /['"`][^'"`\n]*\b(just now|yesterday|\d* ?(min|mins|minutes?|hours?|days?|weeks?|months?|years?) ago)\b/i,
  /\$\{[^}]*\}\s*(min|mins|minutes?|hours?|days?|weeks?|months?|years?|seconds?)\b/,
  /\bget(Hours|Minutes)\(\)/,
  /toISOString\(\)\.slice\(0, 10\)/,
  /toLocale(Date|Time)?String\(/,
];

const isComment = (line: string) => /^\s*(\/\/|\/\*|\*)/.test(line);

describe('no hand-written time strings', () => {
  it('are left in what a rep sees: every date and relative time goes through utils/time.ts', () => {
    const files = ['components', 'entrypoints', 'utils'].flatMap(sourceFiles);
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          !isComment(line) && HAND_WRITTEN.some((pattern) => pattern.test(line))
            ? [`${file}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(found).toEqual([]);
  });
});
