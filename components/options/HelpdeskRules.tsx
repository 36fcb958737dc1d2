import { useEffect, useId, useRef, useState } from 'react';
import { withoutRule, withRule } from '@/utils/custom-helpdesks/rules';
import { customRules } from '@/utils/custom-helpdesks/storage';
import type { CustomHelpdeskRule } from '@/utils/schemas';
import { HelpdeskRuleForm } from './HelpdeskRuleForm';

/** Options → Custom helpdesks: the rules an admin added, with Edit and Delete, and one form to add or edit. */
export function HelpdeskRules() {
  const [rules, setRules] = useState<CustomHelpdeskRule[]>();
  const [editing, setEditing] = useState<string>();
  const [note, setNote] = useState<{ error: boolean; text: string }>({ error: false, text: '' });
  const titleId = useId();
  const tableRef = useRef<HTMLTableElement>(null);

  useEffect(() => {
    let live = true;
    void customRules.get().then((r) => live && setRules(r));
    const stop = customRules.watch((r) => live && setRules(r));
    return () => {
      live = false;
      stop();
    };
  }, []);

  // When an edit ends, the focus goes back to that rule's Edit button.
  const returnTo = useRef<string>(undefined);
  useEffect(() => {
    if (editing !== undefined || returnTo.current === undefined) return;
    tableRef.current?.querySelector<HTMLButtonElement>(`button[data-edit="${CSS.escape(returnTo.current)}"]`)?.focus();
    returnTo.current = undefined;
  }, [editing]);
  const stopEditing = () => {
    returnTo.current = editing;
    setEditing(undefined);
  };

  /** Stores the rule into the latest stored list (another tab may have changed it); throws when it is refused. */
  const save = async (rule: CustomHelpdeskRule) => {
    const next = withRule(await customRules.get(), rule);
    await customRules.set(next);
    setRules(next);
    setNote({
      error: false,
      text: `Saved “${rule.name}”. Kept reads tickets on ${rule.host} in tabs opened or reloaded from now on.`,
    });
    if (editing) stopEditing();
  };

  const remove = (rule: CustomHelpdeskRule) => {
    customRules
      .get()
      .then((current) => customRules.set(withoutRule(current, rule.id)))
      .then(
        () => {
          if (editing === rule.id) setEditing(undefined);
          setNote({
            error: false,
            text: `Deleted “${rule.name}”. Kept stops reading ${rule.host} on its next page load.`,
          });
        },
        (error: unknown) =>
          setNote({
            error: true,
            text: `“${rule.name}” was not deleted: ${error instanceof Error ? error.message : error}`,
          }),
      );
  };

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
        <table aria-labelledby={titleId} className="roster-table" ref={tableRef}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Host</th>
              <th scope="col">Ticket URL pattern</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id} aria-current={r.id === editing ? 'true' : undefined}>
                <th scope="row">{r.name}</th>
                <td>{r.host}</td>
                <td>
                  <code>{r.ticketUrl}</code>
                </td>
                <td className="row-actions">
                  <button type="button" data-edit={r.id} aria-label={`Edit ${r.name}`} onClick={() => setEditing(r.id)}>
                    Edit
                  </button>
                  <button type="button" aria-label={`Delete ${r.name}`} onClick={() => remove(r)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p aria-live="polite" className={note.error ? 'error' : 'muted'}>
        {note.text}
      </p>
      <HelpdeskRuleForm
        // A new key per rule edited resets the fields to that rule.
        key={rule?.id ?? 'new'}
        rule={rule}
        onSave={save}
        onCancel={rule ? stopEditing : undefined}
      />
    </div>
  );
}
