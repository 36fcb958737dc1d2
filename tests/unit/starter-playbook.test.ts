import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_PLAYBOOK } from '@/utils/playbook/default';
import type { Playbook } from '@/utils/playbook/schema';
import {
  STARTER_LANGUAGES,
  starterIn,
  starterLanguage,
  starterLanguageFor,
  starterPlaybook,
} from '@/utils/playbook/starter';
import { importPlaybook, loadActivePlaybook } from '@/utils/playbook/store';
import { parsePlaybook } from '@/utils/playbook/validate';

/** The playbook without its words: what every language must share. */
function structureOf(playbook: Playbook) {
  return {
    ...playbook,
    name: undefined,
    promises: playbook.promises.map(({ id }) => id),
    roles: playbook.roles.map(({ id }) => id),
    behaviours: playbook.behaviours.map(({ text, detail, example, ...rest }) => ({
      ...rest,
      has: { detail: detail !== undefined, example: example !== undefined },
    })),
  };
}

/** Every text of the playbook, by where it sits. */
function textsOf(playbook: Playbook): Map<string, string> {
  const texts = new Map([['name', playbook.name]]);
  for (const p of playbook.promises) texts.set(`promise ${p.id}`, `${p.title} | ${p.summary}`);
  for (const r of playbook.roles) texts.set(`role ${r.id}`, `${r.name} | ${r.description}`);
  for (const b of playbook.behaviours) {
    for (const [field, value] of Object.entries({ text: b.text, detail: b.detail, example: b.example })) {
      if (value !== undefined) texts.set(`${b.id}.${field}`, value);
    }
  }
  return texts;
}

const translated = STARTER_LANGUAGES.filter((language) => language !== 'en');

describe('the starter playbook in every language', () => {
  it('is the English starter itself in English', async () => {
    expect(await starterIn('en')).toBe(DEFAULT_PLAYBOOK);
  });

  it.each(translated)('%s has the same ids, roles, triggers and cadences as English', async (language) => {
    const starter = await starterIn(language);
    expect(structureOf(starter)).toEqual(structureOf(DEFAULT_PLAYBOOK));
    expect(parsePlaybook(starter)).toMatchObject({ ok: true });
  });

  it.each(translated)('%s has its own words for every text, none left in English', async (language) => {
    const english = textsOf(DEFAULT_PLAYBOOK);
    const own = textsOf(await starterIn(language));
    expect([...own.keys()]).toEqual([...english.keys()]);
    const untranslated = [...own].filter(([where, text]) => !text.trim() || text === english.get(where));
    expect(untranslated).toEqual([]);
  });
});

describe('which starter a profile gets', () => {
  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['fr-CA', 'fr'],
    ['es-419', 'es'],
    ['pt-BR', 'pt_BR'],
    ['pt', 'pt_BR'],
    ['pt-PT', 'pt_BR'],
    ['ja', 'ja'],
    ['en-GB', 'en'],
    ['nl', 'en'],
    ['', 'en'],
  ])('a browser in %s gets the %s starter', (ui, language) => {
    expect(starterLanguageFor(ui)).toBe(language);
  });

  it('follows the browser language at the first read and keeps that pick afterwards', async () => {
    fakeBrowser.i18n.getUILanguage = () => 'de-AT';
    expect(await starterLanguage()).toBe('de');
    fakeBrowser.i18n.getUILanguage = () => 'ja';
    expect(await starterLanguage()).toBe('de');
    expect((await starterPlaybook()).name).toBe((await starterIn('de')).name);
  });

  it('is the playbook in force without one of the organisation or the rep', async () => {
    fakeBrowser.i18n.getUILanguage = () => 'fr-FR';
    const active = await loadActivePlaybook();
    expect(active.source).toBe('default');
    expect(active.playbook).toEqual(await starterIn('fr'));
  });

  it('leaves a playbook the rep imported in its own words', async () => {
    fakeBrowser.i18n.getUILanguage = () => 'es';
    const own = { ...DEFAULT_PLAYBOOK, name: 'Acme support playbook' };
    await importPlaybook(own);
    const active = await loadActivePlaybook();
    expect(active.source).toBe('imported');
    expect(active.playbook).toEqual(own);
  });
});
