import { useEffect, useRef, useState } from 'react';

/**
 * Which row of a table is being edited. When an edit ends, the focus goes back to that row's Edit button, which
 * `editButton` finds in the table.
 */
export function useEditing<K>(editButton: (table: HTMLTableElement, key: K) => HTMLButtonElement | null | undefined) {
  const [editing, setEditing] = useState<K>();
  const tableRef = useRef<HTMLTableElement>(null);
  const returnTo = useRef<K>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when an edit starts or ends.
  useEffect(() => {
    if (editing !== undefined || returnTo.current === undefined || !tableRef.current) return;
    editButton(tableRef.current, returnTo.current)?.focus();
    returnTo.current = undefined;
  }, [editing]);
  const stopEditing = () => {
    returnTo.current = editing;
    setEditing(undefined);
  };
  return { editing, setEditing, stopEditing, tableRef };
}
