import { isValidIBAN } from 'ibantools';
import { findNumbers } from 'libphonenumber-js/min';

/**
 * Masks what identifies a customer in text they wrote, before it leaves Kept (a quote, a ticket subject): email
 * addresses (also spaced, or written "name at domain dot com"), phone numbers in any format, card numbers (Luhn),
 * IBANs (checksum) and other long runs of digits (account and order numbers). Dates, times, words and short numbers
 * ("3 days", "#5512", "12.10.2024") stay readable.
 */
export function maskCustomerText(text: string): string {
  // Found on a copy with full-width digits and unusual dashes made plain, one UTF-16 unit for one, so every index
  // found there is an index in `text` too.
  const plain = plainDigits(text);
  const spans: Span[] = [];
  const claim = (start: number, end: number, label: Label) => {
    if (!spans.some((s) => start < s.end && s.start < end)) spans.push({ start, end, label });
  };
  for (const [pattern, label] of EMAILS) {
    for (const m of plain.matchAll(pattern)) claim(m.index, m.index + m[0].length, label);
  }
  for (const m of plain.matchAll(IBAN_CANDIDATE)) {
    const length = validIbanLength(m[0]);
    if (length) claim(m.index, m.index + length, '[iban]');
  }
  const withoutDates = blank(plain, [...spans, ...datesAndTimes(plain)]);
  const runs = [...withoutDates.matchAll(DIGIT_RUN)];
  for (const m of runs) if (isCardNumber(m[0])) claim(m.index, m.index + m[0].length, '[card]');
  for (const { start, end } of phoneNumbers(withoutDates)) claim(start, end, '[phone]');
  for (const m of runs) {
    const label = digitRunLabel(m[0]);
    if (label) claim(m.index, m.index + m[0].length, label);
  }
  return spans
    .sort((a, b) => b.start - a.start)
    .reduce((out, s) => `${out.slice(0, s.start)}${s.label}${out.slice(s.end)}`, text);
}

type Label = '[email]' | '[phone]' | '[card]' | '[iban]' | '[number]';
interface Span {
  start: number;
  end: number;
  label: Label;
}

const LOCAL = String.raw`[\p{L}\p{N}._%+-]+`;
const LABEL = String.raw`[\p{L}\p{N}-]+`;
const TLD = String.raw`\p{L}{2,24}`;
// "zoe at example dot com": the words people write instead of "@" and "." to dodge spam filters. Only the common
// top-level domains that are not also everyday words, or "at that point in time" would read as an address.
const AT = String.raw`\s*[[({<]?\s*(?:at|arroba)\s*[\])}>]?\s*`;
const DOT = String.raw`\s*[[({<]?\s*(?:dot|punto|ponto|punkt|point)\s*[\])}>]?\s*`;
const WORD_TLD = '(?:com|net|org|info|biz|de|fr|es|nl|uk|co|io|br|jp|mx|eu|ch|se|dk|fi|pl|pt|ca|au|ru|cn)';
const EMAILS: ReadonlyArray<[RegExp, Label]> = [
  [new RegExp(String.raw`${LOCAL}\s*[@＠]\s*${LABEL}(?:\.${LABEL})*\.${TLD}\b`, 'gu'), '[email]'],
  [new RegExp(String.raw`${LOCAL}${AT}${LABEL}(?:${DOT}${LABEL})*${DOT}${WORD_TLD}\b`, 'giu'), '[email]'],
];

/** Two letters, two check digits, then 11–30 letters or digits, optionally in groups. */
const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){11,30}/g;

/** The length of the longest valid IBAN at the start of `candidate` (groups may run on into other words), or 0. */
function validIbanLength(candidate: string): number {
  for (let end = candidate.length; end >= 15; end--) {
    const part = candidate.slice(0, end);
    if (/[A-Z0-9]$/.test(part) && isValidIBAN(part.replace(/[ -]/g, ''))) return end;
  }
  return 0;
}

// National formats of the markets Kept's reps serve most; numbers written with a country code are found anyway.
const HOME_COUNTRIES = ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'BR', 'MX', 'JP', 'IN', 'AU'] as const;

/**
 * Phone numbers as libphonenumber reads them, written the way phone numbers are (a country code, or digits in
 * groups): somewhere in the world almost any short number is valid, so a bare run of digits is left to the rule
 * for long numbers below.
 */
function phoneNumbers(text: string): Array<{ start: number; end: number }> {
  const found = findNumbers(text, { v2: true });
  for (const country of HOME_COUNTRIES) found.push(...findNumbers(text, { defaultCountry: country, v2: true }));
  return found
    .map((n) => ({ start: n.startsAt, end: n.endsAt, written: text.slice(n.startsAt, n.endsAt) }))
    .filter(({ written }) => /^\+|[\s().-]/.test(written) && written.replace(/\D/g, '').length >= 7);
}

const DATE = String.raw`\b(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2}))\b`;
const TIME = String.raw`\b\d{1,2}[:h]\d{2}(?::\d{2})?\b`;
const DATE_OR_TIME = new RegExp(`${DATE}|${TIME}`, 'g');

/** Dates and times: digits that identify nobody, and that a phone pattern would otherwise take. */
function datesAndTimes(text: string): Span[] {
  return [...text.matchAll(DATE_OR_TIME)]
    .filter((m) => plausibleDate(m[0]))
    .map((m) => ({ start: m.index, end: m.index + m[0].length, label: '[number]' }));
}

function plausibleDate(value: string): boolean {
  if (/[:h]/.test(value)) return true;
  const parts = value.split(/[./-]/);
  const [a = 0, b = 0, c = 0] = parts.map(Number);
  if (parts[0]?.length === 4) return b >= 1 && b <= 12 && c >= 1 && c <= 31;
  // Day-month or month-day first: both numbers must fit one of the two readings.
  return a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (a <= 12 && b <= 31));
}

/** `text` with the spans' characters replaced by letters, so later patterns do not see them. */
function blank(text: string, spans: Span[]): string {
  return spans.reduce((out, s) => out.slice(0, s.start) + 'x'.repeat(s.end - s.start) + out.slice(s.end), text);
}

// Digits with the separators people type inside numbers; judged by how many digits they hold.
const DIGIT_RUN = /\+?\(?\d(?:[\d().-]|\s(?=[\d(]))*\d/g;

function isCardNumber(run: string): boolean {
  const digits = run.replace(/\D/g, '');
  return digits.length >= 13 && digits.length <= 19 && luhnValid(digits);
}

function digitRunLabel(run: string): Label | undefined {
  const digits = run.replace(/\D/g, '');
  if (digits.length < 6) return undefined;
  const phoneLike = /^\+|[\s().-]/.test(run) && digits.length >= 7 && digits.length <= 15;
  return phoneLike ? '[phone]' : '[number]';
}

/** The Luhn checksum card numbers carry. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

const FULL_WIDTH_DIGIT_ZERO = 0xff10;
const DASHES = /[\u2010-\u2015\u2212\ufe63\uff0d]/g;

/** Full-width digits and signs, and dashes of every kind, as their ASCII twins: one UTF-16 unit for one. */
function plainDigits(text: string): string {
  return text
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(48 + d.charCodeAt(0) - FULL_WIDTH_DIGIT_ZERO))
    .replace(/[\uff08\uff09\uff0b\uff0e\u3000]/g, (c) => FULL_WIDTH_SIGNS[c] ?? c)
    .replace(DASHES, '-');
}

const FULL_WIDTH_SIGNS: Record<string, string> = {
  '\uff08': '(',
  '\uff09': ')',
  '\uff0b': '+',
  '\uff0e': '.',
  '\u3000': ' ',
};
