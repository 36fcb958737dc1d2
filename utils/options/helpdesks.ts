// Options → Helpdesks, decided: the switches, what Kept has seen of each helpdesk, the API-token connections and the
// custom helpdesk rules. The components only render what these hooks return.
import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useState } from 'react';
import { i18n } from '#i18n';
import { helpdeskSeenItem } from '../connections/seen';
import { helpdeskTokens, helpdeskTokensItem, type TokenInput, tokenFromInput } from '../connections/tokens';
import { matchPatternsOf, withoutRule, withRule } from '../custom-helpdesks/rules';
import { customRules, requestHostAccess } from '../custom-helpdesks/storage';
import { db } from '../db';
import type { HelpdeskAdapter, TokenApi } from '../helpdesks/types';
import { releaseOrigins, requestOrigin } from '../host-access';
import { send } from '../messages';
import type { CustomHelpdeskRule, HelpdeskId } from '../schemas';
import { settings } from '../settings';
import { errorText, type Outcome, useOutcome } from '../state/outcome';
import { useNow } from '../state/use-now';
import { useStored } from '../state/use-stored';

/** Every helpdesk's switch, when Kept last saw it, its saved token and history fetches; undefined while loading. */
export function useHelpdesks() {
  const { outcome, show } = useOutcome();
  const toggle = (id: HelpdeskId, name: string, on: boolean) => {
    // Merged into what is stored now, so a switch flipped in another tab is not undone.
    settings.helpdesks
      .getValue()
      .then((current) => settings.helpdesks.setValue({ ...current, [id]: on }))
      .then(
        () =>
          show({
            kind: 'done',
            text: on ? i18n.t('options.helpdesks.on', { name }) : i18n.t('options.helpdesks.off', { name }),
          }),
        (error: unknown) =>
          show({ kind: 'failed', text: i18n.t('options.helpdesks.notChanged', { name, problem: errorText(error) }) }),
      );
  };
  return {
    switches: useStored(settings.helpdesks),
    seen: useStored(helpdeskSeenItem),
    tokens: useStored(helpdeskTokensItem),
    syncRows: useLiveQuery(() => db.syncState.toArray(), []),
    // Every minute, so "Seen 3 minutes ago" ages while the page is open.
    now: useNow(60_000),
    outcome,
    toggle,
  };
}

/** The custom helpdesk rules, and saving or deleting one into the latest stored list (another tab may change it). */
export function useCustomRules() {
  const rules = useStored(customRules);
  const { outcome, show } = useOutcome();
  /** Throws when the rule is refused, for the form to say why. */
  const save = async (rule: CustomHelpdeskRule) => {
    await customRules.setValue(withRule(await customRules.getValue(), rule));
    show({
      kind: 'done',
      text: i18n.t('options.helpdeskRules.saved', { name: rule.name, host: rule.host }),
    });
  };
  const remove = (rule: CustomHelpdeskRule): Promise<boolean> =>
    customRules
      .getValue()
      .then(async (current) => {
        const remaining = withoutRule(current, rule.id);
        await customRules.setValue(remaining);
        // The host's permission goes with the rule, unless another rule still covers it.
        await releaseOrigins(matchPatternsOf([rule]), matchPatternsOf(remaining));
      })
      .then(
        () => {
          show({
            kind: 'done',
            text: i18n.t('options.helpdeskRules.deleted', { name: rule.name, host: rule.host }),
          });
          return true;
        },
        (error: unknown) => {
          show({
            kind: 'failed',
            text: i18n.t('options.helpdeskRules.notDeleted', { name: rule.name, problem: errorText(error) }),
          });
          return false;
        },
      );
  return { rules, outcome, save, remove };
}

/**
 * Checks a custom helpdesk rule's host permission and saves it. The permission is asked for at once, inside the
 * click: the browser's prompt needs the user's gesture. Answers what the form shows then.
 */
export function saveRuleWithAccess(
  rule: CustomHelpdeskRule,
  save: (rule: CustomHelpdeskRule) => Promise<void>,
): Promise<Outcome> {
  return requestHostAccess(rule.host)
    .then(async (granted): Promise<Outcome> => {
      if (!granted) {
        return {
          kind: 'failed',
          text: i18n.t('options.helpdeskRules.notAllowed', { host: rule.host }),
        };
      }
      await save(rule);
      return { kind: 'idle' };
    })
    .catch(
      (error: unknown): Outcome => ({
        kind: 'failed',
        text: i18n.t('options.helpdeskRules.notSaved', { problem: errorText(error) }),
      }),
    );
}

const EMPTY: TokenInput = { account: '', user: '', secret: '' };

/** What the form shows is what is saved: an untouched list field holds its first choice. */
function withDefaults(api: TokenApi, input: TokenInput): TokenInput {
  const first = (key: 'account' | 'user') => input[key] || (api.fields[key]?.choices?.[0]?.value ?? '');
  return { ...input, account: first('account'), user: first('user') };
}

/** Asks the background to try the saved token; a failure to ask is itself a readable outcome. */
const check = (adapter: Pick<HelpdeskAdapter, 'id' | 'name'>): Promise<Outcome> =>
  send('connection:check', { helpdesk: adapter.id }).then(
    (checked) => ({ kind: checked.ok ? 'done' : 'failed', text: checked.message }),
    (error: unknown) => ({ kind: 'failed', text: i18n.t('options.token.checkFailed', { problem: String(error) }) }),
  );

/** One helpdesk's API-token form: what is typed, saving (with the host's permission), checking and deleting. */
export function useTokenConnection(adapter: Pick<HelpdeskAdapter, 'id' | 'name'> & { token: TokenApi }) {
  const [input, setInput] = useState<TokenInput>(EMPTY);
  const [replacing, setReplacing] = useState(false);
  const { outcome, show, run } = useOutcome();
  const { token: api, name } = adapter;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const token = tokenFromInput(api, withDefaults(api, input), Date.now());
    if (!token.ok) return show({ kind: 'failed', text: token.error.message });
    const origin = api.origin(token.value);
    // The permission prompt needs this click: ask before anything is awaited.
    const access = requestOrigin(origin, i18n.t('options.token.notAllowed', { origin }));
    run(i18n.t('options.token.saving', { name }), () =>
      access
        .then(async (granted): Promise<Outcome> => {
          if (!granted.granted) return { kind: 'failed', text: granted.why };
          await helpdeskTokens.save(adapter.id, token.value);
          setInput(EMPTY);
          setReplacing(false);
          return check(adapter);
        })
        .catch(
          (error: unknown): Outcome => ({
            kind: 'failed',
            text: i18n.t('options.token.notSaved', { problem: String(error) }),
          }),
        ),
    );
  };

  const remove = () =>
    void helpdeskTokens
      .get()
      .then(async (tokens) => {
        const saved = tokens[adapter.id];
        await helpdeskTokens.remove(adapter.id);
        // The API host's permission was asked for this token: it goes with it.
        if (saved) await releaseOrigins([`${api.origin(saved)}/*`]);
      })
      .then(
        (): Outcome => ({ kind: 'done', text: i18n.t('options.token.deleted', { name }) }),
        (error: unknown): Outcome => ({
          kind: 'failed',
          text: i18n.t('options.token.notDeleted', { problem: String(error) }),
        }),
      )
      .then(show);

  return {
    input,
    setInput,
    replacing,
    setReplacing,
    outcome,
    submit,
    remove,
    check: () => run(i18n.t('options.token.checking', { name }), () => check(adapter)),
  };
}
