import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { kudosToCsv } from '@/utils/kudos/export';
import { rosterToCsv } from '@/utils/kudos/roster-csv';
import type { Kudos } from '@/utils/schemas';

const kudos = (fields: Partial<Kudos>): Kudos => ({
  id: 'k1',
  createdAt: Date.UTC(2026, 10, 3, 9, 30),
  from: { name: 'Maya Lind' },
  to: { kind: 'person', name: 'Jonas Weber' },
  message: 'Sorted the refund in one reply.',
  state: 'sent',
  ...fields,
});

const cellsOf = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true }).data[0] ?? {};

describe('kudos as CSV', () => {
  it.each([
    ['=1+1\nthanks', "'=1+1\nthanks"],
    ['+49 30 1234567\ncall me', "'+49 30 1234567\ncall me"],
    ['@SUM(A1)\r\nok', "'@SUM(A1)\r\nok"],
    ['-2+3\n', "'-2+3\n"],
  ])('guards a multi-line cell that starts like a formula: %j', (quote, written) => {
    expect(cellsOf(kudosToCsv([kudos({ quote })])).quote).toBe(written);
  });

  it('guards every text column a customer or a teammate can fill, not only the quote', () => {
    const cells = cellsOf(
      kudosToCsv([
        kudos({
          message: '=HYPERLINK("http://evil")\nthanks',
          to: { kind: 'person', name: '=cmd|x\nJonas' },
          case: {
            helpdesk: 'zendesk',
            ticketId: '5120',
            url: 'https://acme.zendesk.com/agent/tickets/5120',
            subject: '=2\nRefund',
          },
        }),
      ]),
    );
    expect(cells.message).toBe('\'=HYPERLINK("http://evil")\nthanks');
    expect(cells.to_name).toBe("'=cmd|x\nJonas");
    expect(cells.case_subject).toBe("'=2\nRefund");
  });

  it('leaves text whose later lines start with "=" as it is: a spreadsheet reads only the start', () => {
    expect(cellsOf(kudosToCsv([kudos({ quote: 'Thanks!\n=)' })])).quote).toBe('Thanks!\n=)');
  });
});

describe('the roster as CSV', () => {
  it('guards a multi-line cell that starts like a formula', () => {
    expect(rosterToCsv({ people: [{ name: '=1+1\nthanks' }], teams: [] })).toContain(`"'=1+1\nthanks"`);
  });
});
