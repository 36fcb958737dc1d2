import { storage } from 'wxt/utils/storage';
import { TabCase } from './schemas';

/** The case in each tab lives in storage.session: gone with the browser session, shared by the worker and the panel. */
const keyOf = (tabId: number) => `session:tab-case:${tabId}` as const;

const parse = (raw: unknown): TabCase | null => {
  const parsed = TabCase.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

export const tabCases = {
  get: async (tabId: number) => parse(await storage.getItem(keyOf(tabId))),
  set: (tabId: number, value: TabCase) => storage.setItem(keyOf(tabId), TabCase.parse(value)),
  remove: (tabId: number) => storage.removeItem(keyOf(tabId)),
  watch: (tabId: number, callback: (value: TabCase | null) => void) =>
    storage.watch(keyOf(tabId), (raw) => callback(parse(raw))),
};
