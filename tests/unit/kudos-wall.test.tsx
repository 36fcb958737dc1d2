import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLiveQuery } from 'dexie-react-hooks';
import Papa from 'papaparse';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as z from 'zod/mini';
import { KudosList } from '@/components/kudos/KudosList';
import { App } from '@/entrypoints/kudos/App';
import { db } from '@/utils/db';
import { KUDOS_CSV_COLUMNS, kudosToCsv, kudosToJson } from '@/utils/kudos/export';
import {
  countsPerPromise,
  filterKudos,
  isForMe,
  latestQuotes,
  localDayStart,
  NO_FILTER,
  NO_PROMISE,
  promiseChoices,
  wallChoices,
} from '@/utils/kudos/wall';
import { Kudos } from '@/utils/schemas';
import { settings } from '@/utils/settings';

const at = (y: number, m: number, d: number, h = 10, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const NOW = at(2026, 3, 20, 12);
const me = { name: 'Ana Rep', email: 'ana@example.com' };
const REVOKED = 'Slack says the webhook was revoked (no_service). Ask your admin for a new URL.';
const SERVER = 'Slack had a problem (HTTP 500, rollup_error). Kept will try again.';

const base = (id: string, createdAt: number): Pick<Kudos, 'id' | 'createdAt' | 'from'> => ({
  id,
  createdAt,
  from: { name: 'Ana Rep', email: 'ana@example.com' },
});

/** Sent to Priya (Billing) for owning it, with the customer's words and the case. */
const toPriya: Kudos = {
  ...base('k1', at(2026, 3, 18)),
  to: { kind: 'person', name: 'Priya Shah', email: 'priya@example.com', team: 'Billing' },
  promiseId: 'own-it',
  message: 'Priya fixed the refund in an hour.',
  quote: 'Best support I have had all year.',
  case: {
    helpdesk: 'zendesk',
    ticketId: '1001',
    url: 'https://acme.zendesk.com/agent/tickets/1001',
    subject: 'Refund missing',
  },
  state: 'sent',
  sentAt: at(2026, 3, 18, 10, 1),
};
/** To a team; delivery failed for good. */
const toEngineering: Kudos = {
  ...base('k2', at(2026, 2, 10)),
  to: { kind: 'team', name: 'Engineering' },
  promiseId: 'no-repeat',
  message: 'Thanks for the hotfix.',
  state: 'failed',
  stateDetail: REVOKED,
};
/** Received by the rep, no promise, still retrying; the quote looks like a spreadsheet formula. */
const toMe: Kudos = {
  from: { name: 'Priya Shah' },
  id: 'k3',
  createdAt: at(2026, 3, 19),
  to: { kind: 'person', name: 'Ana Rep', email: 'ANA@example.com' },
  message: 'Ana took over my case without a hitch.',
  quote: "=cmd|' /C calc'!A0",
  case: { helpdesk: 'zendesk', ticketId: '1002', url: 'javascript:alert(1)' },
  state: 'retrying',
  stateDetail: SERVER,
  nextAttemptAt: at(2026, 3, 20, 14, 5),
};
/** Kept in Kept only, for a promise the playbook no longer has. */
const oldPromise: Kudos = {
  ...base('k4', at(2025, 12, 5)),
  from: { name: 'Sam Lee' },
  to: { kind: 'person', name: 'Priya Shah', team: 'Billing' },
  promiseId: 'retired-promise',
  message: 'Priya covered my queue.',
  state: 'local',
};
/** Queued, older than the six months counted. */
const queued: Kudos = {
  ...base('k5', at(2025, 8, 1)),
  to: { kind: 'person', name: 'Sam Lee', team: 'Engineering' },
  promiseId: 'own-it',
  message: 'Sam stayed late for the outage.',
  state: 'queued',
};
const ALL = [toMe, toPriya, toEngineering, oldPromise, queued]; // newest first
const PROMISES = [
  { id: 'no-repeat', title: 'You never have to repeat yourself' },
  { id: 'own-it', title: 'We own your problem until it is solved' },
];

beforeAll(() => {
  for (const k of ALL) Kudos.parse(k);
  if (typeof Blob.prototype.text === 'function') return;
  Object.defineProperty(Blob.prototype, 'text', {
    configurable: true,
    value(this: Blob) {
      return new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error);
        reader.readAsText(this);
      });
    },
  });
});

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await db.kudos.clear();
  await db.outbox.clear();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('wall logic', () => {
  it('knows which kudos the rep received: by email when the kudos names one, else by the exact name', () => {
    expect(isForMe(toMe, me)).toBe(true);
    expect(isForMe(toMe, { name: '', email: 'ana@EXAMPLE.com' })).toBe(true);
    // The kudos names an email that is not the rep's: a namesake's praise is not the rep's.
    expect(isForMe(toMe, { name: 'Ana Rep', email: 'ana.other@example.com' })).toBe(false);
    const noEmail = { ...toMe, to: { kind: 'person' as const, name: 'Ana Rep' } };
    expect(isForMe(noEmail, { name: 'Ana Rep', email: '' })).toBe(true);
    expect(isForMe(noEmail, { name: 'ana rep', email: '' })).toBe(false);
    expect(isForMe(noEmail, { name: 'Ana', email: 'ana@example.com' })).toBe(false);
    expect(isForMe(toPriya, me)).toBe(false);
    // An empty profile matches nothing, not every kudos without an email.
    expect(isForMe(toEngineering, { name: '', email: '' })).toBe(false);
  });

  it('filters by person (given or received), team, promise, dates (both included) and “for me”', () => {
    const ids = (filter: Partial<typeof NO_FILTER>) =>
      filterKudos(ALL, { ...NO_FILTER, ...filter }, me).map((k) => k.id);
    expect(ids({})).toEqual(['k3', 'k1', 'k2', 'k4', 'k5']);
    expect(ids({ person: 'priya shah' })).toEqual(['k3', 'k1', 'k4']);
    expect(ids({ team: 'Billing' })).toEqual(['k1', 'k4']);
    expect(ids({ team: 'engineering' })).toEqual(['k2', 'k5']);
    expect(ids({ promise: 'own-it' })).toEqual(['k1', 'k5']);
    expect(ids({ promise: NO_PROMISE })).toEqual(['k3']);
    expect(ids({ from: '2026-03-18', to: '2026-03-18' })).toEqual(['k1']);
    expect(ids({ from: '2026-01-01' })).toEqual(['k3', 'k1', 'k2']);
    expect(ids({ to: '2025-12-05' })).toEqual(['k4', 'k5']);
    expect(ids({ onlyMine: true })).toEqual(['k3']);
    expect(ids({ person: 'Priya Shah', onlyMine: true, promise: NO_PROMISE })).toEqual(['k3']);
    expect(ids({ team: 'Billing', onlyMine: true })).toEqual([]);
    expect(localDayStart('2026-02-30')).toBeUndefined();
    expect(localDayStart('not a date')).toBeUndefined();
  });

  it('offers the people, teams and promises the kudos hold', () => {
    expect(wallChoices(ALL)).toEqual({
      people: ['Ana Rep', 'Priya Shah', 'Sam Lee'],
      teams: ['Billing', 'Engineering'],
    });
    expect(promiseChoices(ALL, PROMISES).map((p) => p.id)).toEqual(['no-repeat', 'own-it', 'retired-promise']);
  });

  it('counts kudos per promise over the last six months, “No promise” last', () => {
    const counts = countsPerPromise(ALL, PROMISES, NOW);
    expect(counts.periods.map((p) => p.month)).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(counts.rows).toEqual([
      { id: 'no-repeat', title: 'You never have to repeat yourself', counts: [0, 0, 0, 0, 1, 0] },
      // k5 (August) is older than the window.
      { id: 'own-it', title: 'We own your problem until it is solved', counts: [0, 0, 0, 0, 0, 1] },
      { id: 'retired-promise', title: 'retired-promise', counts: [0, 0, 1, 0, 0, 0] },
      { id: NO_PROMISE, title: 'No promise', counts: [0, 0, 0, 0, 0, 1] },
    ]);
  });

  it('picks the latest customer quotes', () => {
    expect(latestQuotes([toPriya, queued, toMe], 1).map((k) => k.id)).toEqual(['k3']);
  });
});

