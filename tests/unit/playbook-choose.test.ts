import { describe, expect, it } from 'vitest';
import { isoWeek, routineKeyOf } from '@/utils/playbook/checklist';
import {
  behavioursFor,
  type CaseFacts,
  caseFactsOf,
  focusedBehaviours,
  matchReasons,
  tagSynonyms,
} from '@/utils/playbook/choose';
import { DEFAULT_PLAYBOOK } from '@/utils/playbook/default';
import { type Behaviour, Playbook } from '@/utils/playbook/schema';

const facts = (more: Partial<CaseFacts> = {}): CaseFacts => ({ signals: [], tags: [], ...more });

function playbook(behaviours: Behaviour[]): Playbook {
  return {
    version: 1,
    name: 'Test',
    updatedAt: '2026-11-01T00:00:00Z',
    promises: [
      { id: 'p1', title: 'First', summary: '' },
      { id: 'p2', title: 'Second', summary: '' },
      { id: 'p3', title: 'Third', summary: '' },
    ],
    roles: [
      { id: 'frontline', name: 'Frontline', description: '' },
      { id: 'billing', name: 'Billing', description: '' },
    ],
    behaviours,
  };
}

const b = (id: string, promiseId: string, roles: Behaviour['roles'], when?: Behaviour['when']): Behaviour => ({
  id,
  promiseId,
  roles,
  text: `Do ${id}.`,
  ...(when ? { when } : {}),
});

const ids = (groups: ReturnType<typeof behavioursFor>) =>
  groups.map((g) => [g.promise.id, g.behaviours.map((c) => c.behaviour.id)]);

