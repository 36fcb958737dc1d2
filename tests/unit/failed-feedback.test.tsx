import { render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { showBadge } from '@/entrypoints/background/badge';
import { App as Popup } from '@/entrypoints/popup/App';
import { db } from '@/utils/db';
import { enqueueKudos, retryFeedback } from '@/utils/kudos/outbox';
import { failedFeedback } from './feedback-fixtures';

// Playbook feedback that could not be delivered is never silent: the toolbar badge counts it with failed kudos, and
// the popup says so and points to its Retry in Options.

const NOW = Date.UTC(2026, 11, 6, 9, 0);

async function failedKudos(id: string): Promise<void> {
  const kudos = { id, createdAt: NOW, from: { name: 'Ana Rep' }, to: { kind: 'person' as const, name: 'Sam' } };
  await enqueueKudos({ ...kudos, message: 'Thank you for staying with the customer.' }, 'slack', NOW);
  await db.kudos.update(id, { state: 'failed', stateDetail: 'Slack says the webhook was revoked.' });
  await db.outbox.delete(id);
}

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('the toolbar badge', () => {
  it('counts failed playbook feedback in red and names it in its tooltip', async () => {
    await failedFeedback('fb-1');
    await showBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getTitle({})).toBe('Kept: 1 piece of playbook feedback not delivered');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([163, 44, 31, 255]);
  });

  it('adds failed kudos and failed feedback, and names each on its own line', async () => {
    await failedFeedback('fb-1');
    await failedFeedback('fb-2');
    await failedKudos('k-1');
    await showBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Kept: 1 kudos not delivered\nKept: 2 pieces of playbook feedback not delivered',
    );
  });

  it('stops counting feedback the rep queued again', async () => {
    await failedFeedback('fb-1');
    await retryFeedback('fb-1', NOW);
    await showBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Kept');
  });
});

describe('the popup', () => {
  it('says how much feedback was not delivered, with the way to Options, and drops it once it is queued again', async () => {
    await failedFeedback('fb-1');
    render(<Popup />);
    const notice = await screen.findByText('1 piece of playbook feedback was not delivered.');
    const link = screen.getByRole('link', { name: 'Retry it in Options' });
    expect(link).toHaveAttribute('href', expect.stringMatching(/\/options\.html#playbook$/));
    expect(notice).toContainElement(link);

    await retryFeedback('fb-1', NOW);
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Retry it in Options' })).toBeNull());
  });

  it('says nothing of feedback when none failed', async () => {
    await failedKudos('k-1');
    render(<Popup />);
    await screen.findByRole('region', { name: 'Recent kudos' });
    await screen.findByText('Failed: Slack says the webhook was revoked.', { exact: false });
    expect(screen.queryByText(/playbook feedback/)).toBeNull();
  });
});
