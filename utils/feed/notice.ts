import type { TeamKudos } from './schema';

const firstName = (name: string) => name.trim().split(/\s+/)[0] || 'A teammate';

/** What the popup says of praise for the rep: "Maya thanked you for #5120 — You never have to repeat yourself". */
export function praiseNotice(kudos: TeamKudos, promiseTitle?: string): string {
  const title = promiseTitle || kudos.promiseTitle;
  const forCase = kudos.case ? ` for #${kudos.case.ticketId}` : '';
  return `${firstName(kudos.from.name)} thanked you${forCase}${title ? ` — ${title}` : ''}`;
}
