// Property tests: what an admin imports (a playbook as JSON, a roster as CSV) never makes Kept throw. Every input
// ends as a valid result, or as errors that each say where (a path into the playbook, a row of the CSV) and what.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRosterCsv } from '@/utils/kudos/roster-csv';
import { Teammate } from '@/utils/kudos/schema';
import { DEFAULT_PLAYBOOK } from '@/utils/playbook/default';
import { Playbook } from '@/utils/playbook/schema';
import { type PlaybookResult, parsePlaybook, parsePlaybookText } from '@/utils/playbook/validate';

const RUNS = 200;
const tried = { playbooks: 0, playbooksOk: 0, playbookTexts: 0, rosters: 0, rostersOk: 0 };
afterAll(() => {
  console.info(
    `[property] ${tried.playbooks} playbook objects (${tried.playbooksOk} valid), ${tried.playbookTexts} playbook ` +
      `texts, ${tried.rosters} roster files (${tried.rostersOk} valid)`,
  );
});

type Json = unknown;
type Key = string | number;

/** Every place in a JSON value, as paths from the root. */
function pathsOf(value: Json, at: Key[] = [], out: Key[][] = []): Key[][] {
  out.push(at);
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) pathsOf(item, [...at, i], out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...at, key], out);
  }
  return out;
}

const HOSTILE = fc.constantFrom(
  '<img src=x onerror="window.__keptXss=1">',
  '<script>window.__keptXss=1</script>',
  '__proto__',
  'constructor',
  '',
  'x'.repeat(5000),
  -1,
  Number.POSITIVE_INFINITY,
  Number.NaN,
  0.5,
  null,
  true,
  [],
  {},
);

/** One edit an admin (or a bad export) could make: delete a key, replace a value, duplicate a list item. */
const edit = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'duplicate', 'rename'),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), HOSTILE),
  key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'id', 'promiseId', 'roles')),
});
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

function applyEdit(root: Json, { at, op, value, key }: Edit): Json {
  const paths = pathsOf(root);
  const path = paths[at % paths.length] ?? [];
  if (path.length === 0) return op === 'replace' ? value : root;
  const parent = path.slice(0, -1).reduce<Json>((node, k) => (node as Record<Key, Json>)[k], root) as
    | Record<Key, Json>
    | Json[];
  const last = path[path.length - 1] as Key;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (op === 'delete') parent.splice(last, 1);
    else if (op === 'duplicate') parent.splice(last, 0, structuredClone(parent[last]));
    else parent[last] = value;
  } else {
    const record = parent as Record<Key, Json>;
    if (op === 'delete') delete record[last];
    else if (op === 'rename') {
      Object.defineProperty(record, key, { value: record[last], enumerable: true, writable: true, configurable: true });
      if (key !== last) delete record[last];
    } else record[last] = value;
  }
  return root;
}

/** The default playbook with a few random edits: close to valid, which is where validators break. */
const editedPlaybook = fc
  .array(edit, { minLength: 1, maxLength: 6 })
  .map((edits) => edits.reduce<Json>(applyEdit, structuredClone(DEFAULT_PLAYBOOK)));

const anyPlaybookInput = fc.oneof(
  editedPlaybook,
  fc.jsonValue({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true }),
);

/** `behaviours[3].promiseId`, `promises`, or '' for the whole document. */
// A segment is a list index, a plain key after a dot, or any other key quoted in brackets (`tagAliases[""]`).
const PATH = /^$|^([^.[\]"]+|\[".*?"\])(\[\d+\]|\.[^.[\]"]+|\[".*?"\])*$/;

function assertPlaybookResult(result: PlaybookResult): void {
  if (result.ok) {
    expect(Playbook.safeParse(result.playbook).success).toBe(true);
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(typeof error.path).toBe('string');
    expect(error.path).toMatch(PATH);
    expect(typeof error.message).toBe('string');
    expect(error.message.trim()).not.toBe('');
  }
}

