import { type RefObject, useEffect, useRef } from 'react';
import { i18n } from '#i18n';

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
        {i18n.t('welcome.title')}
      </h2>
      <p>{i18n.t('welcome.intro')}</p>
      <p className="welcome-next">
        {presetRoleName ? i18n.t('welcome.preset', { role: presetRoleName }) : i18n.t('welcome.pickRole')}
      </p>
      <button type="button" onClick={onDismiss}>
        {i18n.t('welcome.dismiss')}
      </button>
    </section>
  );
}