describe('matchReasons', () => {
  it('gives no reasons without triggers', () => {
    expect(matchReasons(undefined, facts({ signals: ['repeat-contact'] }))).toEqual([]);
    expect(matchReasons({}, facts({ signals: ['repeat-contact'] }))).toEqual([]);
    expect(matchReasons({ tags: [], signals: [] }, facts({ tags: ['refund'] }))).toEqual([]);
  });

  it('labels each kind of reason', () => {
    const all = facts({
      signals: ['repeat-contact', 'last-rating-bad', 'other-open', 'first-contact'],
      tags: ['refund'],
      channel: 'chat',
      status: 'pending',
    });
    expect(
      matchReasons({ signals: ['repeat-contact', 'last-rating-bad', 'other-open', 'first-contact'] }, all),
    ).toEqual(['repeat contact', 'last rating bad', 'other open tickets', 'first contact']);
    expect(matchReasons({ tags: ['refund'] }, all)).toEqual(['tag "refund"']);
    expect(matchReasons({ channels: ['chat'] }, all)).toEqual(['chat']);
    expect(matchReasons({ statuses: ['pending'] }, all)).toEqual(['pending']);
  });

  it('matches any value within a kind', () => {
    const when = { tags: ['outage', 'incident'] };
    expect(matchReasons(when, facts({ tags: ['incident', 'vip'] }))).toEqual(['tag "incident"']);
    expect(matchReasons(when, facts({ tags: ['outage', 'incident'] }))).toEqual(['tag "outage"', 'tag "incident"']);
    expect(matchReasons(when, facts({ tags: ['vip'] }))).toEqual([]);
    expect(matchReasons({ statuses: ['pending', 'hold'] }, facts({ status: 'hold' }))).toEqual(['hold']);
  });

  it('needs every kind given to match', () => {
    const when: Behaviour['when'] = { signals: ['repeat-contact'], tags: ['refund'], channels: ['voice'] };
    expect(matchReasons(when, facts({ signals: ['repeat-contact'], tags: ['refund'], channel: 'voice' }))).toEqual([
      'repeat contact',
      'tag "refund"',
      'voice',
    ]);
    expect(matchReasons(when, facts({ signals: ['repeat-contact'], tags: ['refund'], channel: 'chat' }))).toEqual([]);
    expect(matchReasons(when, facts({ signals: ['repeat-contact'], tags: ['refund'] }))).toEqual([]);
    expect(matchReasons(when, facts({ tags: ['refund'], channel: 'voice' }))).toEqual([]);
  });

  it('compares tags and channels without regard to case', () => {
    expect(matchReasons({ tags: ['Refund'] }, facts({ tags: ['REFUND'] }))).toEqual(['tag "Refund"']);
    expect(matchReasons({ tags: [' refund '] }, facts({ tags: ['Refund'] }))).toEqual(['tag "refund"']);
    expect(matchReasons({ channels: ['Chat'] }, facts({ channel: 'chat' }))).toEqual(['chat']);
    expect(matchReasons({ channels: ['chat'] }, facts())).toEqual([]);
  });

  it('fits a channel trigger to the channel among Kept’s or to the helpdesk’s own word', () => {
    const whatsapp = facts({ channel: 'messaging', channelName: 'WhatsApp' });
    expect(matchReasons({ channels: ['messaging'] }, whatsapp)).toEqual(['messaging']);
    expect(matchReasons({ channels: ['whatsapp'] }, whatsapp)).toEqual(['whatsapp']);
    expect(matchReasons({ channels: ['sms'] }, whatsapp)).toEqual([]);
    expect(matchReasons({ channels: ['chat'] }, whatsapp)).toEqual([]);
    expect(matchReasons({ channels: [''] }, facts({ channel: 'other' }))).toEqual([]);
  });

  it('fits a tag trigger through the organisation’s synonyms, both ways and in any case', () => {
    const synonyms = tagSynonyms({ refund: ['refund_request', 'Money_Back'] });
    expect(matchReasons({ tags: ['refund'] }, facts({ tags: ['MONEY_BACK'] }), synonyms)).toEqual(['tag "refund"']);
    expect(matchReasons({ tags: ['Refund'] }, facts({ tags: ['refund_request'] }), synonyms)).toEqual(['tag "Refund"']);
    // A trigger written with a synonym fits the main tag and the other synonyms too.
    expect(matchReasons({ tags: ['money_back'] }, facts({ tags: ['refund'] }), synonyms)).toEqual(['tag "money_back"']);
    expect(matchReasons({ tags: ['refund'] }, facts({ tags: ['billing'] }), synonyms)).toEqual([]);
    // Without the playbook's synonyms a synonym is just another tag.
    expect(matchReasons({ tags: ['refund'] }, facts({ tags: ['money_back'] }))).toEqual([]);
  });

  it('keeps synonym groups apart unless a word joins them', () => {
    const synonyms = tagSynonyms({ outage: ['incident'], refund: ['money_back'], billing: ['money_back'] });
    expect(matchReasons({ tags: ['outage'] }, facts({ tags: ['money_back'] }), synonyms)).toEqual([]);
    expect(matchReasons({ tags: ['refund'] }, facts({ tags: ['money_back'] }), synonyms)).toEqual(['tag "refund"']);
    expect(matchReasons({ tags: ['billing'] }, facts({ tags: ['money_back'] }), synonyms)).toEqual(['tag "billing"']);
  });

  it('uses the playbook’s tagAliases when choosing behaviours', () => {
    const book = { ...playbook([b('r', 'p1', 'all', { tags: ['refund'] })]), tagAliases: { refund: ['money_back'] } };
    const [group] = behavioursFor(book, 'frontline', facts({ tags: ['Money_Back'] }));
    expect(group?.behaviours[0]?.reasons).toEqual(['tag "refund"']);
  });

  it('takes the facts from the case and its signals', () => {
    const signal = { id: 'last-rating-comment' as const, label: 'Last rating comment', reason: '“Sorted”' };
    expect(caseFactsOf({ tags: ['vip'], channel: 'voice', channelName: 'Phone', status: 'hold' }, [signal])).toEqual({
      signals: ['last-rating-comment'],
      tags: ['vip'],
      channel: 'voice',
      channelName: 'Phone',
      status: 'hold',
    });
    expect(caseFactsOf(null, undefined)).toEqual({ signals: [], tags: [] });
  });
});

