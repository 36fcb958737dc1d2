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
   * Shows `busy` (if given) while `action` runs, then what it came to, unless a later action was started meanwhile.
   * A failure always ends as a message, never a stuck "busy". Answers what the action came to.
   */
  run: (busy: string | undefined, action: () => Promise<O>) => Promise<O>;
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
        if (busy === undefined) latest += 1;
        else show({ kind: 'busy', text: busy });
        const mine = latest;
        const settle = (outcome: O) => {
          if (mine === latest) set({ outcome });
          return outcome;
        };
        return action().then(settle, (error: unknown) => settle({ kind: 'failed', text: errorText(error) }));
      },
    };
  });
}

/** One form's outcome store, for as long as the form is shown. */
export function useOutcome<Extra extends { kind: string } = never>(): OutcomeState<Outcome<Extra>> {
  const [store] = useState(createOutcomeStore<Extra>);
  return useStore(store);
}
