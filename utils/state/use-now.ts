import { useEffect, useState } from 'react';

/** The clock relative dates are read against, ticking so "3 minutes ago" stays true while a page is open. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
