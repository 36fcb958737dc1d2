import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { useManaged } from '@/utils/options/managed';
import { settings } from '@/utils/settings';
import { errorText } from '@/utils/state/outcome';

interface Props {
  /** True once the role select can take focus (playbook and role loaded). */
  ready: boolean;
  /** The role select, focused when the page opens; null when the organisation sets the role. */
  roleSelect: RefObject<HTMLSelectElement | null>;
  /** The role the organisation set for everyone, if any. */
  presetRoleName?: string;
  onDismiss: () => void;
}

type Step = 'role' | 'name' | 'delivery';

const STEP_TITLE: Record<Step, () => string> = {
  role: () => i18n.t('welcome.steps.role'),
  name: () => i18n.t('welcome.steps.name'),
  delivery: () => i18n.t('welcome.steps.delivery'),
};

/**
 * First run (`options.html?welcome=1`): what Kept does, then three short steps, each one skippable: the role (in
 * "You" below), the name on the rep's kudos, and where kudos go (left out when the organisation's policy sets it).
 */
export function Welcome({ ready, roleSelect, presetRoleName, onDismiss }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);
  const deliveryManaged = useManaged(settings.deliveryTarget);
  const steps: Step[] = deliveryManaged ? ['role', 'name'] : ['role', 'name', 'delivery'];
  const [index, setIndex] = useState(0);
  const moved = useRef(false);
  const step = steps[Math.min(index, steps.length - 1)] ?? 'role';
  const last = index >= steps.length - 1;
  const [name, setName] = useState<string>();
  const [problem, setProblem] = useState('');

  useEffect(() => {
    if (!ready || focused.current) return;
    focused.current = true;
    const select = roleSelect.current;
    if (select && !select.disabled) select.focus();
    else heading.current?.focus();
  }, [ready, roleSelect]);

  useEffect(() => {
    void settings.profile.getValue().then((profile) => setName((typed) => typed ?? profile.name));
  }, []);

  // A step reached with Back or Next starts at its title, so keyboard and screen reader users read it from the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes.
  useEffect(() => {
    if (moved.current) stepHeading.current?.focus();
  }, [index]);

  const goTo = (next: number) => {
    moved.current = true;
    setProblem('');
    setIndex(next);
  };
  const forward = () => (last ? onDismiss() : goTo(index + 1));

  const next = async (event: FormEvent) => {
    event.preventDefault();
    if (step === 'name' && name !== undefined) {
      try {
        const profile = await settings.profile.getValue();
        const typed = name.trim();
        if (typed !== profile.name) await settings.profile.setValue({ ...profile, name: typed });
      } catch (error) {
        setProblem(i18n.t('welcome.nameNotSaved', { problem: errorText(error) }));
        return;
      }
    }
    forward();
  };

  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title" className="welcome-title" tabIndex={-1} ref={heading}>
        {i18n.t('welcome.title')}
      </h2>
      <p>{i18n.t('welcome.intro')}</p>
      <form className="welcome-step" aria-labelledby="welcome-step-title" onSubmit={next}>
        <p className="welcome-progress muted" aria-live="polite">
          {i18n.t('welcome.progress', { step: String(index + 1), total: String(steps.length) })}
        </p>
        <h3 id="welcome-step-title" className="welcome-step-title" tabIndex={-1} ref={stepHeading}>
          {STEP_TITLE[step]()}
        </h3>
        {step === 'role' && (
          <p className="welcome-next">
            {presetRoleName ? i18n.t('welcome.preset', { role: presetRoleName }) : i18n.t('welcome.pickRole')}
          </p>
        )}
        {step === 'name' && (
          <>
            <p>{i18n.t('welcome.nameHint')}</p>
            <label className="welcome-field">
              {i18n.t('welcome.nameLabel')}
              <input value={name ?? ''} onChange={(e) => setName(e.target.value)} autoComplete="name" />
            </label>
            {problem && <p className="error">{problem}</p>}
          </>
        )}
        {step === 'delivery' && (
          <>
            <p>{i18n.t('welcome.deliveryHint')}</p>
            {/* A link within the page: the hash change scrolls to the section and focuses its heading. */}
            {/* biome-ignore lint/a11y/useValidAnchor: it navigates; following it also closes the welcome. */}
            <a href="#kudos" onClick={onDismiss}>
              {i18n.t('welcome.deliveryLink')}
            </a>
          </>
        )}
        <div className="welcome-actions">
          {index > 0 && (
            <button type="button" onClick={() => goTo(index - 1)}>
              {i18n.t('welcome.back')}
            </button>
          )}
          {step === 'name' && (
            <button type="button" onClick={forward}>
              {i18n.t('welcome.skip')}
            </button>
          )}
          <button type="submit" className="primary">
            {last ? i18n.t('welcome.done') : i18n.t('welcome.next')}
          </button>
          <button type="button" className="welcome-dismiss" onClick={onDismiss}>
            {i18n.t('welcome.dismiss')}
          </button>
        </div>
      </form>
    </section>
  );
}
