import type { ReactNode, RefObject } from 'react';
import { i18n } from '#i18n';

interface Props {
  titleId: string;
  tableRef: RefObject<HTMLTableElement | null>;
  /** Column headings after the first (the row's name), before the actions. */
  columns: string[];
  children: ReactNode;
}

/** A list an admin edits row by row: the name heads each row, Edit and Delete close it. */
export function EditableTable({ titleId, tableRef, columns, children }: Props) {
  return (
    <table aria-labelledby={titleId} className="roster-table" ref={tableRef}>
      <thead>
        <tr>
          <th scope="col">{i18n.t('common.name')}</th>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">{i18n.t('common.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
