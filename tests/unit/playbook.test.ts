import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { DEFAULT_PLAYBOOK } from '@/utils/playbook/default';
import { CASE_SIGNAL_IDS, CHANNELS, type Playbook } from '@/utils/playbook/schema';
import {
  formatPlaybookError,
  MAX_PLAYBOOK_BYTES,
  type PlaybookResult,
  parsePlaybook,
  parsePlaybookText,
} from '@/utils/playbook/validate';

/** A small valid playbook: two promises, two roles, six behaviours. */
function small(): Playbook {
  const b = (id: string, promiseId: string, roles: Playbook['behaviours'][number]['roles']) => ({
    id,
    promiseId,
    roles,
    text: `Do ${id}.`,
  });
  return {
    version: 1,
    name: 'Test playbook',
    updatedAt: '2026-11-01T00:00:00Z',
    promises: [
      { id: 'no-repeat', title: 'You never have to repeat yourself', summary: '' },
      { id: 'truth', title: 'We tell you the truth', summary: '' },
    ],
    roles: [
      { id: 'frontline', name: 'Frontline', description: '' },
      { id: 'technical', name: 'Technical', description: '' },
    ],
    behaviours: [
      b('b0', 'no-repeat', 'all'),
      b('b1', 'no-repeat', ['frontline']),
      b('b2', 'truth', ['technical']),
      b('b3', 'truth', 'all'),
      b('b4', 'truth', ['frontline', 'technical']),
      b('b5', 'no-repeat', ['technical']),
    ],
  };
}

/** The small playbook with one behaviour changed. */
function withBehaviour(i: number, patch: Record<string, unknown>): Playbook {
  const playbook = small();
  playbook.behaviours[i] = { ...playbook.behaviours[i], ...patch } as Playbook['behaviours'][number];
  return playbook;
}

function errorsOf(result: PlaybookResult): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatPlaybookError);
}

describe('parsePlaybook: references and ids', () => {
  it('accepts a valid playbook and returns it', () => {
    const result = parsePlaybook(small());
    expect(result).toEqual({ ok: true, playbook: small() });
  });

  it('names a behaviour whose promise does not exist', () => {
    const playbook = withBehaviour(3, { promiseId: 'own-it' });
    expect(errorsOf(parsePlaybook(playbook))).toEqual(['behaviours[3].promiseId: no promise "own-it"']);
  });

  it('names a role a behaviour lists that does not exist', () => {
    const playbook = withBehaviour(5, { roles: ['frontline', 'billing'] });
    expect(errorsOf(parsePlaybook(playbook))).toEqual(['behaviours[5].roles[1]: no role "billing"']);
  });

  it('reports duplicate promise, role and behaviour ids at each repeat', () => {
    const playbook = withBehaviour(4, { id: 'b1' });
    playbook.promises.push({ id: 'truth', title: 'Again', summary: '' });
    playbook.roles.push({ id: 'frontline', name: 'Again', description: '' });
    playbook.behaviours.push({ id: 'b1', promiseId: 'truth', roles: 'all', text: 'Again.' });
    expect(errorsOf(parsePlaybook(playbook))).toEqual([
      'promises[2].id: duplicate id "truth"',
      'roles[2].id: duplicate id "frontline"',
      'behaviours[4].id: duplicate id "b1"',
      'behaviours[6].id: duplicate id "b1"',
    ]);
  });

  it('refuses a role listed twice on one behaviour, and a role called "all"', () => {
    const playbook = withBehaviour(1, { roles: ['frontline', 'frontline'] });
    playbook.roles.push({ id: 'all', name: 'Everyone', description: '' });
    expect(errorsOf(parsePlaybook(playbook))).toEqual([
      'roles[2].id: "all" is reserved: a behaviour\'s roles "all" means every role',
      'behaviours[1].roles[1]: role "frontline" is listed twice',
    ]);
  });

  it('reports every error at once, shape and references together, in document order', () => {
    const input = {
      ...small(),
      version: 0,
      updatedAt: 'yesterday',
      promises: [...small().promises, { id: 'Own It', title: '', summary: 'x' }],
    } as Record<string, unknown>;
    const behaviours = small().behaviours as unknown[];
    behaviours[1] = { id: 'b1', promiseId: 'gone', roles: ['billing'], text: '' };
    behaviours[2] = { id: 'b0', promiseId: 'truth', roles: 'everyone', text: 'Do.', when: { signals: ['angry'] } };
    input.behaviours = behaviours;
    expect(errorsOf(parsePlaybook(input))).toEqual([
      'version: must be more than 0 (got 0)',
      'updatedAt: expected a date and time with a time zone, like "2026-11-01T00:00:00Z" (got "yesterday")',
      'promises[2].id: use lower-case letters, digits and dashes (got "Own It")',
      'promises[2].title: must not be empty',
      'behaviours[1].text: must not be empty',
      'behaviours[1].promiseId: no promise "gone"',
      'behaviours[1].roles[0]: no role "billing"',
      'behaviours[2].roles: use "all" or a list of role ids (got "everyone")',
      'behaviours[2].when.signals[0]: expected one of "repeat-contact", "last-rating-bad", "other-open", "first-contact", "last-rating-comment" (got "angry")',
      'behaviours[2].id: duplicate id "b0"',
    ]);
  });

  it('does not report a malformed reference twice', () => {
    const playbook = withBehaviour(0, { promiseId: 'No Repeat', roles: ['Front Line'] });
    expect(errorsOf(parsePlaybook(playbook))).toEqual([
      'behaviours[0].promiseId: use lower-case letters, digits and dashes (got "No Repeat")',
      'behaviours[0].roles[0]: use lower-case letters, digits and dashes (got "Front Line")',
    ]);
  });
});