describe('behavioursFor', () => {
  it('keeps the role’s behaviours: "all" and lists naming it', () => {
    const book = playbook([b('a', 'p1', 'all'), b('f', 'p1', ['frontline']), b('x', 'p1', ['billing', 'frontline'])]);
    expect(ids(behavioursFor(book, 'frontline', facts()))).toEqual([['p1', ['a', 'f', 'x']]]);
    expect(ids(behavioursFor(book, 'billing', facts()))).toEqual([['p1', ['a', 'x']]]);
    expect(ids(behavioursFor(book, 'nobody', facts()))).toEqual([['p1', ['a']]]);
  });

  it('leaves out promises with nothing for the role', () => {
    const book = playbook([b('a', 'p1', ['billing']), b('b', 'p2', ['frontline']), b('c', 'p3', 'all')]);
    expect(ids(behavioursFor(book, 'frontline', facts()))).toEqual([
      ['p2', ['b']],
      ['p3', ['c']],
    ]);
  });

  it('keeps playbook order when nothing fits', () => {
    const book = playbook([
      b('c', 'p2', 'all'),
      b('a', 'p1', 'all', { signals: ['first-contact'] }),
      b('b', 'p1', 'all'),
    ]);
    const groups = behavioursFor(book, 'frontline', facts({ signals: ['repeat-contact'] }));
    expect(ids(groups)).toEqual([
      ['p1', ['a', 'b']],
      ['p2', ['c']],
    ]);
    expect(groups.flatMap((g) => g.behaviours.map((c) => c.reasons))).toEqual([[], [], []]);
  });

  it('brings fitting behaviours, and the groups holding them, to the top', () => {
    const book = playbook([
      b('p1-plain', 'p1', 'all'),
      b('p2-plain', 'p2', 'all'),
      b('p2-refund', 'p2', 'all', { tags: ['refund'] }),
      b('p3-plain', 'p3', 'all'),
      b('p3-repeat', 'p3', ['frontline'], { signals: ['repeat-contact'] }),
      b('p3-chat', 'p3', 'all', { channels: ['chat'] }),
    ]);
    const groups = behavioursFor(book, 'frontline', facts({ signals: ['repeat-contact'], tags: ['Refund'] }));
    expect(ids(groups)).toEqual([
      ['p2', ['p2-refund', 'p2-plain']],
      ['p3', ['p3-repeat', 'p3-plain', 'p3-chat']],
      ['p1', ['p1-plain']],
    ]);
    expect(groups[0]?.behaviours[0]?.reasons).toEqual(['tag "refund"']);
    expect(groups[1]?.behaviours[0]?.reasons).toEqual(['repeat contact']);
  });

  it('does not change the playbook', () => {
    const book = playbook([b('a', 'p1', 'all'), b('b', 'p1', 'all', { signals: ['repeat-contact'] })]);
    const before = structuredClone(book);
    behavioursFor(book, 'frontline', facts({ signals: ['repeat-contact'] }));
    expect(book).toEqual(before);
  });

  describe('with the default playbook', () => {
    it('puts taking ownership first in its promise on a repeat contact', () => {
      const groups = behavioursFor(DEFAULT_PLAYBOOK, 'frontline', facts({ signals: ['repeat-contact'] }));
      const ownIt = groups.find((g) => g.promise.id === 'own-it');
      expect(ownIt?.behaviours[0]?.behaviour.id).toBe('take-ownership');
      expect(ownIt?.behaviours[0]?.behaviour.text).toMatch(/^Take ownership:/);
      expect(ownIt?.behaviours[0]?.reasons).toEqual(['repeat contact']);
      // Every group with a fitting behaviour comes before every group without one.
      const fits = groups.map((g) => g.behaviours.some((c) => c.reasons.length > 0));
      expect(fits).toEqual([...fits].sort((x, y) => Number(y) - Number(x)));
      expect(fits[0]).toBe(true);
    });

    it('acknowledges a bad last rating and welcomes a first contact', () => {
      const bad = behavioursFor(DEFAULT_PLAYBOOK, 'frontline', facts({ signals: ['last-rating-bad'] }));
      const top = bad.flatMap((g) => g.behaviours).filter((c) => c.reasons.includes('last rating bad'));
      expect(top.map((c) => c.behaviour.id)).toContain('acknowledge-last-experience');

      const first = behavioursFor(DEFAULT_PLAYBOOK, 'frontline', facts({ signals: ['first-contact'] }));
      expect(first[0]?.promise.id).toBe('make-it-easy');
      expect(first[0]?.behaviours[0]?.behaviour.id).toBe('welcome-first-contact');
    });

    it('gives every role something for every promise', () => {
      for (const role of DEFAULT_PLAYBOOK.roles) {
        expect(behavioursFor(DEFAULT_PLAYBOOK, role.id, facts())).toHaveLength(DEFAULT_PLAYBOOK.promises.length);
      }
    });
  });
});