describe('importing a playbook', () => {
  it('any value: a valid playbook, or errors each with a path and a message', () => {
    fc.assert(
      fc.property(anyPlaybookInput, (input) => {
        tried.playbooks++;
        const result = parsePlaybook(input);
        assertPlaybookResult(result);
        if (result.ok) tried.playbooksOk++;
      }),
      { numRuns: RUNS },
    );
  });

  it('the default playbook edited at random: every error names a place the file has (or a key it lacks)', () => {
    fc.assert(
      fc.property(editedPlaybook, (input) => {
        tried.playbooks++;
        const result = parsePlaybook(input);
        assertPlaybookResult(result);
        if (result.ok) {
          tried.playbooksOk++;
          return;
        }
        const known = new Set(pathsOf(input).map((p) => p.join('/')));
        for (const error of result.errors) {
          if (!error.path) continue;
          // The place's parent exists in the file: an error never points somewhere the admin cannot find.
          const keys = error.path.match(/[^.[\]]+/g) ?? [];
          expect(known.has(keys.slice(0, -1).join('/')) || known.has(keys.join('/')), error.path).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('any text, JSON or not: a valid playbook, or errors each with a path and a message', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 3 }),
      editedPlaybook.map((p) => JSON.stringify(p)),
      editedPlaybook.chain((p) => {
        const json = JSON.stringify(p, null, 2) ?? '';
        return fc.nat({ max: json.length }).map((cut) => json.slice(0, cut));
      }),
      fc.constantFrom('\uFEFF', '\uFEFF{}', '   ', 'null', '[]', '"playbook"', '{"version":1}'),
    );
    fc.assert(
      fc.property(text, (input) => {
        tried.playbookTexts++;
        assertPlaybookResult(parsePlaybookText(input));
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------- rosters ----------

const cell = fc.oneof(
  fc.constantFrom(
    'Sam Rivera',
    'sam@acme.test',
    'SAM@ACME.TEST',
    'Billing',
    'Rivera, Sam',
    '"quoted"',
    'not-an-email',
    '=HYPERLINK("http://evil")',
    "'=SUM(A1)",
    '<img src=x onerror="window.__keptXss=1">',
    '',
    ' ',
    'x'.repeat(300),
    'Zoë Ångström',
    '名前',
  ),
  fc.string({ maxLength: 30 }),
);

/** Writes cells as a spreadsheet would (quoting where needed), or carelessly (not quoting), at random. */
const csvText = fc
  .record({
    header: fc.option(fc.shuffledSubarray(['name', 'email', 'team', 'phone'], { minLength: 1 }), { nil: undefined }),
    rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 5 }), { maxLength: 12 }),
    quote: fc.boolean(),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
  })
  .map(({ header, rows, quote, newline, bom }) => {
    const write = (c: string) => (quote && /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const lines = [...(header ? [header] : []), ...rows].map((row) => row.map(write).join(','));
    return `${bom ? '\uFEFF' : ''}${lines.join(newline)}`;
  });

describe('importing a roster from CSV', () => {
  it('any file: teammates that pass the schema, or errors each with a row and a message', () => {
    fc.assert(
      fc.property(fc.oneof(csvText, fc.string({ maxLength: 300 })), (text) => {
        tried.rosters++;
        const result = parseRosterCsv(text);
        if (result.ok) {
          tried.rostersOk++;
          expect(result.people.length).toBeGreaterThan(0);
          for (const person of result.people) expect(Teammate.safeParse(person).success).toBe(true);
          const emails = result.people.flatMap((p) => (p.email ? [p.email.toLowerCase()] : []));
          expect(new Set(emails).size).toBe(emails.length);
          return;
        }
        expect(result.errors.length).toBeGreaterThan(0);
        const records = text.split(/\r\n|\r|\n/).length;
        for (const error of result.errors) {
          expect(Number.isInteger(error.row)).toBe(true);
          expect(error.row).toBeGreaterThanOrEqual(0);
          expect(error.row).toBeLessThanOrEqual(records + 1);
          expect(error.message.trim()).not.toBe('');
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
