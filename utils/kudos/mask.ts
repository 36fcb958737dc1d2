/**
 * Masks what identifies a customer in a quote before it leaves Kept: email addresses, phone numbers and long runs of
 * digits (card, account and order numbers). Words and short numbers ("3 days", "#5512") stay readable.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// Digits with the separators people type inside numbers; judged by how many digits they hold.
const DIGIT_RUN = /\+?\(?\d[\d\s().-]*\d/g;

function maskDigits(run: string): string {
  const digits = run.replace(/\D/g, '').length;
  if (digits < 6) return run;
  const phoneLike = /^\+|[\s().-]/.test(run.trim()) && digits >= 7 && digits <= 15;
  // Keep the separators' outer spaces so the sentence still reads.
  const lead = run.match(/^\s*/)?.[0] ?? '';
  const trail = run.match(/\s*$/)?.[0] ?? '';
  return `${lead}${phoneLike ? '[phone]' : '[number]'}${trail}`;
}

export function maskQuote(text: string): string {
  return text.replace(EMAIL, '[email]').replace(DIGIT_RUN, maskDigits);
}
