import { createStore } from 'zustand';
import { type ConversationFilter, NO_FILTER, type StatusFilter } from '../history/filter';

/** The rep's filter over one customer's earlier conversations. */
export interface FilterStore {
  filter: ConversationFilter;
  setText: (text: string) => void;
  setStatus: (status: StatusFilter) => void;
}

/** One list's filter, made when the list mounts: another customer starts unfiltered. */
export const createFilterStore = () =>
  createStore<FilterStore>()((set) => ({
    filter: NO_FILTER,
    setText: (text) => set(({ filter }) => ({ filter: { ...filter, text } })),
    setStatus: (status) => set(({ filter }) => ({ filter: { ...filter, status } })),
  }));
