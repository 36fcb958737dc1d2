import { useEffect, useState } from 'react';

/** Masks what a customer wrote; see `maskCustomerText`. */
export type Masker = (text: string) => string;

/**
 * The masker, loaded on first use: its phone-number metadata is about a fifth of the side panel's script, which the
 * panel should not load before it shows the case.
 */
export const loadMasker = (): Promise<Masker> => import('./mask').then((module) => module.maskCustomerText);

/** The masker once loaded (at once, after the first render); undefined until then. */
export function useMasker(): Masker | undefined {
  const [masker, setMasker] = useState<Masker>();
  useEffect(() => {
    let current = true;
    void loadMasker().then((loaded) => current && setMasker(() => loaded));
    return () => {
      current = false;
    };
  }, []);
  return masker;
}
