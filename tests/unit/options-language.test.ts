import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tokenFromInput } from '@/utils/connections/tokens';
import { checkFeedDraft } from '@/utils/feed/options';
import { gorgias } from '@/utils/helpdesks/gorgias/api';
import type { TokenApi } from '@/utils/helpdesks/types';
import { tenantsFromText } from '@/utils/options/tenants';
import { chromeMessages, getMessageFrom } from './locale-messages';

// What Options says of what an admin typed, worked out outside its components, in a browser set to German: none of
// it in the schemas' English.

describe('Options’ checks in German', () => {
  beforeEach(async () => {
    fakeBrowser.i18n.getMessage = getMessageFrom(await chromeMessages('de'));
  });

  it('names each wrong line of the allowed tenants', () => {
    expect(tenantsFromText('zendsk: acme.zendesk.com\nfreshdesk:\nzendesk: acme_zendesk')).toEqual({
      ok: false,
      errors: [
        'Zeile 1: „zendsk“ ist keine Helpdesk-ID.',
        'Zeile 2: Geben Sie mindestens einen Host für Freshdesk an.',
        'Zeile 3: „acme_zendesk“ ist kein Hostname (z. B. acme.zendesk.com).',
      ],
    });
  });

  it('says what is wrong with a team feed’s Slack token or channel', () => {
    const draft = { kind: 'slack' as const, token: 'xoxp-123456789', channel: 'C0KEPT', url: '' };
    expect(checkFeedDraft(draft)).toEqual({
      ok: false,
      message: 'Es wurde nichts gespeichert: Ein Slack-Bot-Token beginnt mit xoxb-.',
    });
    expect(checkFeedDraft({ ...draft, token: 'xoxb-123456789', channel: '#kudos' })).toEqual({
      ok: false,
      message: 'Es wurde nichts gespeichert: Eine Slack-Kanal-ID sieht aus wie C0123ABCD.',
    });
  });

  it('says a pasted API key is too short', () => {
    const api = gorgias.token;
    if (!api) throw new Error('Gorgias connects with a token');
    // The form's labels are read when the page loads, in its language.
    const german: TokenApi = { ...api, fields: { ...api.fields, secret: { label: 'API-Schlüssel', hint: '' } } };
    const input = { account: 'acme-home', user: 'admin@acme-home.example', secret: 'short' };
    expect(tokenFromInput(german, input, 1)).toEqual({
      ok: false,
      error: {
        kind: 'malformed',
        message: 'API-Schlüssel muss mindestens 8 Zeichen lang sein: Fügen Sie das ganze Token ein.',
      },
    });
  });
});
