import { describe, expect, it } from 'vitest';
import { choiceIds, promiseChoices, roleOf, savedNote } from '@/utils/kudos/composer-state';
import type { Roster } from '@/utils/kudos/schema';
import {
  matchOptions,
  NOT_RECOGNISED_MS,
  parseRecipient,
  recipientOptions,
  rosterTeams,
  suggestRecipients,
} from '@/utils/kudos/suggest';
import { DEFAULT_PLAYBOOK } from '@/utils/playbook/default';
import type { Kudos } from '@/utils/schemas';
import { conversation, DAY, NOW } from './history-fixtures';

const roster: Roster = {
  people: [
    { name: 'Sam Rivera', email: 'sam@acme.test', team: 'Billing' },
    { name: 'Priya Nair', email: 'priya@acme.test', team: 'Engineering' },
    { name: 'Lee Chen', team: 'billing' },
    { name: 'Jo Park' },
  ],
  teams: ['Billing', 'Product'],
};

const kudosTo = (to: Kudos['to'], daysAgo: number): Kudos => ({
  id: `k-${to.name}-${daysAgo}`,
  createdAt: NOW - daysAgo * DAY,
  from: { name: 'Ada' },
  to,
  message: 'Thank you for the quick fix on the refund.',
  state: 'sent',
});

describe('recipients from the roster', () => {
  it('offers people as "Name — Team" and every team once as "Team: X"', () => {
    expect(rosterTeams(roster)).toEqual(['Billing', 'Product', 'Engineering']);
    expect(recipientOptions(roster).map((o) => o.label)).toEqual([
      'Sam Rivera — Billing',
      'Priya Nair — Engineering',
      'Lee Chen — billing',
      'Jo Park',
      'Team: Billing',
      'Team: Product',
      'Team: Engineering',
    ]);
  });

  it('matches what was typed anywhere in a label, starts of names first', () => {
    const options = recipientOptions(roster);
    expect(matchOptions(options, 'bill').map((o) => o.label)).toEqual([
      'Team: Billing',
      'Sam Rivera — Billing',
      'Lee Chen — billing',
    ]);
    expect(matchOptions(options, 'pr').map((o) => o.label)).toEqual(['Priya Nair — Engineering', 'Team: Product']);
    expect(matchOptions(options, '', 2)).toHaveLength(2);
  });

  it('reads the To text as a roster person, a team, or a free-text person', () => {
    expect(parseRecipient('Sam Rivera — Billing', roster)).toEqual({
      kind: 'person',
      name: 'Sam Rivera',
      email: 'sam@acme.test',
      team: 'Billing',
    });
    expect(parseRecipient('  sam rivera ', roster)).toMatchObject({ kind: 'person', email: 'sam@acme.test' });
    expect(parseRecipient('Team: product', roster)).toEqual({ kind: 'team', name: 'Product' });
    expect(parseRecipient('Team: Legal', roster)).toEqual({ kind: 'team', name: 'Legal' });
    expect(parseRecipient('engineering', roster)).toEqual({ kind: 'team', name: 'Engineering' });
    expect(parseRecipient('Zoë from Payments', roster)).toEqual({ kind: 'person', name: 'Zoë from Payments' });
    expect(parseRecipient('   ', roster)).toBeNull();
    expect(parseRecipient('Team:  ', roster)).toBeNull();
  });
});

