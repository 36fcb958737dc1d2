import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { ReflectionSection } from '@/components/options/ReflectionSection';
import { db } from '@/utils/db';
import { setBehaviourDone } from '@/utils/playbook/checklist';
import { DEFAULT_PLAYBOOK } from '@/utils/playbook/default';
import {
  NO_LONGER_IN_PLAYBOOK,
  periodStarts,
  REFLECTION_CSV_COLUMNS,
  reflect,
  reflectionToCsv,
  reflectionToJson,
} from '@/utils/playbook/reflection';
import type { BehaviourCheck } from '@/utils/schemas';

// Wednesday 2 December 2026, noon local: the week began on Monday 30 November, in the month before.
const NOW = new Date(2026, 11, 2, 12).getTime();
const at = (month: number, day: number, hour = 10) => new Date(2026, month, day, hour).getTime();
const check = (behaviourId: string, checkedAt: number, caseKey = `zendesk:acme.zendesk.com#${checkedAt}`) => ({
  caseKey,
  behaviourId,
  checkedAt,
});
const counts = (reflection: ReturnType<typeof reflect>) =>
  Object.fromEntries(reflection.promises.map((p) => [p.promise.id, [p.week, p.month]]));

describe('reflect', () => {
  it('starts the week on Monday and the month on the first, at local midnight', () => {
    expect(periodStarts(NOW)).toEqual({ weekStart: at(10, 30, 0), monthStart: at(11, 1, 0) });
    // A Sunday belongs to the week that began six days before.
    expect(periodStarts(at(11, 6, 23)).weekStart).toBe(at(10, 30, 0));
  });

  it('counts each promise’s ticks this week and this month, with the behaviours ticked under it', () => {
    const checks: BehaviourCheck[] = [
      check('read-history-first', at(11, 2)),
      check('read-history-first', at(11, 1)),
      // Monday of this week, but last month: this week only.
      check('read-history-first', at(10, 30)),
      // Last week: neither.
      check('read-history-first', at(10, 27)),
      check('take-ownership', at(11, 1)),
      check('praise-a-colleague', at(11, 2), 'week:2026-W49'),
    ];
    const reflection = reflect(checks, DEFAULT_PLAYBOOK, NOW);
    expect(counts(reflection)).toEqual({
      'no-repeat': [3, 2],
      'own-it': [1, 1],
      'tell-the-truth': [0, 0],
      'make-it-easy': [0, 0],
      'feedback-counts': [1, 1],
    });
    expect(reflection.promises[0]?.behaviours).toEqual([
      { behaviour: { id: 'read-history-first', text: DEFAULT_PLAYBOOK.behaviours[0]?.text }, week: 3, month: 2 },
    ]);
    expect(reflection.promises[2]?.behaviours).toEqual([]);
  });

  it('keeps the ticks of behaviours the playbook has since dropped, under their own heading', () => {
    const reflection = reflect([check('an-old-behaviour', at(11, 1))], DEFAULT_PLAYBOOK, NOW);
    expect(reflection.promises.at(-1)).toEqual({
      promise: NO_LONGER_IN_PLAYBOOK,
      week: 1,
      month: 1,
      behaviours: [{ behaviour: { id: 'an-old-behaviour', text: 'an-old-behaviour' }, week: 1, month: 1 }],
    });
    expect(reflect([], DEFAULT_PLAYBOOK, NOW).promises).toHaveLength(DEFAULT_PLAYBOOK.promises.length);
  });

  it('exports a row per promise and per behaviour ticked, and JSON with the periods', () => {
    const reflection = reflect([check('take-ownership', at(11, 1))], DEFAULT_PLAYBOOK, NOW);
    const csv = Papa.parse<Record<string, string>>(reflectionToCsv(reflection), { header: true });
    expect(csv.meta.fields).toEqual([...REFLECTION_CSV_COLUMNS]);
    expect(csv.data.filter((r) => r.promise_id === 'own-it')).toEqual([
      expect.objectContaining({ behaviour_id: '', this_week: '1', this_month: '1' }),
      expect.objectContaining({ behaviour_id: 'take-ownership', this_week: '1', this_month: '1' }),
    ]);
    const json = JSON.parse(reflectionToJson(reflection, NOW));
    expect(json).toMatchObject({
      exportedAt: new Date(NOW).toISOString(),
      weekStart: new Date(at(10, 30, 0)).toISOString(),
      monthStart: new Date(at(11, 1, 0)).toISOString(),
    });
    expect(json.promises[1]).toMatchObject({ promise: { id: 'own-it' }, week: 1, month: 1 });
  });
});

describe('Your reflection in Options', () => {
  beforeEach(async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });

  const region = () => screen.getByRole('region', { name: 'Your reflection' });
  const row = (name: string) => within(region()).getByRole('row', { name: new RegExp(`^${name}`) });

  it('shows the counts from the panel’s ticks, live, and offers the export only once there is something', async () => {
    render(<ReflectionSection />);
    await screen.findByRole('table', { name: 'Behaviours kept per promise' });
    expect(within(region()).getByText('Nothing ticked yet this month.')).toBeTruthy();
    expect(within(region()).getByRole('button', { name: 'Export reflection (CSV)' })).toHaveProperty('disabled', true);

    await setBehaviourDone('zendesk:acme.zendesk.com#1', 'read-history-first', true);
    await setBehaviourDone('zendesk:acme.zendesk.com#2', 'read-history-first', true);
    await waitFor(() => expect(row('You never have to repeat yourself').textContent).toMatch(/22$/), {
      timeout: 5000,
    });
    expect(row('Read the last three conversations').textContent).toMatch(/22$/);
    expect(within(region()).getByRole('button', { name: 'Export reflection (JSON)' })).toHaveProperty(
      'disabled',
      false,
    );

    await setBehaviourDone('zendesk:acme.zendesk.com#2', 'read-history-first', false);
    await waitFor(() => expect(row('You never have to repeat yourself').textContent).toMatch(/11$/), {
      timeout: 5000,
    });
  });

  it('downloads the reflection as CSV', async () => {
    await setBehaviourDone('zendesk:acme.zendesk.com#1', 'take-ownership', true);
    const saved: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return 'blob:reflection';
    };
    URL.revokeObjectURL = () => undefined;
    render(<ReflectionSection />);
    const button = await within(await screen.findByRole('region', { name: 'Your reflection' })).findByRole('button', {
      name: 'Export reflection (CSV)',
    });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    await userEvent.click(button);
    expect(await textOf(saved[0])).toContain('own-it,We own your problem until it is solved,take-ownership');
  });
});

/** What a downloaded file holds (jsdom's Blob has no `text()`). */
function textOf(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!blob) return reject(new Error('nothing was downloaded'));
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
