import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { problemOf } from '@/utils/history/http';
import { caseSignals } from '@/utils/history/signals';
import { matchReasons } from '@/utils/playbook/choose';
import { triggerLabels } from '@/utils/playbook/io';
import { conversation, DAY, NOW, SOURCE } from './history-fixtures';
import { chromeMessages, getMessageFrom } from './locale-messages';

// What the panel says of a case, worked out outside its components, in a browser set to German or Japanese.

const current = { ticketId: '500', source: SOURCE };
const inLanguage = async (locale: string) => {
  fakeBrowser.i18n.getMessage = getMessageFrom(await chromeMessages(locale));
};

describe('the case in German', () => {
  beforeEach(() => inLanguage('de'));

  it('names its signals and says why they hold', () => {
    expect(caseSignals(current, [], NOW)).toEqual([
      { id: 'first-contact', label: 'Erstkontakt', reason: 'Keine früheren Konversationen mit diesem Kunden' },
    ]);
    const earlier = [
      conversation('1', { createdAt: NOW - DAY, status: 'open' }),
      conversation('2', { createdAt: NOW - 2 * DAY, subject: 'Late', satisfaction: 'bad' }),
    ];
    expect(caseSignals(current, earlier, NOW).map(({ label, reason }) => `${label}: ${reason}`)).toEqual([
      'Wiederholter Kontakt: 2 weitere Tickets in den letzten 7 Tagen',
      'Letzte Bewertung schlecht: „Late“ wurde schlecht bewertet',
      'Weitere offene Tickets: 1 weiteres Ticket noch offen',
    ]);
  });

  it('says why a behaviour fits, and what its triggers are', () => {
    const when = { signals: ['repeat-contact' as const], tags: ['vip'] };
    expect(matchReasons(when, { signals: ['repeat-contact'], tags: ['VIP'] })).toEqual([
      'wiederholter Kontakt',
      'Tag „vip“',
    ]);
    expect(triggerLabels(when)).toEqual(['Wiederholter Kontakt', 'Tag: vip']);
  });

  it('explains a helpdesk that signed the rep out', () => {
    const reply = { status: 401, contentType: 'application/json', body: '' };
    expect(problemOf(reply, 'Zendesk', NOW)?.message).toBe(
      'Von Zendesk abgemeldet. Melden Sie sich in diesem Tab wieder an und klicken Sie dann auf „Aktualisieren“.',
    );
  });
});

describe('the case in Japanese', () => {
  beforeEach(() => inLanguage('ja'));

  it('counts other open tickets with its one plural form', () => {
    const earlier = [conversation('1', { status: 'open' })];
    expect(caseSignals(current, earlier, NOW)).toEqual([
      { id: 'other-open', label: 'ほかの未解決チケット', reason: 'ほかに未解決のチケットが 1 件' },
    ]);
  });
});
