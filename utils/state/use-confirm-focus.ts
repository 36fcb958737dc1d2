import { useEffect, useRef } from 'react';

/**
 * While a choice is confirmed, whichever button replaced the one just pressed takes the focus: Cancel (the safe
 * choice), then the button that asked again.
 */
export function useConfirmFocus(confirming: boolean) {
  const ask = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    (confirming ? cancel : ask).current?.focus();
  }, [confirming]);
  return { ask, cancel };
}
