import { i18n } from '#i18n';

/** Another button of a form's, beside its submit button. */
export interface FormAction {
  label: string;
  onClick: () => void;
}

/** A form's submit button; beside it the form's other action if it has one, and Cancel when there is one. */
export function FormActions({ submit, also, onCancel }: { submit: string; also?: FormAction; onCancel?: () => void }) {
  return (
    <div className="form-actions">
      <button type="submit" className="primary">
        {submit}
      </button>
      {also && (
        <button type="button" onClick={also.onClick}>
          {also.label}
        </button>
      )}
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {i18n.t('common.cancel')}
        </button>
      )}
    </div>
  );
}
