import { createStore } from 'zustand';

export type SendStatus =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'sent'; note: string }
  | { kind: 'failed'; note: string };

/** What the rep has typed and picked in one composer, and how sending went. */
export interface ComposerFields {
  to: string;
  /** The Promise field's choice; undefined until the rep picks, so the case's suggestion shows meanwhile. */
  picked?: string;
  message: string;
  quote: string;
  /** The rep typed in the quote: a selection arriving late no longer replaces it. */
  quoteTouched: boolean;
  maskQuote: boolean;
  /** Send was pressed: problems show from now on. */
  attempted: boolean;
  status: SendStatus;
}

export interface ComposerStore extends ComposerFields {
  setTo: (to: string) => void;
  pickPromise: (value: string) => void;
  setMessage: (message: string) => void;
  typeQuote: (quote: string) => void;
  /** The rep's selection in the helpdesk tab, unless they already typed a quote. */
  offerQuote: (quote: string) => void;
  setMaskQuote: (mask: boolean) => void;
  attempt: () => void;
  setStatus: (status: SendStatus) => void;
  /** Empties the fields after a kudos is saved; the status stays to say so. */
  clear: () => void;
}

const EMPTY = {
  to: '',
  picked: undefined,
  message: '',
  quote: '',
  quoteTouched: false,
  maskQuote: true,
  attempted: false,
} satisfies Omit<ComposerFields, 'status'>;

/** What a composer opens with: "Share this praise" fills in who and the customer's words. */
export interface ComposerPreset {
  to?: string;
  quote: string;
}

/** One composer's store, made when the composer mounts; a preset quote counts as typed, so no selection replaces it. */
export const createComposerStore = (preset?: ComposerPreset) =>
  createStore<ComposerStore>()((set) => ({
    ...EMPTY,
    ...(preset && { to: preset.to ?? '', quote: preset.quote, quoteTouched: true }),
    status: { kind: 'idle' },
    setTo: (to) => set({ to }),
    pickPromise: (picked) => set({ picked }),
    setMessage: (message) => set({ message }),
    typeQuote: (quote) => set({ quote, quoteTouched: true }),
    offerQuote: (quote) => set((state) => (state.quoteTouched ? {} : { quote })),
    setMaskQuote: (maskQuote) => set({ maskQuote }),
    attempt: () => set({ attempted: true }),
    setStatus: (status) => set({ status }),
    clear: () => set(EMPTY),
  }));
