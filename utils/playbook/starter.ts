// The starter playbook in the rep's language: one structure (utils/playbook/default.ts: ids, roles, triggers,
// cadences), and per language only its words, looked up by id. The language is picked from the browser's once and
// kept, so the starter does not change under a team whose browsers update or differ.
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { DEFAULT_PLAYBOOK } from './default';
import type { Behaviour, BrandPromise, Playbook, Role } from './schema';

export const STARTER_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt_BR', 'ja'] as const;
export const StarterLanguage = z.enum(STARTER_LANGUAGES);
export type StarterLanguage = z.infer<typeof StarterLanguage>;

/** The starter's words in one language, by the id of what they belong to. */
export interface StarterTexts {
  name: string;
  promises: Record<string, Pick<BrandPromise, 'title' | 'summary'>>;
  roles: Record<string, Pick<Role, 'name' | 'description'>>;
  behaviours: Record<string, Pick<Behaviour, 'text' | 'detail' | 'example'>>;
}

/** The starter's words in every language but English, each loaded only when that language is the one picked. */
const TRANSLATIONS: Record<Exclude<StarterLanguage, 'en'>, () => Promise<{ texts: StarterTexts }>> = {
  de: () => import('./starter/de'),
  fr: () => import('./starter/fr'),
  es: () => import('./starter/es'),
  pt_BR: () => import('./starter/pt_BR'),
  ja: () => import('./starter/ja'),
};

/** The starter a browser language gets: `de-AT` → de, `pt`/`pt-BR` → pt_BR, any language Kept lacks → en. */
export function starterLanguageFor(uiLanguage: string): StarterLanguage {
  const base = uiLanguage.toLowerCase().split(/[-_]/)[0] ?? '';
  if (base === 'pt') return 'pt_BR';
  const found = StarterLanguage.safeParse(base);
  return found.success ? found.data : 'en';
}

const pickedItem = storage.defineItem<unknown>('local:starterLanguage');

/** The starter's language: picked from the browser's at the first read and kept from then on. */
export async function starterLanguage(): Promise<StarterLanguage> {
  const kept = StarterLanguage.safeParse(await pickedItem.getValue());
  if (kept.success) return kept.data;
  const picked = starterLanguageFor(browser.i18n.getUILanguage());
  await pickedItem.setValue(picked);
  return picked;
}

/** The English starter with every text replaced by its translation; ids, roles and triggers stay as they are. */
export function translatedStarter(texts: StarterTexts): Playbook {
  return {
    ...DEFAULT_PLAYBOOK,
    name: texts.name,
    promises: DEFAULT_PLAYBOOK.promises.map((p) => ({ ...p, ...texts.promises[p.id] })),
    roles: DEFAULT_PLAYBOOK.roles.map((r) => ({ ...r, ...texts.roles[r.id] })),
    behaviours: DEFAULT_PLAYBOOK.behaviours.map((b) => ({ ...b, ...texts.behaviours[b.id] })),
  };
}

/** The starter playbook in a language. */
export async function starterIn(language: StarterLanguage): Promise<Playbook> {
  if (language === 'en') return DEFAULT_PLAYBOOK;
  const { texts } = await TRANSLATIONS[language]();
  return translatedStarter(texts);
}

/** The starter playbook in the language picked for this profile. */
export async function starterPlaybook(): Promise<Playbook> {
  return starterIn(await starterLanguage());
}
