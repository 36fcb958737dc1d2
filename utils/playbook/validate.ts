import type * as z from 'zod/mini';
import { Playbook } from './schema';

/** One thing wrong with a playbook, where it is ("behaviours[3].promiseId"; "" for the whole document). */
export interface PlaybookError {
  path: string;
  message: string;
}

export type PlaybookResult = { ok: true; playbook: Playbook } | { ok: false; errors: PlaybookError[] };

export const MAX_PLAYBOOK_BYTES = 1_000_000;

type Key = PropertyKey;

/** A key that reads as a name after a dot; any other (empty, or with dots or brackets) is quoted in brackets. */
const PLAIN_KEY = /^[^.[\]"]+$/;

/** `["behaviours", 3, "promiseId"]` → `behaviours[3].promiseId`; `["tagAliases", ""]` → `tagAliases[""]`. */
function pathText(path: readonly Key[]): string {
  let out = '';
  for (const key of path) {
    const name = String(key);
    if (typeof key === 'number') out += `[${key}]`;
    else if (!PLAIN_KEY.test(name)) out += `[${JSON.stringify(name)}]`;
    else out += out ? `.${name}` : name;
  }
  return out;
}

const own = (value: unknown, key: Key): unknown =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, key)
    ? (value as Record<Key, unknown>)[key]
    : undefined;

/** The input's value at a path, reading own properties only (no getters up the prototype chain). */
function valueAt(input: unknown, path: readonly Key[]): unknown {
  let value = input;
  for (const key of path) value = own(value, key);
  return value;
}

/** 2001 → "2,001". */
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** What a value is, short enough to quote in a message: `"Own It"`, `42`, `an array`, `nothing`. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${count(value.length)}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
};

/** Zod's own wording, used only where the schema gave a message of its own (its defaults need the locale loaded). */
const customMessage = (message: string) => (/^(Invalid|Too (big|small)|Unrecognized)\b/.test(message) ? '' : message);

function tooSmall(issue: z.core.$ZodIssueTooSmall, value: unknown): string {
  const min = Number(issue.minimum);
  if (issue.origin === 'string') return min === 1 ? 'must not be empty' : `must be at least ${count(min)} characters`;
  if (issue.origin === 'array') {
    return min === 1
      ? 'must have at least one item'
      : `must have at least ${count(min)} items (has ${describe(value)})`;
  }
  if (issue.inclusive === false) return `must be more than ${min} (got ${describe(value)})`;
  return `must be at least ${min} (got ${describe(value)})`;
}

function tooBig(issue: z.core.$ZodIssueTooBig, path: readonly Key[], value: unknown): string {
  const max = Number(issue.maximum);
  if (issue.origin === 'string') {
    const length = typeof value === 'string' ? ` (this one has ${count(value.length)})` : '';
    return `must be at most ${count(max)} characters${length}`;
  }
  if (issue.origin === 'array') {
    const last = path.at(-1);
    const what = typeof last === 'string' ? last : 'items';
    const length = Array.isArray(value) ? ` (got ${count(value.length)})` : '';
    return `at most ${count(max)} ${what}${length}`;
  }
  return `must be at most ${max} (got ${describe(value)})`;
}

/** A message a person editing the JSON can act on, whether or not Zod's English messages are loaded. */
function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  const value = valueAt(input, issue.path);
  const custom = customMessage(issue.message);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (issue.path.length === 0) return `a playbook must be a JSON object, not ${describe(value)}`;
      if (value === undefined) return `missing; expected ${expected}`;
      return `expected ${expected}, got ${describe(value)}`;
    }
    case 'too_small':
      return custom || tooSmall(issue, value);
    case 'too_big':
      return custom || tooBig(issue, issue.path, value);
    case 'invalid_format':
      if (custom) return `${custom} (got ${describe(value)})`;
      if (issue.format === 'datetime') {
        return `expected a date and time with a time zone, like "2026-11-01T00:00:00Z" (got ${describe(value)})`;
      }
      return `expected a valid ${issue.format} (got ${describe(value)})`;
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return `${custom || `expected one of ${options}`} (got ${describe(value)})`;
    }
    case 'invalid_union':
      if (value === undefined) return `missing; ${custom || 'expected a value'}`;
      return `${custom || 'does not match any allowed form'} (got ${describe(value)})`;
    default:
      return custom || issue.message || 'invalid value';
  }
}

const hasPath = (errors: PlaybookError[], path: string) => errors.some((e) => e.path === path);

/** The string ids of a list in the input, by index; items that are not objects with a string id are left out. */
function idsOf(list: unknown): Map<number, string> {
  const ids = new Map<number, string>();
  if (!Array.isArray(list)) return ids;
  list.forEach((item, i) => {
    const id = own(item, 'id');
    if (typeof id === 'string') ids.set(i, id);
  });
  return ids;
}

function duplicates(field: string, ids: Map<number, string>, errors: PlaybookError[]) {
  const seen = new Set<string>();
  for (const [i, id] of ids) {
    if (seen.has(id)) errors.push({ path: `${field}[${i}].id`, message: `duplicate id ${JSON.stringify(id)}` });
    seen.add(id);
  }
}

/**
 * Checks across fields, run on the raw input so they report alongside shape errors: unique ids, references from
 * behaviours to promises and roles. A reference already reported as malformed is not reported again.
 */
