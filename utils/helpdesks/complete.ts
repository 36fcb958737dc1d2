import type { PageCase } from '../schemas';
import type { Shown } from './types';

export type { Shown };

const shownValue = (page: PageCase, field: Shown) =>
  field === 'subject' || field === 'status' ? page[field] : page.customer[field];

/** Whether the page has shown all of `shows`: nothing more is worth waiting for. */
export const isComplete = (page: PageCase, shows: readonly Shown[]): boolean =>
  shows.every((field) => shownValue(page, field) !== undefined);
