/**
 * Runs a message's handler and answers with what it resolves to, or why it failed, however it fails (a throw or a
 * rejection). Answers true: the channel stays open for the answer. Zod-free, so the content script shares it.
 */
export function answer(run: () => unknown, sendResponse: (reply: unknown) => void): true {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    result = Promise.reject(error);
  }
  Promise.resolve(result).then(
    (reply) => sendResponse({ ok: true, reply }),
    (error: unknown) => sendResponse({ ok: false, rejected: String(error) }),
  );
  return true;
}
