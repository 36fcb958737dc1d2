import { answerOrgIdRequests, ZOHODESK_MATCHES } from '@/utils/page-world/zohodesk-org';

// Zoho Desk's org id lives in a page global only the page's own world can read (utils/page-world/zohodesk-org.ts).
// A MAIN-world content script is declared in the manifest and injected by the browser itself, so Desk's CSP, which
// blocks inline scripts, does not apply to it; WXT's injectScript inlines the script's text under Manifest V2 and
// would be blocked there. Chrome 111+ and Firefox 128+ (Kept's minimum) run MAIN-world manifest scripts, in Firefox
// under Manifest V2 as well. It reads the org id when asked and nothing else; it has no extension APIs, and imports
// only zohodesk-org.ts (no Zod, whose modules set a global).
export default defineContentScript({
  matches: ZOHODESK_MATCHES,
  world: 'MAIN',
  runAt: 'document_idle',
  // An anonymous IIFE: a named one would declare a global in the helpdesk's page.
  globalName: false,
  // It answers for the life of the page; the way to stop is for tests.
  main: () => answerOrgIdRequests(window),
});