describe('parsePlaybook: shape messages', () => {
  it('says what was expected and what was found', () => {
    const input = { ...small(), name: 42, roles: 'frontline', reviewedAt: '2026-11-01' } as Record<string, unknown>;
    delete input.version;
    expect(errorsOf(parsePlaybook(input))).toEqual([
      'version: missing; expected a number',
      'name: expected a string, got 42',
      'reviewedAt: expected a date and time with a time zone, like "2026-11-01T00:00:00Z" (got "2026-11-01")',
      'roles: expected an array, got "frontline"',
    ]);
  });

  it('refuses what is not an object as a whole', () => {
    for (const input of [null, undefined, 'playbook', 3, [small()]]) {
      const result = parsePlaybook(input);
      expect(result).toEqual({
        ok: false,
        errors: [{ path: '', message: expect.stringMatching(/^a playbook must be a JSON object, not /) }],
      });
    }
    expect(errorsOf(parsePlaybook([]))).toEqual(['a playbook must be a JSON object, not an array of 0']);
  });

  it('refuses an empty list where at least one item is needed', () => {
    const input = { ...small(), promises: [], behaviours: [] };
    expect(errorsOf(parsePlaybook(input))).toEqual(['promises: must have at least one item']);
  });

  describe('without Zod’s English messages loaded (as in the content script)', () => {
    beforeEach(() => {
      z.config({ localeError: undefined });
    });
    afterEach(() => {
      z.config(z.locales.en());
    });

    it('still says what is wrong, never just "Invalid input"', () => {
      const input = { ...small(), version: 1.5, name: '', updatedAt: 'x', roles: [{ id: 'x', name: 'X' }] };
      const errors = errorsOf(parsePlaybook(input));
      expect(errors).toEqual([
        'version: expected a whole number, got 1.5',
        'name: must not be empty',
        'updatedAt: expected a date and time with a time zone, like "2026-11-01T00:00:00Z" (got "x")',
        'roles[0].description: missing; expected a string',
        'behaviours[1].roles[0]: no role "frontline"',
        'behaviours[2].roles[0]: no role "technical"',
        'behaviours[4].roles[0]: no role "frontline"',
        'behaviours[4].roles[1]: no role "technical"',
        'behaviours[5].roles[0]: no role "technical"',
      ]);
      expect(errors.join('\n')).not.toMatch(/Invalid input/);
    });
  });
});

