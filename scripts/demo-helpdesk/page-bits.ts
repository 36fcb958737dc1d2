// Small HTML helpers shared by the Freshdesk and Jira pages of the demo helpdesk. Every outside string goes through
// `esc`: seeded names and subjects carry XSS payloads.
export { esc } from './zendesk-pages';

import { esc } from './zendesk-pages';

export function ago(isoDate: string, now: number): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(isoDate.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'))) / 60_000));
  const [n, unit] =
    minutes < 60
      ? [minutes, 'minute']
      : minutes < 1440
        ? [Math.round(minutes / 60), 'hour']
        : minutes < 43_200
          ? [Math.round(minutes / 1440), 'day']
          : [Math.round(minutes / 43_200), 'month'];
  return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
}

export const timeTag = (isoDate: string, now: number): string =>
  `<time datetime="${esc(isoDate)}">${ago(isoDate, now)}</time>`;

/** Text as paragraphs, escaped; single newlines become line breaks. */
export const paragraphs = (text: string): string =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p).replaceAll('\n', '<br>')}</p>`)
    .join('');

export const initials = (name: string): string =>
  name
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => Array.from(part)[0] ?? '')
    .join('');

export const ICON =
  '<svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><path fill="currentColor" d="M2 3h12v2H2zm0 4h12v2H2zm0 4h8v2H2z"/></svg>';

/** What a vendor's page renderer returns: like zendesk-pages' AgentPage. */
export interface DemoPage {
  status: 200 | 404;
  title: string;
  /** Inner HTML of `[data-demo-main]`: what in-app navigation swaps. */
  main: string;
}
