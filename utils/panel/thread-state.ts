// Threads of earlier conversations in the panel: what is cached, asking the background to read one, and whether a
// conversation's helpdesk can give its messages at all.

import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { db } from '../db';
import { adapterById } from '../helpdesks';
import { threadKeyOf } from '../history/recap';
import { helpdeskOfSource } from '../history/thread-sync';
import { send } from '../messages';
import type { Conversation, ConversationThread, ThreadMessage } from '../schemas';

/** Whether Kept knows an API for this conversation's messages; where not, its row says so instead of expanding. */
export function threadReadable(source: string): boolean {
  const adapter = adapterById(helpdeskOfSource(source).helpdesk);
  return Boolean(adapter?.session?.thread || adapter?.token?.thread);
}

/** A conversation's cached thread, live; undefined while it loads, null when never read. */
export function useThread(conversation: Pick<Conversation, 'source' | 'id'> | undefined) {
  const source = conversation?.source;
  const id = conversation?.id;
  return useLiveQuery(async () => (source && id ? ((await db.threads.get([source, id])) ?? null) : null), [source, id]);
}

/** The cached threads of these conversations, by `threadKeyOf`, live. */
export function useThreads(conversations: readonly Conversation[]): ReadonlyMap<string, readonly ThreadMessage[]> {
  const keys = useMemo(() => conversations.map((c): [string, string] => [c.source, c.id]), [conversations]);
  const rows = useLiveQuery(() => db.threads.bulkGet(keys), [keys]);
  return useMemo(
    () =>
      new Map(
        (rows ?? [])
          .filter((row): row is ConversationThread => row !== undefined)
          .map((row) => [threadKeyOf(row), row.messages]),
      ),
    [rows],
  );
}

export type ThreadReading = { state: 'idle' | 'reading' } | { state: 'failed'; message: string };

/** Asks the background to read a conversation's thread (from the cache when fresh, unless `refresh`). */
export function useReadThread(tabId: number | null | undefined) {
  const [reading, setReading] = useState<Record<string, ThreadReading>>({});
  const read = useCallback(
    async (conversation: Pick<Conversation, 'source' | 'id'>, refresh = false) => {
      if (tabId == null) return;
      const key = threadKeyOf(conversation);
      setReading((all) => ({ ...all, [key]: { state: 'reading' } }));
      const outcome: ThreadReading = await send('thread:fetch', { tabId, ...conversation, refresh }).then(
        (reply) => (reply.ok ? { state: 'idle' } : { state: 'failed', message: reply.error.message }),
        () => ({ state: 'failed', message: i18n.t('panel.noAnswer') }),
      );
      setReading((all) => ({ ...all, [key]: outcome }));
    },
    [tabId],
  );
  return { reading, read };
}

/** What a row of the earlier conversations can do with its conversation's thread. */
export interface RowThread {
  /** Kept can read this conversation's messages from its helpdesk. */
  readable: boolean;
  expanded: boolean;
  reading?: ThreadReading;
  onToggle: () => void;
  onRetry: () => void;
}

/** Which rows are expanded to their thread; expanding one reads its thread (from the cache when fresh). */
export function useRowThreads(tabId: number | null | undefined): (conversation: Conversation) => RowThread {
  const { reading, read } = useReadThread(tabId);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  return useCallback(
    (conversation: Conversation) => {
      const key = threadKeyOf(conversation);
      const isExpanded = expanded.has(key);
      return {
        readable: threadReadable(conversation.source),
        expanded: isExpanded,
        reading: reading[key],
        onToggle: () => {
          const next = new Set(expanded);
          if (isExpanded) next.delete(key);
          else next.add(key);
          setExpanded(next);
          if (!isExpanded) void read(conversation);
        },
        onRetry: () => void read(conversation, true),
      };
    },
    [expanded, reading, read],
  );
}

const AFTER_THE_CASE_MS = 400;

/** Reads the thread of `conversation` once it is known, so the story can say what we last told the customer. */
export function useThreadOnView(
  conversation: Pick<Conversation, 'source' | 'id'> | undefined,
  read: (conversation: Pick<Conversation, 'source' | 'id'>) => Promise<void>,
) {
  const source = conversation?.source;
  const id = conversation?.id;
  useEffect(() => {
    if (!source || !id || !threadReadable(source)) return;
    // After the case itself: a rep switching tickets sees the customer first, and one switching on quickly never
    // asks the helpdesk for the threads of a ticket already left.
    const soon = setTimeout(() => void read({ source, id }), AFTER_THE_CASE_MS);
    return () => clearTimeout(soon);
  }, [source, id, read]);
}