describe('exports', () => {
  it('writes CSV with a header, ISO dates, promise titles and guarded formulas', () => {
    const csv = kudosToCsv([toPriya, toMe], new Map(PROMISES.map((p) => [p.id, p.title])));
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true });
    expect(parsed.meta.fields).toEqual([...KUDOS_CSV_COLUMNS]);
    expect(parsed.data[0]).toMatchObject({
      id: 'k1',
      created_at: new Date(toPriya.createdAt).toISOString(),
      to_name: 'Priya Shah',
      to_team: 'Billing',
      promise: 'We own your problem until it is solved',
      quote: 'Best support I have had all year.',
      case_ticket_id: '1001',
      case_subject: 'Refund missing',
      state: 'sent',
      sent_at: new Date(toPriya.sentAt ?? 0).toISOString(),
    });
    expect(parsed.data[1]).toMatchObject({ id: 'k3', quote: "'=cmd|' /C calc'!A0", promise: '', state: 'retrying' });
  });

  it('writes JSON that reads back as the same kudos', () => {
    const back: unknown = JSON.parse(kudosToJson([toPriya, toMe]));
    expect(back).toEqual([toPriya, toMe]);
    expect(z.array(Kudos).parse(back)).toEqual([toPriya, toMe]);
  });
});

// ---------- the kudos list ----------

