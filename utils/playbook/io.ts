import { i18n } from '#i18n';
import { signalLabel } from '../history/signals';
import { calendarDate, duration } from '../time';
import type { Behaviour, Playbook } from './schema';
import { MAX_PLAYBOOK_BYTES, type PlaybookError, parsePlaybookText } from './validate';

/** The playbook as a person would want to read and edit it: two-space JSON, ending in a newline. */
export function playbookToJson(playbook: Playbook): string {
  return `${JSON.stringify(playbook, null, 2)}\n`;
}

export const EXPORT_FILE_NAME = 'kept-playbook.json';

const DAY = 24 * 60 * 60_000;
/** A playbook nobody has looked at for longer than this is worth a nudge. */
export const REVIEW_STALE_DAYS = 90;

/** Whole days since the last review (null when there is no usable date), and whether that is too long ago. */
export function reviewAge(reviewedAt: string | undefined, now: number): { days: number | null; stale: boolean } {
  const at = reviewedAt ? Date.parse(reviewedAt) : Number.NaN;
  if (Number.isNaN(at)) return { days: null, stale: true };
  const days = Math.max(0, Math.floor((now - at) / DAY));
  return { days, stale: days > REVIEW_STALE_DAYS };
}

/** The case facts that bring a behaviour to the top, as short labels: "Repeat contact", "Tag: vip". */
export function triggerLabels(when: Behaviour['when']): string[] {
  if (!when) return [];
  return [
    ...(when.signals ?? []).map(signalLabel),
    ...(when.tags ?? []).map((tag) => i18n.t('editor.trigger.tag', { tag })),
    ...(when.channels ?? []).map((channel) => i18n.t('editor.trigger.channel', { channel })),
    ...(when.statuses ?? []).map((status) => i18n.t('editor.trigger.status', { status })),
  ];
}

/** "Last reviewed 20 Nov 2026 by Dana Okoro", and a nudge when that is too long ago or unknown. */
export function reviewSummary(playbook: Playbook, now: number): { line: string; warning?: string } {
  const { reviewedAt, reviewedBy } = playbook;
  const { days, stale } = reviewAge(reviewedAt, now);
  const date = reviewedAt && days !== null ? calendarDate(Date.parse(reviewedAt)) : undefined;
  const line = date
    ? reviewedBy
      ? i18n.t('editor.review.lastBy', { date, name: reviewedBy })
      : i18n.t('editor.review.last', { date })
    : reviewedBy
      ? i18n.t('editor.review.undated', { name: reviewedBy })
      : i18n.t('editor.review.never');
  if (!stale) return { line };
  const warning =
    days === null ? i18n.t('editor.review.noDate') : i18n.t('editor.review.stale', { age: duration(days, 'day') });
  return { line, warning };
}

/** Said after a playbook was saved. */
export function importedMessage(playbook: Playbook): string {
  return i18n.t('options.playbook.imported', playbook.behaviours.length, { name: playbook.name });
}

/** Reads what the rep typed as a playbook address; only https is accepted (the extension may only ask for those). */
export function checkPlaybookUrl(input: string): { ok: true; url: URL } | { ok: false; message: string } {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, message: i18n.t('options.playbook.url.empty') };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: i18n.t('options.playbook.url.notUrl', { address: trimmed }) };
  }
  if (url.protocol !== 'https:') {
    return {
      ok: false,
      message: i18n.t('options.playbook.url.notHttps', { address: trimmed, scheme: url.protocol.slice(0, -1) }),
    };
  }
  return { ok: true, url };
}

export type DownloadProblem = { kind: 'http' | 'network' | 'too-large' | 'insecure'; message: string };
export type Download = { ok: true; text: string } | { ok: false; error: DownloadProblem };

const failed = (
  kind: DownloadProblem['kind'],
  why: string,
  next = i18n.t('options.playbook.download.checkUrl'),
): Download => ({
  ok: false,
  error: { kind, message: i18n.t('options.playbook.download.failed', { why, next }) },
});

/**
 * Downloads a playbook's text. Failures come back as values with a sentence a rep can act on. Nothing is parsed
 * here; `fetchPlaybook` does both.
 */
export async function downloadPlaybookText(
  url: string | URL,
  fetchImpl: typeof fetch,
  { timeoutMs = 15_000 }: { timeoutMs?: number } = {},
): Promise<Download> {
  let response: Response;
  try {
    response = await fetchImpl(String(url), {
      credentials: 'omit',
      cache: 'no-store',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      const seconds = Math.ceil(timeoutMs / 1000);
      return failed(
        'network',
        i18n.t('options.playbook.download.noAnswer', { time: duration(seconds, 'second') }),
        i18n.t('options.playbook.download.later'),
      );
    }
    const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
    return failed(
      'network',
      i18n.t('options.playbook.download.requestFailed', { detail }),
      i18n.t('options.playbook.download.checkConnection'),
    );
  }
  // The address was checked before (checkPlaybookUrl); a redirect must not quietly downgrade it.
  if (String(url).startsWith('https:') && response.url && !response.url.startsWith('https:')) {
    return failed(
      'insecure',
      i18n.t('options.playbook.download.insecure'),
      i18n.t('options.playbook.download.finalAddress'),
    );
  }
  if (!response.ok) {
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return failed('http', status);
  }
  const length = Number(response.headers.get('content-length'));
  if (length > MAX_PLAYBOOK_BYTES) return tooLarge();
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
    return failed(
      'network',
      i18n.t('options.playbook.download.interrupted', { detail }),
      i18n.t('options.playbook.download.again'),
    );
  }
  if (new TextEncoder().encode(text).length > MAX_PLAYBOOK_BYTES) return tooLarge();
  return { ok: true, text };
}

function tooLarge(): Download {
  return failed(
    'too-large',
    i18n.t('options.playbook.download.tooLarge', { size: MAX_PLAYBOOK_BYTES / 1_000_000 }),
    i18n.t('options.playbook.download.smaller'),
  );
}

export type FetchedPlaybook =
  | { ok: true; playbook: Playbook }
  | { ok: false; kind: 'failed'; message: string }
  | { ok: false; kind: 'invalid'; errors: PlaybookError[] };

/** Downloads and validates a playbook; nothing is saved. */
export async function fetchPlaybook(url: string | URL, fetchImpl: typeof fetch): Promise<FetchedPlaybook> {
  const download = await downloadPlaybookText(url, fetchImpl);
  if (!download.ok) return { ok: false, kind: 'failed', message: download.error.message };
  const parsed = parsePlaybookText(download.text);
  return parsed.ok ? parsed : { ok: false, kind: 'invalid', errors: parsed.errors };
}

/** Reads and validates a playbook file the rep picked; nothing is saved. */
export async function readPlaybookFile(file: Blob): Promise<FetchedPlaybook> {
  if (file.size > MAX_PLAYBOOK_BYTES) {
    return {
      ok: false,
      kind: 'failed',
      message: i18n.t('options.playbook.fileTooLarge', { size: MAX_PLAYBOOK_BYTES / 1_000_000 }),
    };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, kind: 'failed', message: i18n.t('options.playbook.fileUnreadable') };
  }
  const parsed = parsePlaybookText(text);
  return parsed.ok ? parsed : { ok: false, kind: 'invalid', errors: parsed.errors };
}
