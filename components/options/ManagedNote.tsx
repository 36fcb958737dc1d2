import { i18n } from '#i18n';

/** Said beside a setting the organisation's policy sets, whose controls are then disabled. */
export function ManagedNote({ managed }: { managed: boolean | undefined }) {
  if (!managed) return null;
  return <p className="managed-note">{i18n.t('options.managed')}</p>;
}
