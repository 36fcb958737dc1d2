import { type RefObject, useEffect, useRef } from 'react';

interface Props {
  /** True once the role select can take focus (playbook and role loaded). */
  ready: boolean;
  /** The role select, focused when the page opens; null when the organisation sets the role. */
  roleSelect: RefObject<HTMLSelectElement | null>;
  /** The role the organisation set for everyone, if any. */
  presetRoleName?: string;
  onDismiss: () => void;
}

/** First run (`options.html?welcome=1`): what Kept does, and the one thing to do now. */
export function Welcome({ ready, roleSelect, presetRoleName, onDismiss }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);

  useEffect(() => {
    if (!ready || focused.current) return;
    focused.current = true;
    const select = roleSelect.current;
    if (select && !select.disabled) select.focus();
    else heading.current?.focus();
  }, [ready, roleSelect]);

  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title" className="welcome-title" tabIndex={-1} ref={heading}>
        Welcome to Kept
      </h2>
      <p>
        Kept shows a customer’s earlier conversations beside every helpdesk ticket, so nobody has to explain themselves
        twice. It also lists the behaviours that keep our brand promises, and lets you thank the teammates who keep
        them.
      </p>
      <p className="welcome-next">
        {presetRoleName
          ? `Your organisation has set your role to ${presetRoleName}; the behaviours that keep our promises are below.`
          : 'Pick your role to see the behaviours that keep our promises'}
      </p>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  );
}
