import { type RefObject, useId } from 'react';
import { useCustomRules } from '@/utils/options/helpdesks';
import type { CustomHelpdeskRule } from '@/utils/schemas';
import { useEditing } from '@/utils/state/use-editing';
import { EditableTable } from './EditableTable';
import { HelpdeskRuleForm } from './HelpdeskRuleForm';
import { OutcomeNote } from './OutcomeView';

/** Options → Custom helpdesks: the rules an admin added, with Edit and Delete, and one form to add or edit. */
export function HelpdeskRules() {
  const { rules, outcome, save, remove } = useCustomRules();
  const { editing, setEditing, stopEditing, tableRef } = useEditing<string>((table, id) =>
    table.querySelector<HTMLButtonElement>(`button[data-edit="${CSS.escape(id)}"]`),
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
        Custom helpdesks
      </h3>
      <p className="muted hint">
        For a helpdesk Kept has no built-in support for: say where its tickets are and where the page shows the
        customer. Kept reads only what these selectors point at, and the history it shows is the tickets reps open.
      </p>
      {rules === undefined ? (
        <p className="muted" aria-busy="true">
          Loading custom helpdesks…
        </p>
      ) : rules.length === 0 ? (
        <p className="muted">No custom helpdesks yet.</p>
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
    <EditableTable titleId={titleId} tableRef={tableRef} columns={['Host', 'Ticket URL pattern']}>
      {rules.map((r) => (
        <tr key={r.id} aria-current={r.id === editing ? 'true' : undefined}>
          <th scope="row">{r.name}</th>
          <td>{r.host}</td>
          <td>
            <code>{r.ticketUrl}</code>
          </td>
          <td className="row-actions">
            <button type="button" data-edit={r.id} aria-label={`Edit ${r.name}`} onClick={() => onEdit(r.id)}>
              Edit
            </button>
            <button type="button" aria-label={`Delete ${r.name}`} onClick={() => onDelete(r)}>
              Delete
            </button>
          </td>
        </tr>
      ))}
    </EditableTable>
  );
}
