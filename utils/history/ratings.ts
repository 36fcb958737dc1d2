import type { HelpdeskApi, SeenTicket } from '../helpdesks/types';
import type { Conversation } from '../schemas';
import { getJson, type Transport } from './http';

/**
 * Ratings asked per history read where the helpdesk keeps them apart from the list (one request each): the newest
 * finished conversations, which the story's last contact, the "last rating bad" signal and "Share this praise" read.
 */
export const RATINGS_PER_READ = 3;

type Row = Omit<Conversation, 'customerKey'>;

/**
 * A rating read apart from the list stays when the list's row comes again without one (the list never carries it).
 * `known`: the rows as Kept stored them, in the same order.
 */
export function keepRatings<T extends Row>(rows: readonly T[], known: ReadonlyArray<Row | undefined>): T[] {
  return rows.map((row, index) => {
    const stored = known[index];
    if (row.satisfaction || !stored?.satisfaction) return row;
    return { ...row, satisfaction: stored.satisfaction, satisfactionComment: stored.satisfactionComment };
  });
}

const finishedUnrated = (c: Row): boolean => (c.status === 'solved' || c.status === 'closed') && !c.satisfaction;

/** The rows a history read should ask ratings for: at most RATINGS_PER_READ, newest finished and unrated first. */
export function rowsToRate(api: HelpdeskApi, rows: readonly Row[]): Row[] {
  if (!api.history?.rating) return [];
  return rows
    .filter(finishedUnrated)
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, RATINGS_PER_READ);
}

/**
 * Each row with the rating the helpdesk keeps for it, where it has one. A row nobody rated (404, empty) stays as it
 * was; any other failure (signed out, slowed down) stops asking until the next read, and the history stands.
 */
export async function ratedRows(
  api: HelpdeskApi,
  helpdesk: string,
  transport: Transport,
  ref: SeenTicket,
  rows: readonly Row[],
  now: () => number,
): Promise<Row[]> {
  const rating = api.history?.rating;
  if (!rating) return [];
  const rated: Row[] = [];
  for (const row of rows) {
    const json = await getJson(transport, rating.request(row, ref), helpdesk, now, api.auth);
    if (!json.ok && json.error.kind !== 'not-found') {
      console.warn(`[Kept] ${helpdesk} ratings were not read this time: ${json.error.message}`);
      break;
    }
    const read = json.ok ? rating.parse(json.value) : undefined;
    if (read?.ok && (read.value.satisfaction || read.value.satisfactionComment)) rated.push({ ...row, ...read.value });
  }
  return rated;
}
