import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { RosterSection } from '@/components/options/RosterSection';
import {
  addTeam,
  formatRosterError,
  importedMessage,
  mergeRoster,
  parseRosterCsv,
  removeTeam,
  rosterToCsv,
  saveTeammate,
  teamsOf,
} from '@/utils/kudos/roster-csv';
import type { Roster } from '@/utils/kudos/schema';
import { settings } from '@/utils/settings';

const roster: Roster = {
  people: [
    { name: 'Priya Shah', email: 'priya@example.com', team: 'Billing' },
    { name: 'Sam Lee', team: 'Engineering' },
  ],
  teams: ['Billing', 'Engineering', 'Product'],
};

/** jsdom's Blob may have no text(); the browser's has. */
beforeAll(() => {
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

const messages = (text: string) => {
  const parsed = parseRosterCsv(text);
  return parsed.ok ? [] : parsed.errors.map(formatRosterError);
};

describe('parseRosterCsv', () => {
  it('reads name,email,team with a header row, trimming cells and skipping blank lines', () => {
    const parsed = parseRosterCsv(
      'name,email,team\r\n  Ada Lovelace , ada@example.com ,Engineering\r\n\r\nGrace Hopper,,\r\n',
    );
    expect(parsed).toEqual({
      ok: true,
      people: [{ name: 'Ada Lovelace', email: 'ada@example.com', team: 'Engineering' }, { name: 'Grace Hopper' }],
    });
  });

  it('reads a file without a header, with a byte-order mark, quoted commas and quotes', () => {
    const text = '\uFEFF"Shah, Priya",priya@example.com,"Billing, EMEA"\n"Sam ""The Fixer"" Lee",,Engineering\n';
    expect(parseRosterCsv(text)).toEqual({
      ok: true,
      people: [
        { name: 'Shah, Priya', email: 'priya@example.com', team: 'Billing, EMEA' },
        { name: 'Sam "The Fixer" Lee', team: 'Engineering' },
      ],
    });
  });

  it('follows the header’s column order and ignores columns it does not know', () => {
    const parsed = parseRosterCsv('Team,Email,Name,Notes\nBilling,priya@example.com,Priya Shah,likes tea\n');
    expect(parsed).toEqual({
      ok: true,
      people: [{ name: 'Priya Shah', email: 'priya@example.com', team: 'Billing' }],
    });
  });

  it('reports every bad row by its number', () => {
    const text = [
      'name,email,team',
      'Ada,ada@example.com,Engineering',
      'Bob,x,Billing',
      'Cy,cy@example.com,Product',
      ',nobody@example.com,Billing',
      'Dee,ADA@example.com,',
      'Eve,eve@example.com,Billing,extra',
    ].join('\n');
    expect(messages(text)).toEqual([
      'Row 3: email "x" is not an email address',
      'Row 5: name is missing',
      'Row 6: email "ADA@example.com" is already on row 2',
    ]);
    // Without a header, a fourth column is reported too.
    expect(messages('Eve,eve@example.com,Billing,extra')).toEqual([
      'Row 1: has 4 columns; expected name, email, team (put a name with a comma in double quotes)',
    ]);
  });

  it('reports an unclosed quote, a name too long and an empty file', () => {
    expect(messages('Ada,ada@example.com,Eng\n"Bob,bob@example.com,Billing\n')).toEqual([
      'Row 2: a quoted cell is never closed (a " is missing)',
    ]);
    expect(messages(`${'x'.repeat(201)},,`)).toEqual(['Row 1: name is longer than 200 characters']);
    expect(messages('name,email,team\n\n')).toEqual(['The file has no teammates in it.']);
  });
});

describe('mergeRoster', () => {
  it('updates by email, else by name, adds the rest, and lists new teams', () => {
    const merged = mergeRoster(roster, [
      { name: 'Priya S.', email: 'PRIYA@example.com', team: 'Billing EMEA' },
      { name: 'sam lee', email: 'sam@example.com' },
      { name: 'Noor Ali', email: 'noor@example.com', team: 'Product' },
    ]);
    expect(merged.added).toBe(1);
    expect(merged.updated).toBe(2);
    expect(merged.roster.people).toEqual([
      { name: 'Priya S.', email: 'PRIYA@example.com', team: 'Billing EMEA' },
      // Matched by name (Sam had no email); blank cells keep what was there.
      { name: 'sam lee', email: 'sam@example.com', team: 'Engineering' },
      { name: 'Noor Ali', email: 'noor@example.com', team: 'Product' },
    ]);
    expect(merged.roster.teams).toEqual(['Billing', 'Engineering', 'Product', 'Billing EMEA']);
    expect(importedMessage(merged)).toBe('Imported 3 teammates (1 new, 2 updated).');
  });

  it('does not merge two people who share a name but not an email', () => {
    const merged = mergeRoster(roster, [{ name: 'Priya Shah', email: 'priya.shah@other.example' }]);
    expect(merged).toMatchObject({ added: 1, updated: 0 });
    expect(importedMessage(merged)).toBe('Imported 1 teammate (1 new, 0 updated).');
  });
});

describe('rosterToCsv', () => {
  it('round-trips through parseRosterCsv, commas, quotes and formula-like cells included', () => {
    const tricky: Roster = {
      people: [
        { name: 'Shah, Priya', email: 'priya@example.com', team: 'Billing "EMEA"' },
        { name: '=HYPERLINK("http://evil")', team: '+Ops' },
        { name: 'Sam Lee' },
      ],
      teams: ['Billing "EMEA"', '+Ops'],
    };
    const csv = rosterToCsv(tricky);
    expect(csv.split('\r\n')[0]).toBe('name,email,team');
    // A spreadsheet opening the file would not run the formula.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(parseRosterCsv(csv)).toEqual({ ok: true, people: tricky.people });
  });
});

describe('editing by hand', () => {
  it('adds, edits and refuses a taken email or a missing name', () => {
    const added = saveTeammate(roster, { name: 'Noor Ali', email: 'noor@example.com', team: 'Support' });
    expect(added).toMatchObject({ ok: true, message: 'Added Noor Ali.' });
    if (added.ok) expect(added.roster.teams).toContain('Support');
    expect(saveTeammate(roster, { name: 'Noor', email: 'Priya@Example.com' })).toEqual({
      ok: false,
      message: 'Email: Priya@Example.com is already Priya Shah’s.',
    });
    // Editing Priya keeps her own email.
    expect(saveTeammate(roster, { name: 'Priya', email: 'priya@example.com' }, 0)).toMatchObject({ ok: true });
    expect(saveTeammate(roster, { name: 'sam lee', team: 'Product' })).toEqual({
      ok: false,
      message: 'Name: Sam Lee is already listed. Add an email to tell them apart.',
    });
    expect(saveTeammate(roster, { name: 'Sam Lee', email: 'sam.lee@other.example' })).toMatchObject({ ok: true });
    expect(saveTeammate(roster, { name: '' })).toMatchObject({ ok: false, message: expect.stringMatching(/^Name:/) });
    expect(saveTeammate(roster, { name: 'X', email: 'nope' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Email:/),
    });
  });

  it('adds teams once and removes only teams no one is in', () => {
    expect(addTeam(roster, ' product ')).toEqual({ ok: false, message: 'New team: Product is already on the list.' });
    expect(addTeam(roster, 'Design')).toMatchObject({ ok: true, roster: { teams: [...roster.teams, 'Design'] } });
    expect(removeTeam(roster, 'Billing')).toEqual({
      ok: false,
      message: 'Billing still has 1 teammate. Change their team first.',
    });
    expect(removeTeam(roster, 'Product')).toMatchObject({ ok: true, roster: { teams: ['Billing', 'Engineering'] } });
    expect(teamsOf({ people: [{ name: 'A', team: 'Ops' }], teams: ['ops', 'Billing'] })).toEqual(['ops', 'Billing']);
  });
});

// ---------- the section ----------

const csvFile = (text: string, name = 'roster.csv') => new File([text], name, { type: 'text/csv' });

async function renderRoster(initial: Roster = roster) {
  await settings.roster.setValue(initial);
  const user = userEvent.setup();
  render(<RosterSection />);
  const section = await screen.findByRole('region', { name: 'Teammates and teams' });
  if (initial.people.length) await within(section).findByRole('table', { name: 'People' });
  return { user, section };
}

const rows = () =>
  within(screen.getByRole('table', { name: 'People' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));

describe('Options → Teammates and teams', () => {
  it('lists people with their email and team, and the teams', async () => {
    await renderRoster();
    expect(rows()).toEqual([
      ['Priya Shah', 'priya@example.com', 'Billing', 'EditRemove'],
      ['Sam Lee', '', 'Engineering', 'EditRemove'],
    ]);
    const teams = screen.getByRole('list', { name: 'Teams' });
    expect(
      within(teams)
        .getAllByRole('listitem')
        .map((li) => li.firstChild?.textContent),
    ).toEqual(['Billing', 'Engineering', 'Product']);
  });

  it('adds, edits and removes a person', async () => {
    const { user } = await renderRoster();
    await user.type(screen.getByLabelText('Name'), 'Noor Ali');
    await user.type(screen.getByLabelText('Email'), 'noor@example.com');
    await user.type(screen.getByLabelText('Team'), 'Support');
    await user.click(screen.getByRole('button', { name: 'Add teammate' }));
    expect(await screen.findByText('Added Noor Ali.')).toBeInTheDocument();
    expect((await settings.roster.getValue()).people[2]).toEqual({
      name: 'Noor Ali',
      email: 'noor@example.com',
      team: 'Support',
    });
    expect(screen.getByLabelText('Name')).toHaveValue('');

    await user.click(screen.getByRole('button', { name: 'Edit Sam Lee' }));
    expect(screen.getByRole('group', { name: 'Edit Sam Lee' })).toBeInTheDocument();
    const name = screen.getByLabelText('Name');
    expect(name).toHaveValue('Sam Lee');
    expect(name).toHaveFocus();
    await user.type(screen.getByLabelText('Email'), 'sam@example.com');
    await user.click(screen.getByRole('button', { name: 'Save teammate' }));
    expect(await screen.findByText('Saved Sam Lee.')).toBeInTheDocument();
    // The focus goes back to where the edit started.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit Sam Lee' })).toHaveFocus());
    expect(screen.getByRole('group', { name: 'Add a teammate' })).toBeInTheDocument();
    expect((await settings.roster.getValue()).people[1]).toEqual({
      name: 'Sam Lee',
      email: 'sam@example.com',
      team: 'Engineering',
    });

    await user.click(screen.getByRole('button', { name: 'Remove Priya Shah' }));
    expect(await screen.findByText('Removed Priya Shah.')).toBeInTheDocument();
    expect((await settings.roster.getValue()).people.map((p) => p.name)).toEqual(['Sam Lee', 'Noor Ali']);
  });

  it('says what is wrong with a person and saves nothing', async () => {
    const { user } = await renderRoster();
    await user.type(screen.getByLabelText('Name'), 'Noor');
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Add teammate' }));
    expect(
      await screen.findByText('Email: enter an email address like ada@example.com, or leave it empty.'),
    ).toBeInTheDocument();
    expect(await settings.roster.getValue()).toEqual(roster);
    expect(screen.getByLabelText('Name')).toHaveValue('Noor');
  });

  it('adds and removes teams', async () => {
    const { user } = await renderRoster();
    await user.type(screen.getByLabelText('New team'), 'Design');
    await user.click(screen.getByRole('button', { name: 'Add team' }));
    expect(await screen.findByText('Added the team Design.')).toBeInTheDocument();
    expect((await settings.roster.getValue()).teams).toContain('Design');

    await user.click(screen.getByRole('button', { name: 'Remove team Billing' }));
    expect(await screen.findByText('Billing still has 1 teammate. Change their team first.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove team Design' }));
    expect(await screen.findByText('Removed the team Design.')).toBeInTheDocument();
    expect((await settings.roster.getValue()).teams).toEqual(['Billing', 'Engineering', 'Product']);
  });

  it('imports a valid CSV, merging by email else name', async () => {
    const { user } = await renderRoster();
    await user.upload(
      screen.getByLabelText('Import roster from CSV'),
      csvFile(
        'name,email,team\nPriya Shah,priya@example.com,Billing EMEA\nSam Lee,,Platform\nNoor Ali,noor@example.com,\n',
      ),
    );
    expect(await screen.findByText('Imported 3 teammates (1 new, 2 updated).')).toBeInTheDocument();
    const saved = await settings.roster.getValue();
    expect(saved.people).toEqual([
      { name: 'Priya Shah', email: 'priya@example.com', team: 'Billing EMEA' },
      { name: 'Sam Lee', team: 'Platform' },
      { name: 'Noor Ali', email: 'noor@example.com' },
    ]);
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('lists every bad row and changes nothing', async () => {
    const { user } = await renderRoster();
    await user.upload(
      screen.getByLabelText('Import roster from CSV'),
      csvFile('name,email,team\nNoor Ali,noor@example.com,\nBob,x,Billing\nCy,,\n,z@example.com,\n', 'team.csv'),
    );
    const errors = await screen.findByRole('list', { name: 'Roster errors' });
    expect(
      within(errors)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Row 3: email "x" is not an email address', 'Row 5: name is missing']);
    expect(
      screen.getByText('“team.csv” has 2 problems; nothing was changed. Fix them and import again.'),
    ).toBeVisible();
    expect(await settings.roster.getValue()).toEqual(roster);
    expect(rows()).toHaveLength(2);
  });

  it('exports the roster as kept-roster.csv', async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:kept/roster');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    const { user } = await renderRoster();
    await user.click(screen.getByRole('button', { name: 'Export roster' }));
    expect(clicked).toEqual([{ href: 'blob:kept/roster', download: 'kept-roster.csv' }]);
    const blob = createObjectURL.mock.calls[0]?.[0];
    if (!(blob instanceof Blob)) throw new Error('expected a Blob');
    expect(blob.type).toMatch(/^text\/csv/);
    const text = await blob.text();
    expect(text).toBe('name,email,team\r\nPriya Shah,priya@example.com,Billing\r\nSam Lee,,Engineering');
    expect(parseRosterCsv(text)).toEqual({ ok: true, people: roster.people });
    expect(screen.getByText('Exported 2 teammates as kept-roster.csv.')).toBeInTheDocument();
    expect(document.querySelector('a[download]')).toBeNull();
  });
});