describe('size limits', () => {
  it('accepts 2,000 behaviours and refuses 2,001', () => {
    const many = (n: number) => ({
      ...small(),
      behaviours: Array.from({ length: n }, (_, i) => ({ id: `b${i}`, promiseId: 'truth', roles: 'all', text: 'Do.' })),
    });
    expect(parsePlaybook(many(2000)).ok).toBe(true);
    expect(errorsOf(parsePlaybook(many(2001)))).toEqual(['behaviours: at most 2,000 behaviours (got 2,001)']);
  });

  it('refuses a playbook object over 1 MB', () => {
    const detail = 'x'.repeat(1000);
    const input = {
      ...small(),
      behaviours: Array.from({ length: 1100 }, (_, i) => ({
        id: `b${i}`,
        promiseId: 'truth',
        roles: 'all',
        text: 'Do.',
        detail,
      })),
    };
    const errors = errorsOf(parsePlaybook(input));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^the playbook is 1,1\d\d,\d{3} bytes; the limit is 1,000,000 \(1 MB\)$/);
  });

  it('refuses text over 1 MB before reading it, counting UTF-8 bytes', () => {
    const long = `{"name": "${'x'.repeat(MAX_PLAYBOOK_BYTES)}"}`;
    expect(errorsOf(parsePlaybookText(long))).toEqual([
      'the playbook is more than 1,000,000 bytes; the limit is 1,000,000 (1 MB)',
    ]);
    // 400,000 characters, but 1,200,010 bytes in UTF-8.
    const wide = `{"name": "${'€'.repeat(400_000)}"}`;
    expect(errorsOf(parsePlaybookText(wide))).toEqual([
      'the playbook is 1,200,012 bytes; the limit is 1,000,000 (1 MB)',
    ]);
  });
});

