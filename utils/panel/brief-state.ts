// The case brief's decisions: the story so far, praise noticed in the customer's words, and the recap to copy.
import { useMemo } from 'react';
import { recapText, threadKeyOf } from '../history/recap';
import { handlerOf, storyOf } from '../history/story';
import { noticePraise } from '../kudos/praise';
import type { CustomerIdentity } from '../schemas';
import { settings } from '../settings';
import { useStored } from '../state/use-stored';
import type { CaseHistory } from './history-state';
import { useCopyText } from './recap-state';
import { threadReadable, useReadThread, useThread, useThreadOnView, useThreads } from './thread-state';

const NO_PEOPLE: string[] = [];

/** The names praise may name: who handled this customer's conversations, then the roster. */
function usePeople(history: CaseHistory | undefined): string[] {
  const roster = useStored(settings.roster);
  return useMemo(() => {
    const handlers = (history?.earlier ?? []).flatMap((c) => handlerOf(c) ?? []);
    const names = [...handlers, ...(roster?.people.map((p) => p.name) ?? [])];
    return names.length ? [...new Set(names)] : NO_PEOPLE;
  }, [history?.earlier, roster]);
}

/**
 * Everything the brief shows above the history: reads the last contact's thread (what we last told the customer) and
 * this case's (praise in it) as soon as they are known.
 */
export function useCaseBrief(
  tabId: number | null | undefined,
  history: CaseHistory | undefined,
  customer: Pick<CustomerIdentity, 'timeZone' | 'locale'> & { name: string },
  now: number,
) {
  const { reading, read } = useReadThread(tabId);
  const last = history?.earlier[0];
  const current = history?.current;
  useThreadOnView(last, read);
  useThreadOnView(current, read);
  const lastThread = useThread(last);
  const caseThread = useThread(current);
  const recent = useMemo(() => history?.earlier.slice(0, 3) ?? [], [history?.earlier]);
  const threads = useThreads(recent);
  const people = usePeople(history);
  const { copy, write } = useCopyText();
  const { timeZone, locale } = customer;
  const story = useMemo(
    () => history && storyOf(history.earlier, { timeZone, locale }, now, lastThread?.messages),
    [history, timeZone, locale, now, lastThread],
  );
  const praise = useMemo(
    () =>
      history ? noticePraise(history.earlier, caseThread?.messages ?? [], people, current && handlerOf(current)) : [],
    [history, caseThread, people, current],
  );
  return {
    story,
    praise,
    lastReplyReading:
      last && threadReadable(last.source) ? (reading[threadKeyOf(last)] ?? { state: 'idle' }) : undefined,
    lastThreadRead: lastThread?.fetchedAt !== undefined,
    copy,
    copyRecap: () => void write(recapText(customer.name, history?.earlier ?? [], threads)),
  };
}
