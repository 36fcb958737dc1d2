import { i18n } from '#i18n';
import type { TeamKudos } from './schema';

const firstName = (name: string) => name.trim().split(/\s+/)[0] || i18n.t('feed.aTeammate');

/** What the popup says of praise for the rep: "Maya thanked you for #5120 — You never have to repeat yourself". */
export function praiseNotice(kudos: TeamKudos, promiseTitle?: string): string {
  const title = promiseTitle || kudos.promiseTitle;
  const name = firstName(kudos.from.name);
  const thanked = kudos.case
    ? i18n.t('feed.thankedYouFor', { name, ticket: kudos.case.ticketId })
    : i18n.t('feed.thankedYou', { name });
  return title ? `${thanked} — ${title}` : thanked;
}