describe('suggestRecipients', () => {
  const base = { roster, history: [], kudos: [], now: NOW };

  it('suggests everyone never praised, in roster order, with the reason', () => {
    const suggestions = suggestRecipients(base);
    expect(suggestions.map((s) => [s.recipient.name, s.reasons])).toEqual([
      ['Sam Rivera', ['never recognised yet']],
      ['Priya Nair', ['never recognised yet']],
      ['Lee Chen', ['never recognised yet']],
      ['Jo Park', ['never recognised yet']],
    ]);
    expect(suggestions[0]?.label).toBe('Sam Rivera — Billing');
  });

  it('leaves out people praised in the last 30 days, by email or by name, and puts the longest wait first', () => {
    const kudos = [
      kudosTo({ kind: 'person', name: 'S. Rivera', email: 'SAM@acme.test' }, 3),
      kudosTo({ kind: 'person', name: 'priya nair' }, 45),
      kudosTo({ kind: 'person', name: 'Jo Park' }, 90),
      kudosTo({ kind: 'person', name: 'Jo Park' }, 31),
    ];
    const suggestions = suggestRecipients({ ...base, kudos });
    expect(suggestions.map((s) => [s.recipient.name, s.reasons])).toEqual([
      ['Lee Chen', ['never recognised yet']],
      ['Priya Nair', ['not recognised for 30 days']],
      ['Jo Park', ['not recognised for 30 days']],
    ]);
  });

  it('counts a kudos exactly 30 days old as recent', () => {
    expect(30 * DAY).toBe(NOT_RECOGNISED_MS);
    const suggestions = suggestRecipients({ ...base, kudos: [kudosTo({ kind: 'person', name: 'Lee Chen' }, 30)] });
    expect(suggestions.map((s) => s.recipient.name)).not.toContain('Lee Chen');
  });

  it('puts first who handled this customer before, when the assignee matches a roster email or name', () => {
    const history = [
      conversation('1', { assigneeId: '11', assignee: { email: 'priya@acme.test' }, updatedAt: NOW - 5 * DAY }),
      conversation('2', { assigneeId: '11', assignee: { name: 'Priya Nair' }, updatedAt: NOW - 9 * DAY }),
      conversation('3', { assigneeId: '12', assignee: { name: 'jo park' }, updatedAt: NOW - 2 * DAY }),
      // Only a helpdesk user id, no name or email: no suggestion of this kind.
      conversation('4', { assigneeId: '90412233' }),
      conversation('5'),
    ];
    const kudos = [kudosTo({ kind: 'person', name: 'Jo Park' }, 1)];
    const suggestions = suggestRecipients({ ...base, history, kudos });
    expect(suggestions.map((s) => [s.recipient.name, s.reasons])).toEqual([
      ['Priya Nair', ['handled this customer 2 times', 'never recognised yet']],
      ['Jo Park', ['handled this customer before']],
      ['Sam Rivera', ['never recognised yet']],
      ['Lee Chen', ['never recognised yet']],
    ]);
  });

  it('gives no "handled" suggestion when no assignee matches', () => {
    const history = [conversation('1', { assigneeId: '377101' })];
    const suggestions = suggestRecipients({ ...base, history });
    expect(suggestions.flatMap((s) => s.reasons)).not.toContain('handled this customer before');
  });

  it('takes a mapping from helpdesk user ids once one exists', () => {
    const history = [conversation('1', { assigneeId: '377101' })];
    const directory: Record<string, { email: string }> = { '377101': { email: 'lee@acme.test' } };
    const withEmail: Roster = {
      ...roster,
      people: roster.people.map((p) => (p.name === 'Lee Chen' ? { ...p, email: 'lee@acme.test' } : p)),
    };
    const [first] = suggestRecipients({
      ...base,
      roster: withEmail,
      history,
      assignee: (c) => (c.assigneeId ? directory[c.assigneeId] : undefined),
    });
    expect(first).toMatchObject({
      label: 'Lee Chen — billing',
      reasons: ['handled this customer before', 'never recognised yet'],
    });
  });

  it('never suggests the rep themself, and gives five at most', () => {
    const many: Roster = {
      teams: [],
      people: Array.from({ length: 9 }, (_, i) => ({ name: `Person ${i}`, email: `p${i}@acme.test` })),
    };
    const suggestions = suggestRecipients({ ...base, roster: many, self: { name: '', email: 'P0@acme.test' } });
    expect(suggestions.map((s) => s.recipient.name)).toEqual([
      'Person 1',
      'Person 2',
      'Person 3',
      'Person 4',
      'Person 5',
    ]);
  });

  it('is empty for an empty roster', () => {
    expect(suggestRecipients({ ...base, roster: { people: [], teams: ['Billing'] } })).toEqual([]);
  });
});