function crossChecks(input: unknown, shapeErrors: PlaybookError[]): PlaybookError[] {
  const errors: PlaybookError[] = [];
  const promiseList = own(input, 'promises');
  const roleList = own(input, 'roles');
  const promiseIds = idsOf(promiseList);
  const roleIds = idsOf(roleList);
  const behaviourIds = idsOf(own(input, 'behaviours'));
  duplicates('promises', promiseIds, errors);
  duplicates('roles', roleIds, errors);
  duplicates('behaviours', behaviourIds, errors);
  for (const [i, id] of roleIds) {
    if (id === 'all') {
      errors.push({
        path: `roles[${i}].id`,
        message: '"all" is reserved: a behaviour\'s roles "all" means every role',
      });
    }
  }

  const promises = new Set(promiseIds.values());
  const roles = new Set(roleIds.values());
  const behaviours = own(input, 'behaviours');
  if (!Array.isArray(behaviours)) return errors;
  behaviours.forEach((behaviour, i) => {
    const promiseId = own(behaviour, 'promiseId');
    const promisePath = `behaviours[${i}].promiseId`;
    if (Array.isArray(promiseList) && typeof promiseId === 'string' && !promises.has(promiseId)) {
      if (!hasPath(shapeErrors, promisePath)) {
        errors.push({ path: promisePath, message: `no promise ${JSON.stringify(promiseId)}` });
      }
    }
    const behaviourRoles = own(behaviour, 'roles');
    if (!Array.isArray(behaviourRoles)) return;
    const listed = new Set<string>();
    behaviourRoles.forEach((roleId, j) => {
      const rolePath = `behaviours[${i}].roles[${j}]`;
      if (typeof roleId !== 'string' || hasPath(shapeErrors, rolePath)) return;
      if (listed.has(roleId))
        errors.push({ path: rolePath, message: `role ${JSON.stringify(roleId)} is listed twice` });
      else if (Array.isArray(roleList) && !roles.has(roleId)) {
        errors.push({ path: rolePath, message: `no role ${JSON.stringify(roleId)}` });
      }
      listed.add(roleId);
    });
  });
  return errors;
}

/** UTF-8 length without allocating a copy; a lone surrogate counts as the 3 bytes of U+FFFD, as TextEncoder does. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function tooLarge(size: string): PlaybookError {
  return { path: '', message: `the playbook is ${size} bytes; the limit is ${count(MAX_PLAYBOOK_BYTES)} (1 MB)` };
}

/** The size of an object as JSON, or undefined when it cannot be written as JSON (cycles, BigInt, depth). */
function jsonBytes(input: unknown): number | undefined {
  try {
    const json = JSON.stringify(input);
    return typeof json === 'string' ? utf8Bytes(json) : undefined;
  } catch {
    return undefined;
  }
}

const FIELD_ORDER = ['', 'version', 'name', 'updatedAt', 'reviewedBy', 'reviewedAt', 'promises', 'roles', 'behaviours'];

/** Where an error sits in the document, coarsely: its top-level field, then the item of that list. */
function place(path: string): [number, number] {
  const [, field = '', index] = /^([A-Za-z]*)(?:\[(\d+)\])?/.exec(path) ?? [];
  const order = FIELD_ORDER.indexOf(field);
  return [order === -1 ? FIELD_ORDER.length : order, index === undefined ? -1 : Number(index)];
}

/** Errors in document order, so everything wrong with one item is listed together (the sort is stable). */
function inDocumentOrder(errors: PlaybookError[]): PlaybookError[] {
  const keyed = errors.map((error) => ({ error, at: place(error.path) }));
  keyed.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
  return keyed.map(({ error }) => error);
}

function check(input: unknown): PlaybookResult {
  const parsed = Playbook.safeParse(input);
  const errors: PlaybookError[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: pathText(issue.path), message: issueMessage(issue, input) }));
  errors.push(...crossChecks(input, errors));
  const bytes = jsonBytes(input);
  if (bytes !== undefined && bytes > MAX_PLAYBOOK_BYTES) errors.push(tooLarge(count(bytes)));
  if (errors.length > 0 || !parsed.success) return { ok: false, errors: inDocumentOrder(errors) };
  return { ok: true, playbook: parsed.data };
}

/** Checks a playbook object: its shape, then ids, references and size. Every problem is reported; never throws. */
export function parsePlaybook(input: unknown): PlaybookResult {
  try {
    return check(input);
  } catch (error) {
    // Only hostile inputs get here (throwing getters, proxies); say so rather than crash the page.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ path: '', message: `the playbook could not be read: ${reason}` }] };
  }
}

/** "Unexpected token … at position 12" → "… (line 2, column 3)", so the place can be found in an editor. */
function jsonErrorMessage(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /at position (\d+)/.exec(message);
  if (!at || /\bline\b/.test(message)) return message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

/** Checks playbook JSON text: the size cap, then JSON syntax, then everything parsePlaybook checks. */
export function parsePlaybookText(text: string): PlaybookResult {
  if (typeof text !== 'string') return parsePlaybook(text);
  // UTF-8 never takes fewer bytes than UTF-16 code units, so a long string is refused without counting.
  if (text.length > MAX_PLAYBOOK_BYTES) {
    return { ok: false, errors: [tooLarge(`more than ${count(MAX_PLAYBOOK_BYTES)}`)] };
  }
  const bytes = utf8Bytes(text);
  if (bytes > MAX_PLAYBOOK_BYTES) return { ok: false, errors: [tooLarge(count(bytes))] };
  const json = text.replace(/^\uFEFF/, '');
  if (json.trim() === '') return { ok: false, errors: [{ path: '', message: 'the playbook is empty' }] };
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `not valid JSON: ${jsonErrorMessage(error, json)}` }] };
  }
  return parsePlaybook(input);
}

/** `behaviours[3].promiseId: no promise "own-it"`; the message alone for the whole document. */
export function formatPlaybookError(e: PlaybookError): string {
  return e.path ? `${e.path}: ${e.message}` : e.message;
}
