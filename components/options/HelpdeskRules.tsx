import { type RefObject, useId } from 'react';
import { i18n } from '#i18n';
import { useCustomRules } from '@/utils/options/helpdesks';
import type { CustomHelpdeskRule } from '@/utils/schemas';
import { useEditing } from '@/utils/state/use-editing';
import { EditableTable } from './EditableTable';
import { HelpdeskRuleForm } from './HelpdeskRuleForm';
import { OutcomeNote } from './OutcomeView';

/** Options → Custom helpdesks: the rules an admin added, with Edit and Delete, and one form to add or edit. */
export function HelpdeskRules() {
  const { rules, outcome, save, remove } = useCustomRules();
  // The rule's Edit button, its id compared as a value rather than escaped into a selector.
  const { editing, setEditing, stopEditing, tableRef } = useEditing<string>((table, id) =>
    [...table.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.dataset.edit === id),
  );
  const titleId = useId();

  const saveRule = async (rule: CustomHelpdeskRule) => {
    await save(rule);
    if (editing) stopEditing();
  };
  const removeRule = (rule: CustomHelpdeskRule) =>
    void remove(rule).then((removed) => removed && editing === rule.id && setEditing(undefined));

  const rule = rules?.find((r) => r.id === editing);
  return (
    <div className="helpdesk-rules">
      <h3 id={titleId} className="subheading">
        {i18n.t('options.helpdeskRules.title')}
      </h3>
      <p className="muted hint">{i18n.t('options.helpdeskRules.intro')}</p>
      {rules === undefined ? (
        <p className="muted" aria-busy="true">
          {i18n.t('options.helpdeskRules.loading')}
        </p>
      ) : rules.length === 0 ? (
        <p className="muted">{i18n.t('options.helpdeskRules.none')}</p>
      ) : (
        <RulesTable
          rules={rules}
          editing={editing}
          titleId={titleId}
          tableRef={tableRef}
          onEdit={setEditing}
          onDelete={removeRule}
        />
      )}
      <OutcomeNote outcome={outcome} />
      <HelpdeskRuleForm
        // A new key per rule edited resets the fields to that rule.
        key={rule?.id ?? 'new'}
        rule={rule}
        onSave={saveRule}
        onCancel={rule ? stopEditing : undefined}
      />
    </div>
  );
}

interface TableProps {
  rules: CustomHelpdeskRule[];
  editing: string | undefined;
  titleId: string;
  tableRef: RefObject<HTMLTableElement | null>;
  onEdit: (id: string) => void;
  onDelete: (rule: CustomHelpdeskRule) => void;
}

function RulesTable({ rules, editing, titleId, tableRef, onEdit, onDelete }: TableProps) {
  return (
    <EditableTable
      titleId={titleId}
      tableRef={tableRef}
      columns={[
        i18n.t('options.helpdeskRules.field.host.label'),
        i18n.t('options.helpdeskRules.field.ticketUrl.label'),
      ]}
    >
      {rules.map((r) => (
        <tr key={r.id} aria-current={r.id === editing ? 'true' : undefined}>
          <th scope="row">{r.name}</th>
          <td>{r.host}</td>
          <td>
            <code>{r.ticketUrl}</code>
          </td>
          <td className="row-actions">
            <button
              type="button"
              data-edit={r.id}
              aria-label={i18n.t('common.editName', { name: r.name })}
              onClick={() => onEdit(r.id)}
            >
              {i18n.t('common.edit')}
            </button>
            <button
              type="button"
              aria-label={i18n.t('common.deleteName', { name: r.name })}
              onClick={() => onDelete(r)}
            >
              {i18n.t('common.delete')}
            </button>
          </td>
        </tr>
      ))}
    </EditableTable>
  );
}
