import { i18n } from '#i18n';

/** A form's submit button and, when there is something to cancel, Cancel beside it. */
export function FormActions({ submit, onCancel }: { submit: string; onCancel?: () => void }) {
  return (
    <div className="form-actions">
      <button type="submit" className="primary">
        {submit}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {i18n.t('common.cancel')}
        </button>
      )}
    </div>
  );
}
