import type * as z from 'zod/mini';
import { i18n } from '#i18n';
import type { TokenApi } from '../helpdesks/types';
import { managedItem } from '../policy';
import { type HelpdeskId, HelpdeskToken, HelpdeskTokens, type Result, type TokenCheck } from '../schemas';
import { secretItem } from '../secrets';

// Admins' API credentials, one per helpdesk, in Kept's secrets database (utils/secrets.ts), out of content scripts'
// reach: never `storage.sync` (it would copy them to every browser the rep signs in to), never exported whole
// (utils/privacy/export.ts masks `secret`).

export const helpdeskTokensItem = managedItem(
  secretItem('helpdeskTokens', HelpdeskTokens, {}),
  'tokens',
  // The organisation's credentials, as if saved at once.
  (tokens): HelpdeskTokens =>
    Object.fromEntries(Object.entries(tokens).map(([id, token]) => [id, { ...token, savedAt: token?.savedAt ?? 0 }])),
);

// One read-modify-write at a time, so saving one helpdesk's token never drops another's.
let writing: Promise<unknown> = Promise.resolve();
function update(change: (tokens: HelpdeskTokens) => HelpdeskTokens): Promise<void> {
  const run = writing
    .catch(() => undefined)
    .then(async () => helpdeskTokensItem.setValue(change(await helpdeskTokensItem.getValue())));
  writing = run;
  return run;
}

export const helpdeskTokens = {
  get: () => helpdeskTokensItem.getValue(),
  save: (id: HelpdeskId, token: HelpdeskToken) => update((tokens) => ({ ...tokens, [id]: token })),
  /** Records a check's outcome, unless the token was replaced or deleted meanwhile. */
  recordCheck: (id: HelpdeskId, secret: string, checked: TokenCheck) =>
    update((tokens) => {
      const token = tokens[id];
      return token?.secret === secret ? { ...tokens, [id]: { ...token, checked } } : tokens;
    }),
  remove: (id: HelpdeskId) =>
    update((tokens) => Object.fromEntries(Object.entries(tokens).filter(([key]) => key !== id))),
};

/** What is wrong with a field the form's own checks let through, in the admin's language. */
function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small') return i18n.t('options.token.tooShort', { min: String(issue.minimum) });
  if (issue.code === 'too_big') return i18n.t('options.token.tooLong', { max: String(issue.maximum) });
  return i18n.t('options.token.notAccepted');
}

/** What an admin typed for a connection, before it is checked. */
export interface TokenInput {
  account: string;
  user: string;
  secret: string;
}

/**
 * The credentials an admin typed, trimmed and checked against what this helpdesk needs; or every problem with them,
 * field by field, in the words of the form.
 */
export function tokenFromInput(api: TokenApi, input: TokenInput, now: number): Result<HelpdeskToken> {
  const problems = new Map<string, string>();
  const labelOf = (key: keyof TokenInput) => api.fields[key]?.label ?? key;
  const value = (key: keyof TokenInput): string | undefined => {
    const field = api.fields[key];
    const text = input[key].trim();
    if (!field) return undefined;
    if (!text) problems.set(key, i18n.t('options.token.required', { label: field.label }));
    else if (field.pattern && !field.pattern.regex.test(text))
      problems.set(key, i18n.t('options.token.invalid', { label: field.label, problem: field.pattern.message }));
    return text || undefined;
  };
  const account = value('account');
  const user = value('user');
  const secret = value('secret') ?? '';
  const parsed = HelpdeskToken.safeParse({ account, user, secret, savedAt: now });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof TokenInput;
      if (!problems.has(key)) {
        problems.set(key, i18n.t('options.token.invalid', { label: labelOf(key), problem: issueText(issue) }));
      }
    }
  }
  // In the order of the form.
  const message = (['account', 'user', 'secret'] as const).flatMap((key) => problems.get(key) ?? []).join(' ');
  return parsed.success && !message
    ? { ok: true, value: parsed.data }
    : { ok: false, error: { kind: 'malformed', message } };
}
