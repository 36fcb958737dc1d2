import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createComposerStore } from '@/utils/kudos/composer-store';
import { createFilterStore } from '@/utils/panel/filter-store';
import { settings } from '@/utils/settings';
import { createOutcomeStore } from '@/utils/state/outcome';
import { useStored } from '@/utils/state/use-stored';

/** A promise and the way to settle it, so a test decides when an action ends. */
function later<T>() {
  let settle!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  return { promise, settle, fail };
}

describe('a form outcome store', () => {
  it('says "busy" while an action runs, then what it came to', async () => {
    const store = createOutcomeStore();
    const action = later<{ kind: 'done'; text: string }>();
    const ran = store.getState().run('Saving…', () => action.promise);
    expect(store.getState().outcome).toEqual({ kind: 'busy', text: 'Saving…' });
    action.settle({ kind: 'done', text: 'Saved.' });
    expect(await ran).toEqual({ kind: 'done', text: 'Saved.' });
    expect(store.getState().outcome).toEqual({ kind: 'done', text: 'Saved.' });
  });

  it('ends a failure as its message, never a stuck "busy"', async () => {
    const store = createOutcomeStore();
    await store.getState().run('Saving…', () => Promise.reject(new Error('The disk is full.')));
    expect(store.getState().outcome).toEqual({ kind: 'failed', text: 'The disk is full.' });
  });

  it('shows only the latest action: an earlier one that ends later changes nothing', async () => {
    const store = createOutcomeStore();
    const slow = later<{ kind: 'done'; text: string }>();
    const first = store.getState().run('First…', () => slow.promise);
    store.getState().show({ kind: 'failed', text: 'Enter the webhook URL.' });
    slow.settle({ kind: 'done', text: 'First done.' });
    await first;
    expect(store.getState().outcome).toEqual({ kind: 'failed', text: 'Enter the webhook URL.' });
  });
});

describe('a composer store', () => {
  it('takes the rep’s selection as the quote until the rep types one', () => {
    const store = createComposerStore();
    store.getState().offerQuote('It works now, thank you!');
    expect(store.getState().quote).toBe('It works now, thank you!');
    store.getState().typeQuote('Thank you!');
    store.getState().offerQuote('a late selection');
    expect(store.getState().quote).toBe('Thank you!');
  });

  it('empties the fields after a kudos is saved and keeps saying so', () => {
    const store = createComposerStore();
    const { setTo, pickPromise, setMessage, typeQuote, setMaskQuote, attempt, setStatus, clear } = store.getState();
    setTo('Ana Lee');
    pickPromise('promise:p1');
    setMessage('Stayed with the customer until it worked.');
    typeQuote('Thank you!');
    setMaskQuote(false);
    attempt();
    setStatus({ kind: 'sent', note: 'Praise saved in Kept.' });
    clear();
    expect(store.getState()).toMatchObject({
      to: '',
      picked: undefined,
      message: '',
      quote: '',
      quoteTouched: false,
      maskQuote: true,
      attempted: false,
      status: { kind: 'sent', note: 'Praise saved in Kept.' },
    });
  });
});

describe('a conversation filter store', () => {
  it('starts unfiltered and keeps the text and the status apart', () => {
    const store = createFilterStore();
    expect(store.getState().filter).toEqual({ text: '', status: 'all' });
    store.getState().setText('refund');
    store.getState().setStatus('open');
    store.getState().setText('card');
    expect(store.getState().filter).toEqual({ text: 'card', status: 'open' });
  });
});

describe('useStored', () => {
  it('is undefined while loading, then the stored value, then every change', async () => {
    await settings.historyCap.setValue(800);
    const { result } = renderHook(() => useStored(settings.historyCap));
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toBe(800));
    await act(() => settings.historyCap.setValue(1200));
    await waitFor(() => expect(result.current).toBe(1200));
  });

  it('forgets the value of an item it no longer follows', async () => {
    await settings.historyCap.setValue(800);
    const { result, rerender } = renderHook(({ item }) => useStored<number>(item), {
      initialProps: { item: settings.historyCap },
    });
    await waitFor(() => expect(result.current).toBe(800));
    rerender({ item: settings.retentionDays });
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toBe(90));
  });
});