describe('promise choices', () => {
  const role = (id: string) => roleOf(DEFAULT_PLAYBOOK, id);
  const ids = (choices: ReturnType<typeof promiseChoices>) =>
    choices.groups.map((g) => [g.promise.id, g.behaviours.map((b) => b.id)]);

  it('lists every promise with the recipient’s role’s behaviours, in playbook order', () => {
    const facts = { signals: ['repeat-contact' as const], tags: [] };
    const billing = promiseChoices(DEFAULT_PLAYBOOK, role('billing'), facts);
    expect(billing.role?.name).toBe('Billing');
    expect(billing.groups.map((g) => g.promise.id)).toEqual(DEFAULT_PLAYBOOK.promises.map((p) => p.id));
    const roles = (b: (typeof DEFAULT_PLAYBOOK.behaviours)[number]) => b.roles === 'all' || b.roles.includes('billing');
    expect(ids(billing)).toEqual(
      DEFAULT_PLAYBOOK.promises.map((p) => [
        p.id,
        DEFAULT_PLAYBOOK.behaviours.filter((b) => b.promiseId === p.id && roles(b)).map((b) => b.id),
      ]),
    );
  });

  it('lists every behaviour, grouped by promise, when the recipient’s role is not known', () => {
    const all = promiseChoices(DEFAULT_PLAYBOOK, undefined, { signals: [], tags: [] });
    expect(all.role).toBeUndefined();
    expect(all.groups.flatMap((g) => g.behaviours)).toHaveLength(DEFAULT_PLAYBOOK.behaviours.length);
    for (const g of all.groups) expect(g.behaviours.every((b) => b.promiseId === g.promise.id)).toBe(true);
  });

  it('suggests the promise the case called for, never a behaviour the recipient is assumed to have done', () => {
    const facts = { signals: ['repeat-contact' as const], tags: [] };
    const frontline = promiseChoices(DEFAULT_PLAYBOOK, role('frontline'), facts);
    expect(frontline.suggested).toBe('promise:no-repeat');
    expect(frontline.suggestedReasons).toEqual(['repeat contact']);
    // The partner's behaviours have no repeat-contact trigger: nothing to suggest.
    expect(promiseChoices(DEFAULT_PLAYBOOK, role('product-partner'), facts).suggested).toBeUndefined();
    expect(promiseChoices(DEFAULT_PLAYBOOK, undefined, facts).suggested).toBe('promise:no-repeat');
    expect(promiseChoices(DEFAULT_PLAYBOOK, role('billing'), { signals: [], tags: [] }).suggested).toBeUndefined();
  });

  it('finds the roster’s role by id or name, in any case', () => {
    expect(roleOf(DEFAULT_PLAYBOOK, 'team-lead')?.id).toBe('team-lead');
    expect(roleOf(DEFAULT_PLAYBOOK, ' technical SUPPORT ')?.id).toBe('technical');
    expect(roleOf(DEFAULT_PLAYBOOK, 'astronaut')).toBeUndefined();
    expect(roleOf(DEFAULT_PLAYBOOK, undefined)).toBeUndefined();
  });

  it('turns the chosen value into ids', () => {
    expect(choiceIds('behaviour:recap-what-they-told-us', DEFAULT_PLAYBOOK)).toEqual({
      promiseId: 'no-repeat',
      behaviourId: 'recap-what-they-told-us',
    });
    expect(choiceIds('promise:no-repeat', DEFAULT_PLAYBOOK)).toEqual({ promiseId: 'no-repeat' });
    expect(choiceIds('promise:gone', DEFAULT_PLAYBOOK)).toEqual({});
    expect(choiceIds('', DEFAULT_PLAYBOOK)).toEqual({});
  });

  it('says where the kudos goes', () => {
    expect(savedNote({ kind: 'kept' })).toBe('Praise saved in Kept.');
    expect(savedNote({ kind: 'slack', url: 'https://hooks.slack.com/x' })).toBe('Praise saved. Sending to Slack…');
    expect(savedNote({ kind: 'teams', url: 'https://x.test/' })).toBe('Praise saved. Sending to Teams…');
    expect(savedNote({ kind: 'webhook', url: 'https://x.test/' })).toBe('Praise saved. Sending to your webhook…');
  });
});
