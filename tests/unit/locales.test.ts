import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ParsedMessage, parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { i18n } from '#i18n';
import { LOCALES_DIR } from './locale-messages';

/** The languages Kept speaks: English (the default) and the ones a support team asked for first. */
const LOCALES = ['en', 'de', 'fr', 'es', 'pt_BR', 'ja'];
/** Languages where 0 takes the singular ("0 conversation"): their plurals need a form of their own for 0. */
const ZERO_IS_SINGULAR = new Set(['fr', 'pt_BR']);
/** Languages without plural forms: one form for every count is right. */
const NO_PLURALS = new Set(['ja']);

const read = async (locale: string) =>
  new Map((await parseMessagesFile(resolve(LOCALES_DIR, `${locale}.yml`))).map((m) => [m.key.join('.'), m]));

/** What a message takes from the code: its numbered and named substitutions, which every language must use alike. */
const takes = (m: ParsedMessage) => ({ substitutions: m.substitutions, named: [...m.namedSubstitutions].sort() });

describe('locales', () => {
  it('has a file for every language and no other', () => {
    const files = readdirSync(LOCALES_DIR).map((f) => f.replace(/\.yml$/, ''));
    expect(files.sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES.filter((l) => l !== 'en'))(
    '%s has exactly the English keys, each taking the same values',
    async (locale) => {
      const [english, other] = await Promise.all([read('en'), read(locale)]);
      expect(
        [...english.keys()].filter((k) => !other.has(k)),
        'missing',
      ).toEqual([]);
      expect(
        [...other.keys()].filter((k) => !english.has(k)),
        'not in English',
      ).toEqual([]);
      for (const [key, message] of english) {
        const translated = other.get(key);
        if (!translated) continue;
        expect(takes(translated), key).toEqual(takes(message));
        expect(translated.type === 'plural', `${key} is a plural in English`).toBe(message.type === 'plural');
      }
    },
  );

  it.each(LOCALES)('%s gives every count its right form and no message is empty', async (locale) => {
    for (const [key, message] of await read(locale)) {
      const forms = message.type === 'plural' ? Object.values(message.plurals) : [message.message];
      expect(
        forms.every((f) => f.trim() !== ''),
        key,
      ).toBe(true);
      if (message.type !== 'plural') continue;
      const counts = Object.keys(message.plurals).sort();
      if (NO_PLURALS.has(locale)) expect(counts, key).toEqual(['n']);
      else if (ZERO_IS_SINGULAR.has(locale)) expect(counts, key).toEqual(['0', '1', 'n']);
      else expect(counts, key).toContain('1');
    }
  });

  it.each(LOCALES)('%s fits the stores: name within 45 and description within 132 characters', async (locale) => {
    const messages = await read(locale);
    const text = (key: string) => {
      const m = messages.get(key);
      return m?.type === 'simple' ? m.message : '';
    };
    expect(text('extName').length).toBeGreaterThan(0);
    expect(text('extName').length).toBeLessThanOrEqual(45);
    expect(text('extDescription').length).toBeGreaterThan(0);
    expect(text('extDescription').length).toBeLessThanOrEqual(132);
  });

  it('answers in English where the browser speaks it', () => {
    expect(i18n.t('extName')).toBe('Kept');
    expect(i18n.t('command.openPanel')).toBe('Open the Kept panel for this ticket');
  });
});
