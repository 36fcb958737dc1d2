/** The first retry comes this long after a failed attempt. */
export const FIRST_RETRY_MS = 30_000;
/** No wait between two attempts is longer than this, whatever the server asks. */
export const MAX_RETRY_MS = 3_600_000;
/** A kudos still not delivered this long after its first attempt is marked failed (with a Retry button). */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;
/**
 * …and only once this many attempts failed: a clock set a day ahead (or a computer asleep past the deadline) must
 * not fail a kudos at its first attempt. Eight failures take about an hour of backoff; a normal day holds over 24.
 */
export const MIN_ATTEMPTS_BEFORE_GIVING_UP = 8;

/**
 * How long to wait after the `attempt`-th failed attempt (1 = the first one failed).
 *
 * Exponential with "equal jitter": the ceiling doubles from 30 s (30 s, 1 min, 2 min, … capped at 1 h) and the
 * wait is half the ceiling plus a random half, never below 30 s. So attempt 1 waits exactly 30 s, attempt 2 waits
 * 30–60 s, attempt 3 60–120 s, and from attempt 8 on 30–60 min. The jitter spreads retries of many kudos that
 * failed together (a Slack outage) instead of sending them in one burst.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(Math.floor(attempt), 1) - 1, 30);
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** exponent);
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.max(FIRST_RETRY_MS, Math.round(ceiling / 2 + (jitter * ceiling) / 2));
}

/**
 * When to try again after the `attempt`-th failed attempt, or null to give up.
 *
 * - The wait is the backoff or the server's `Retry-After`, whichever is longer; a `Retry-After` longer than 1 h is
 *   cut to 1 h (a misbehaving server cannot park a kudos for days; asking again early costs one more 429).
 * - No attempt is scheduled past 24 h after the first one: the last retry is moved to exactly that moment, and a
 *   failure at or after it gives up (null), so every kudos ends within a day as sent or visibly failed; unless fewer
 *   than `MIN_ATTEMPTS_BEFORE_GIVING_UP` attempts were made (the clock jumped), which go on with the backoff.
 */
export function nextAttemptAt(
  now: number,
  attempt: number,
  firstAttemptAt: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number | null {
  const deadline = firstAttemptAt + GIVE_UP_AFTER_MS;
  const enoughAttempts = attempt >= MIN_ATTEMPTS_BEFORE_GIVING_UP;
  if (now >= deadline && enoughAttempts) return null;
  const asked = retryAfterMs !== undefined && Number.isFinite(retryAfterMs) ? Math.max(0, retryAfterMs) : 0;
  const wait = Math.max(backoffDelay(attempt, random), Math.min(asked, MAX_RETRY_MS));
  return now >= deadline ? now + wait : Math.min(now + wait, deadline);
}