/** The list as callers use it: fed live from Dexie. */
function LiveList() {
  const kudos = useLiveQuery(() => db.kudos.orderBy('createdAt').reverse().toArray(), []);
  return kudos ? <KudosList kudos={kudos} now={NOW} /> : null;
}

const itemFor = async (text: string) => {
  const list = await screen.findByRole('list', { name: 'Kudos' });
  const item = (await within(list).findByText(text)).closest('li');
  if (!item) throw new Error(`no kudos item with ${text}`);
  return item;
};

describe('KudosList', () => {
  it('shows whom, the words, the quote, the case, when, and each delivery state', async () => {
    await db.kudos.bulkAdd(ALL);
    render(<LiveList />);

    const sent = await itemFor(toPriya.message);
    expect(sent).toHaveTextContent('Ana Rep → Priya Shah (Billing)');
    expect(within(sent).getByText('Best support I have had all year.').tagName).toBe('BLOCKQUOTE');
    const link = within(sent).getByRole('link', { name: 'Refund missing #1001' });
    expect(link).toHaveAttribute('href', 'https://acme.zendesk.com/agent/tickets/1001');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noreferrer');
    expect(within(sent).getByText('2 days ago')).toHaveAttribute('dateTime', new Date(toPriya.createdAt).toISOString());
    expect(within(sent).getByText('Sent')).toBeInTheDocument();
    expect(within(sent).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(within(sent).getByRole('button', { name: 'Delete' })).toBeInTheDocument();

    const retrying = await itemFor(toMe.message);
    expect(within(retrying).getByText('Retrying (next at 2:05 PM)')).toBeInTheDocument();
    expect(within(retrying).getByText(SERVER).tagName).toBe('SMALL');
    // A case address that is not a web address stays text.
    expect(within(retrying).queryByRole('link')).not.toBeInTheDocument();
    expect(within(retrying).getByText('Ticket #1002')).toBeInTheDocument();

    const failed = await itemFor(toEngineering.message);
    expect(failed).toHaveTextContent('Ana Rep → Engineering (team)');
    expect(within(failed).getByText(`Failed: ${REVOKED}`)).toBeInTheDocument();
    expect(within(failed).getByRole('button', { name: 'Retry' })).toBeInTheDocument();

    expect(within(await itemFor(oldPromise.message)).getByText('Kept in Kept')).toBeInTheDocument();
    expect(within(await itemFor(queued.message)).getByText('Queued')).toBeInTheDocument();
  });

  it('Retry queues a failed kudos again and wakes the background, which may be unreachable', async () => {
    await db.kudos.add(toEngineering);
    const wake = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    const user = userEvent.setup();
    render(<LiveList />);
    const item = await itemFor(toEngineering.message);
    await user.click(within(item).getByRole('button', { name: 'Retry' }));

    expect(await within(item).findByText('Queued')).toBeInTheDocument();
    expect(within(item).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    const saved = await db.kudos.get('k2');
    expect(saved?.state).toBe('queued');
    expect(saved?.stateDetail).toBeUndefined();
    expect(await db.outbox.get('k2')).toMatchObject({ kudosId: 'k2', attempts: 0, nextAttemptAt: NOW });
    await waitFor(() => expect(wake).toHaveBeenCalledWith({ kept: 1, type: 'outbox:wake', data: {} }));
    expect(screen.queryByText(/did not work/)).not.toBeInTheDocument();
  });

  it('Delete asks first, then removes the kudos and its outbox entry, and has the badge recounted', async () => {
    await db.kudos.bulkAdd([toPriya, queued]);
    await db.outbox.add({ kudosId: 'k5', attempts: 0, firstAttemptAt: NOW, nextAttemptAt: NOW });
    const wake = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    const user = userEvent.setup();
    render(<LiveList />);
    const item = await itemFor(queued.message);

    await user.click(within(item).getByRole('button', { name: 'Delete' }));
    expect(within(item).getByRole('group', { name: 'Delete this kudos? This cannot be undone.' })).toBeInTheDocument();
    expect(within(item).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(item).getByRole('button', { name: 'Cancel' }));
    expect(within(item).getByRole('button', { name: 'Delete' })).toHaveFocus();
    expect(await db.kudos.count()).toBe(2);
    expect(wake).not.toHaveBeenCalled();

    await user.click(within(item).getByRole('button', { name: 'Delete' }));
    await user.click(within(item).getByRole('button', { name: 'Confirm delete' }));
    await waitFor(() => expect(screen.queryByText(queued.message)).not.toBeInTheDocument());
    expect(await db.kudos.get('k5')).toBeUndefined();
    expect(await db.outbox.get('k5')).toBeUndefined();
    expect(screen.getByText(toPriya.message)).toBeInTheDocument();
    await waitFor(() => expect(wake).toHaveBeenCalledWith({ kept: 1, type: 'outbox:wake', data: {} }));
    expect(screen.queryByText(/did not work/)).not.toBeInTheDocument();
  });
});

// ---------- the wall ----------

async function renderWall() {
  await db.kudos.bulkAdd(ALL);
  await settings.profile.setValue(me);
  const user = userEvent.setup();
  render(<App />);
  await screen.findByRole('list', { name: 'Kudos' });
  // The playbook's titles are in once the counts show them.
  await screen.findByRole('rowheader', { name: 'We own your problem until it is solved' });
  return { user };
}

const shownIds = () =>
  within(screen.getByRole('list', { name: 'Kudos' }))
    .queryAllByRole('listitem')
    .map((li) => ALL.find((k) => li.textContent?.includes(k.message))?.id);

const countsRow = (title: string) => {
  const table = screen.getByRole('table', { name: 'Kudos per promise' });
  const header = within(table).getByRole('rowheader', { name: title });
  return [...(header.closest('tr')?.querySelectorAll('td') ?? [])].map((td) => Number(td.textContent));
};

describe('Kudos wall', () => {
  it('says so when there are no kudos yet', async () => {
    render(<App />);
    expect(await screen.findByText(/^No kudos yet\./)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Kudos wall', level: 1 })).toBeInTheDocument();
  });

  it('shows every kudos, the counts per promise and month, and the latest customer quotes', async () => {
    await renderWall();
    expect(shownIds()).toEqual(['k3', 'k1', 'k2', 'k4', 'k5']);
    expect(screen.getByText('Showing 5 of 5 kudos.')).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Kudos per promise' });
    const months = [...table.querySelectorAll('thead time')].map((t) => t.getAttribute('dateTime'));
    expect(months).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    expect(countsRow('You never have to repeat yourself')).toEqual([0, 0, 0, 0, 1, 0]);
    expect(countsRow('We own your problem until it is solved')).toEqual([0, 0, 0, 0, 0, 1]);
    expect(countsRow('We make it easy')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(countsRow('retired-promise')).toEqual([0, 0, 1, 0, 0, 0]);
    expect(countsRow('No promise')).toEqual([0, 0, 0, 0, 0, 1]);

    const quotes = screen.getByRole('region', { name: 'Customer quotes' });
    expect([...quotes.querySelectorAll('blockquote')].map((q) => q.textContent)).toEqual([toMe.quote, toPriya.quote]);
    // Outside text stays text.
    expect(document.querySelector('script')).toBeNull();
  });

  it('filters by person, team, promise and dates; the counts follow the filters', async () => {
    const { user } = await renderWall();
    await user.selectOptions(screen.getByLabelText('Person'), 'Priya Shah');
    expect(shownIds()).toEqual(['k3', 'k1', 'k4']);
    await user.selectOptions(screen.getByLabelText('Team'), 'Billing');
    expect(shownIds()).toEqual(['k1', 'k4']);
    expect(countsRow('No promise')).toEqual([0, 0, 0, 0, 0, 0]);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(shownIds()).toHaveLength(5);

    const promise = screen.getByLabelText('Promise');
    expect(
      within(promise)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Any promise',
      'You never have to repeat yourself',
      'We own your problem until it is solved',
      'We tell you the truth, and when you will hear from us next',
      'We make it easy',
      'Your feedback changes things',
      'retired-promise',
      'No promise',
    ]);
    await user.selectOptions(promise, 'No promise');
    expect(shownIds()).toEqual(['k3']);
    await user.selectOptions(promise, 'We own your problem until it is solved');
    expect(shownIds()).toEqual(['k1', 'k5']);
    await user.selectOptions(promise, 'Any promise');

    await user.type(screen.getByLabelText('From'), '2026-03-01');
    await user.type(screen.getByLabelText('To'), '2026-03-18');
    expect(shownIds()).toEqual(['k1']);
    expect(screen.getByText('Showing 1 of 5 kudos.')).toBeInTheDocument();
  });

  it('“For me” keeps the kudos the rep received', async () => {
    const { user } = await renderWall();
    await user.click(screen.getByRole('checkbox', { name: 'Only kudos for me' }));
    expect(shownIds()).toEqual(['k3']);
    await user.click(screen.getByRole('checkbox', { name: 'Only kudos for me' }));
    expect(shownIds()).toHaveLength(5);
  });

  it('exports the filtered kudos as CSV and JSON', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return `blob:kept/${created.length}`;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    const { user } = await renderWall();
    await user.selectOptions(screen.getByLabelText('Team'), 'Billing');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));

    expect(clicked).toEqual([
      { href: 'blob:kept/1', download: 'kept-kudos.csv' },
      { href: 'blob:kept/2', download: 'kept-kudos.json' },
    ]);
    const [csv, json] = created;
    if (!csv || !json) throw new Error('expected two files');
    expect(csv.type).toMatch(/^text\/csv/);
    const rows = Papa.parse<Record<string, string>>(await csv.text(), { header: true }).data;
    expect(rows.map((r) => [r.id, r.promise])).toEqual([
      ['k1', 'We own your problem until it is solved'],
      ['k4', ''],
    ]);
    expect(json.type).toBe('application/json');
    expect(JSON.parse(await json.text())).toEqual([toPriya, oldPromise]);
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('follows the database live', async () => {
    await renderWall();
    await db.kudos.update('k2', { state: 'sent', stateDetail: undefined, sentAt: NOW });
    const item = await itemFor(toEngineering.message);
    await waitFor(() => expect(within(item).getByText('Sent')).toBeInTheDocument());
  });
});
