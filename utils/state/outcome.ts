import { useState } from 'react';
import { createStore, type StoreApi, useStore } from 'zustand';

/** What a form's last action came to: nothing yet, under way, done, failed, or a result of the form's own kind. */
export type Outcome<Extra extends { kind: string } = never> =
  | { kind: 'idle' }
  | { kind: 'busy' | 'done' | 'failed'; text: string }
  | Extra;

export interface OutcomeState<O> {
  outcome: O;
  /** Shows `next` at once; anything still under way will not replace it. */
  show: (next: O) => void;
  /**
   * Shows `busy` while `action` runs, then what it came to, unless a later action was started meanwhile. A failure
   * always ends as a message, never a stuck "busy".
   */
  run: (busy: string, action: () => Promise<O>) => void;
}

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createOutcomeStore<Extra extends { kind: string } = never>(): StoreApi<OutcomeState<Outcome<Extra>>> {
  type O = Outcome<Extra>;
  let latest = 0;
  return createStore<OutcomeState<O>>()((set) => {
    const show = (outcome: O) => {
      latest += 1;
      set({ outcome });
    };
    return {
      outcome: { kind: 'idle' },
      show,
      run: (busy, action) => {
        show({ kind: 'busy', text: busy });
        const mine = latest;
        const settle = (outcome: O) => mine === latest && set({ outcome });
        action().then(settle, (error: unknown) => settle({ kind: 'failed', text: errorText(error) }));
      },
    };
  });
}

/** One form's outcome store, for as long as the form is shown. */
export function useOutcome<Extra extends { kind: string } = never>(): OutcomeState<Outcome<Extra>> {
  const [store] = useState(createOutcomeStore<Extra>);
  return useStore(store);
}

/** The text an outcome shows, and whether it reads as an error. */
export function outcomeText(outcome: Outcome<{ kind: string; text?: string }>): { error: boolean; text: string } {
  return {
    error: outcome.kind === 'failed' || outcome.kind === 'invalid',
    text: 'text' in outcome ? (outcome.text ?? '') : '',
  };
}
