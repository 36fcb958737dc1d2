import { resolve } from 'node:path';
import { type ChromeMessage, generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

export const LOCALES_DIR = resolve(__dirname, '../../locales');

/** A locale's messages as the build writes them to `_locales/<locale>/messages.json`. */
export async function chromeMessages(locale: string): Promise<Record<string, ChromeMessage>> {
  return generateChromeMessages(await parseMessagesFile(resolve(LOCALES_DIR, `${locale}.yml`)));
}

/**
 * `browser.i18n.getMessage` as the browser answers it: named placeholders (`$name$`) take their content, `$1`…`$9` the
 * substitutions, `$$` is a dollar sign; an unknown key is "".
 */
export function getMessageFrom(messages: Record<string, ChromeMessage>) {
  return (key: string, substitutions?: string | string[]): string => {
    const message = messages[key];
    if (!message) return '';
    const subs = substitutions === undefined ? [] : [substitutions].flat();
    const numbered = (text: string) =>
      text.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (subs[Number(which) - 1] ?? '')));
    const named = message.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
      const placeholder = message.placeholders?.[name.toLowerCase()] ?? message.placeholders?.[name];
      return placeholder ? placeholder.content : '';
    });
    return numbered(named);
  };
}