describe('behaviours focused on the case, with cadence', () => {
  const b = (id: string, over: Partial<Behaviour> = {}): Behaviour => ({
    id,
    promiseId: over.promiseId ?? 'p1',
    roles: 'all',
    text: id,
    ...over,
  });
  const repeat: CaseFacts = { signals: ['repeat-contact'], tags: [] };

  it('opens at most three: those that fit first, then the role’s first in playbook order', () => {
    const focusing = playbook([
      b('one'),
      b('two', { promiseId: 'p2' }),
      b('fits', { when: { signals: ['repeat-contact'] } }),
      b('three'),
      b('four'),
    ]);
    const { focused, rest } = focusedBehaviours(focusing, 'frontline', repeat);
    expect(focused.map((c) => c.behaviour.id)).toEqual(['fits', 'one', 'two']);
    expect(rest.flatMap((g) => g.behaviours.map((c) => c.behaviour.id))).toEqual(['three', 'four']);
  });

  it('keeps daily and weekly behaviours out of the case and lists them apart; no cadence is per ticket', () => {
    const focusing = playbook([
      b('weekly', { cadence: 'week', when: { signals: ['repeat-contact'] } }),
      b('daily', { cadence: 'day' }),
      b('ticket', { cadence: 'ticket' }),
      b('old'),
    ]);
    const chosen = focusedBehaviours(focusing, 'frontline', repeat);
    expect(chosen.focused.map((c) => c.behaviour.id)).toEqual(['ticket', 'old']);
    expect(chosen.rest).toEqual([]);
    expect(chosen.daily.map((c) => c.behaviour.id)).toEqual(['daily']);
    expect(chosen.weekly.map((c) => c.behaviour.id)).toEqual(['weekly']);
  });

  it('reads a playbook written before cadences as per ticket, and refuses an unknown cadence', () => {
    expect(Playbook.safeParse(playbook([b('x')])).success).toBe(true);
    expect(Playbook.safeParse({ ...playbook([]), behaviours: [{ ...b('x'), cadence: 'monthly' }] }).success).toBe(
      false,
    );
  });

  it('ticks routines per local day and ISO week', () => {
    const at = new Date(2026, 11, 5, 12).getTime();
    expect(routineKeyOf('day', at)).toBe('day:2026-12-05');
    expect(routineKeyOf('week', at)).toBe('week:2026-W49');
    expect(isoWeek(new Date(2027, 0, 1))).toBe('2026-W53');
    expect(isoWeek(new Date(2026, 0, 1))).toBe('2026-W01');
  });

  it('gives the starter playbook’s team lead daily and weekly routines and at most three behaviours per case', () => {
    const chosen = focusedBehaviours(DEFAULT_PLAYBOOK, 'team-lead', repeat);
    expect(chosen.focused.length).toBeLessThanOrEqual(3);
    expect(chosen.daily.map((c) => c.behaviour.id)).toEqual(['lead-checks-due-updates']);
    expect(chosen.weekly.map((c) => c.behaviour.id)).toEqual([
      'lead-removes-a-second-contact',
      'lead-answers-customers',
      'share-praise-weekly',
      'lead-coaches-weekly',
      'lead-clears-blockers',
    ]);
  });
});