describe('parsePlaybookText', () => {
  it('reads a valid playbook, with or without a byte-order mark', () => {
    const json = JSON.stringify(small(), null, 2);
    expect(parsePlaybookText(json)).toEqual({ ok: true, playbook: small() });
    expect(parsePlaybookText(`\uFEFF${json}`)).toEqual({ ok: true, playbook: small() });
  });

  it('explains a JSON syntax error with the line and column', () => {
    const errors = errorsOf(parsePlaybookText('{\n  "version": 1,\n  "name": "x",\n}'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^not valid JSON: .+/);
    expect(errors[0]).toMatch(/line 4, column 1/);
  });

  it('says when the text is empty', () => {
    expect(errorsOf(parsePlaybookText('  \n'))).toEqual(['the playbook is empty']);
  });

  it('checks the parsed JSON like an object', () => {
    expect(errorsOf(parsePlaybookText('[]'))).toEqual(['a playbook must be a JSON object, not an array of 0']);
  });

  it('does not let "__proto__" keys reach the prototype', () => {
    const text = JSON.stringify(small()).replace(/^\{/, '{"__proto__":{"polluted":true},');
    const result = parsePlaybookText(text);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(Object.hasOwn(result.playbook, '__proto__')).toBe(false);
      expect(Object.getPrototypeOf(result.playbook)).toBe(Object.prototype);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('never throws', () => {
  /** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
  function random(seed: number) {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function deep(depth: number): unknown {
    let value: unknown = {};
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  }

  const cyclic: Record<string, unknown> = { ...small() };
  cyclic.self = cyclic;
  const throwing = Object.defineProperty({ ...small() }, 'promises', {
    enumerable: true,
    get() {
      throw new Error('boom');
    },
  });
  const hostile = new Proxy(
    {},
    {
      get() {
        throw new Error('no');
      },
      ownKeys() {
        throw new Error('no');
      },
    },
  );

  const crafted: unknown[] = [
    null,
    undefined,
    0,
    Number.NaN,
    '',
    'null',
    true,
    [],
    {},
    Object.create(null),
    Symbol('x'),
    10n,
    () => small(),
    new Date(),
    /x/,
    new Map([['version', 1]]),
    deep(100_000),
    { ...small(), behaviours: deep(100_000) },
    { ...small(), promises: [deep(10_000)] },
    { ...small(), behaviours: [{ ...small().behaviours[0], when: deep(10_000) }] },
    { ...small(), behaviours: [{ ...small().behaviours[0], roles: [deep(10_000)] }] },
    { ...small(), version: 10n },
    { ...small(), roles: [{ id: 'constructor', name: 'x', description: '' }] },
    { ...small(), behaviours: [{ ...small().behaviours[0], roles: ['constructor', '__proto__', 'toString'] }] },
    { ...small(), behaviours: [{ ...small().behaviours[0], promiseId: 'hasOwnProperty' }] },
    JSON.parse('{"__proto__":{"version":1},"constructor":{"prototype":{"x":1}}}'),
    cyclic,
    throwing,
    hostile,
  ];

  it('on crafted inputs', () => {
    for (const input of crafted) {
      const result = parsePlaybook(input);
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) {
        expect(result.errors.length).toBeGreaterThan(0);
        for (const e of result.errors) expect(typeof formatPlaybookError(e)).toBe('string');
      }
    }
    expect(errorsOf(parsePlaybook(throwing))).toEqual(['the playbook could not be read: boom']);
  });

  it('on random damage to a valid playbook', () => {
    const next = random(20261101);
    const junk = () =>
      [null, -1, 1.5, '', 'X', 'all', '__proto__', [], {}, [null], { id: 1 }, true, 'truth', 'frontline'][
        Math.floor(next() * 14)
      ];
    for (let round = 0; round < 300; round++) {
      const playbook = JSON.parse(JSON.stringify(DEFAULT_PLAYBOOK)) as Record<string, unknown>;
      for (let hits = 0; hits < 1 + Math.floor(next() * 4); hits++) {
        // Walk down a random path and replace what is there.
        let node: unknown = playbook;
        let parent: Record<string, unknown> | unknown[] = playbook;
        let key: string | number = 'name';
        while (node !== null && typeof node === 'object' && next() < 0.75) {
          const keys = Object.keys(node);
          if (keys.length === 0) break;
          parent = node as Record<string, unknown>;
          key = keys[Math.floor(next() * keys.length)] ?? key;
          node = (node as Record<string, unknown>)[key];
        }
        (parent as Record<string, unknown>)[key] = junk();
      }
      const text = JSON.stringify(playbook);
      const fromText = parsePlaybookText(text.slice(0, Math.floor(next() * (text.length + 1))));
      const result = parsePlaybook(playbook);
      for (const r of [result, fromText]) {
        if (!r.ok) for (const e of r.errors) expect(e.message.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('paths to keys that are not plain names', () => {
  it('quotes an empty or dotted synonym key in brackets, so the path still points at one place', () => {
    const result = parsePlaybook({ ...DEFAULT_PLAYBOOK, tagAliases: { '': 'x', 'a.b': 'not a list' } });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    expect(paths).toContain('tagAliases[""]');
    expect(paths).toContain('tagAliases["a.b"]');
  });
});

describe('formatPlaybookError', () => {
  it('puts the path first, and leaves it out for the whole document', () => {
    expect(formatPlaybookError({ path: 'behaviours[3].promiseId', message: 'no promise "own-it"' })).toBe(
      'behaviours[3].promiseId: no promise "own-it"',
    );
    expect(formatPlaybookError({ path: '', message: 'the playbook is empty' })).toBe('the playbook is empty');
  });
});

describe('DEFAULT_PLAYBOOK', () => {
  const { promises, roles, behaviours } = DEFAULT_PLAYBOOK;
  const rolesOf = (b: (typeof behaviours)[number]) => (b.roles === 'all' ? roles.map((r) => r.id) : b.roles);

  it('is valid, also as exported JSON', () => {
    expect(parsePlaybook(DEFAULT_PLAYBOOK)).toEqual({ ok: true, playbook: DEFAULT_PLAYBOOK });
    expect(parsePlaybookText(JSON.stringify(DEFAULT_PLAYBOOK, null, 2)).ok).toBe(true);
  });

  it('says what it is and when it was reviewed', () => {
    expect(DEFAULT_PLAYBOOK).toMatchObject({
      version: 1,
      name: 'Kept starter playbook',
      updatedAt: '2026-11-01T00:00:00Z',
      reviewedAt: '2026-11-01T00:00:00Z',
      reviewedBy: 'Kept',
    });
  });

  it('has five promises with summaries, and the five roles with descriptions', () => {
    expect(promises).toHaveLength(5);
    for (const p of promises) expect(p.summary.length).toBeGreaterThan(20);
    expect(roles.map((r) => r.id)).toEqual(['frontline', 'technical', 'billing', 'team-lead', 'product-partner']);
    for (const r of roles) expect(r.description.length).toBeGreaterThan(20);
  });

  it('gives each role at most 20 behaviours, each a sentence or two ending in a full stop', () => {
    for (const role of roles)
      expect(behaviours.filter((b) => rolesOf(b).includes(role.id)).length).toBeLessThanOrEqual(20);
    for (const b of behaviours) {
      expect(b.text).toMatch(/^[A-Z].*[.”]$/);
      expect(b.text.length).toBeLessThanOrEqual(200);
      if (b.detail) expect(b.detail).toMatch(/[.”]$/);
    }
    expect(behaviours.some((b) => b.roles === 'all')).toBe(true);
  });

  it('gives every role at least one behaviour for every promise', () => {
    for (const role of roles) {
      for (const promise of promises) {
        const found = behaviours.filter((b) => b.promiseId === promise.id && rolesOf(b).includes(role.id));
        expect(found.length, `${role.id} / ${promise.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('has a triggered behaviour for every case signal, for frontline', () => {
    for (const signal of CASE_SIGNAL_IDS) {
      const found = behaviours.filter((b) => b.when?.signals?.includes(signal) && rolesOf(b).includes('frontline'));
      expect(found.length, signal).toBeGreaterThan(0);
    }
  });

  it('has triggers on tags, channels and statuses, with tag synonyms', () => {
    const values = (kind: 'tags' | 'channels' | 'statuses') => new Set(behaviours.flatMap((b) => b.when?.[kind] ?? []));
    expect([...values('tags')]).toEqual(expect.arrayContaining(['refund', 'billing', 'outage']));
    expect([...values('channels')]).toEqual(expect.arrayContaining(['chat', 'voice', 'messaging']));
    expect([...values('statuses')]).toEqual(expect.arrayContaining(['pending', 'hold']));
    expect(DEFAULT_PLAYBOOK.tagAliases?.outage).toContain('incident');
  });

  it('names only Kept’s own channels in its triggers, so they fit every helpdesk', () => {
    const channels: readonly string[] = CHANNELS;
    for (const b of behaviours) for (const c of b.when?.channels ?? []) expect(channels).toContain(c);
  });

  it('gives reps peer recognition and raising blockers, and leads coaching, customer work and routines', () => {
    const of = (id: string) => behaviours.find((b) => b.id === id);
    expect(of('praise-a-colleague')).toMatchObject({ roles: ['frontline', 'technical', 'billing'], cadence: 'week' });
    expect(of('raise-what-got-in-the-way')?.roles).toEqual(['frontline', 'technical', 'billing']);
    for (const id of ['lead-coaches-weekly', 'lead-answers-customers', 'lead-clears-blockers']) {
      expect(of(id), id).toMatchObject({ roles: ['team-lead'], cadence: 'week' });
    }
    expect(of('lead-checks-due-updates')).toMatchObject({ roles: ['team-lead'], cadence: 'day' });
    // Every routine says how often in its own words.
    for (const b of behaviours.filter((b) => b.cadence)) expect(b.text).toMatch(/^Each (week|morning|day)/);
  });
});
