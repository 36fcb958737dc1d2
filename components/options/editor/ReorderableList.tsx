import { type DragEvent, type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { useEditor } from './EditorContext';

type Direction = 'up' | 'down';

interface Props<T> {
  /** The list's name, e.g. "Behaviours". */
  label: string;
  items: readonly T[];
  /** What a row is called, read out and shown when closed: a behaviour's text, a promise's title. */
  nameOf: (item: T) => string;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
  /** Adds an item at the end, which opens for editing; `addLabel` names the button ("Add a behaviour"). */
  onAdd: () => void;
  addLabel: string;
  /** The fields of an open row. */
  children: (item: T, index: number) => ReactNode;
}

/** Open rows follow their item when it moves or a row above it goes. */
function shifted(open: ReadonlySet<number>, at: (index: number) => number | undefined): Set<number> {
  return new Set([...open].flatMap((i) => at(i) ?? []));
}

function movedIndex(i: number, from: number, to: number): number {
  if (i === from) return to;
  if (from < i && i <= to) return i - 1;
  if (to <= i && i < from) return i + 1;
  return i;
}

type FocusTarget = { index: number; direction: Direction | 'new' };

/** After a move the moved row's same button (or the other, at an end) has the focus; a new row's first field. */
function useFocusAfter(list: RefObject<HTMLOListElement | null>, target: FocusTarget | undefined) {
  useEffect(() => {
    if (!target || !list.current) return;
    const row = list.current.children[target.index];
    if (target.direction === 'new') return row?.querySelector<HTMLElement>('input, textarea')?.focus();
    const buttons = [...(row?.querySelectorAll<HTMLButtonElement>('button[data-move]') ?? [])];
    const wanted = buttons.find((b) => b.dataset.move === target.direction && !b.disabled);
    (wanted ?? buttons.find((b) => !b.disabled))?.focus();
  }, [list, target]);
}

/**
 * Rows an editor can open, move (Move up / Move down from the keyboard, or by dragging a row onto another) and
 * delete. Rows are keyed by place, so typing a new id keeps the field in focus; after a move the focus follows the
 * moved row's button.
 */
export function ReorderableList<T>({ label, items, nameOf, onMove, onRemove, onAdd, addLabel, children }: Props<T>) {
  const { readOnly } = useEditor();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [dragFrom, setDragFrom] = useState<number>();
  const [said, setSaid] = useState('');
  const [focusNext, setFocusNext] = useState<FocusTarget>();
  const list = useRef<HTMLOListElement>(null);
  useFocusAfter(list, focusNext);
  const nameAt = (index: number) =>
    (items[index] === undefined ? '' : nameOf(items[index] as T)) || i18n.t('editor.untitled');

  const move = (from: number, to: number, direction?: Direction) => {
    if (items[from] === undefined || to < 0 || to >= items.length || from === to) return;
    onMove(from, to);
    setOpen(shifted(open, (i) => movedIndex(i, from, to)));
    setSaid(i18n.t('editor.moved', { name: nameAt(from), position: to + 1, count: items.length }));
    if (direction) setFocusNext({ index: to, direction });
  };
  const remove = (index: number) => {
    onRemove(index);
    setOpen(shifted(open, (i) => (i === index ? undefined : i > index ? i - 1 : i)));
    setSaid(i18n.t('editor.deleted', { name: nameAt(index) }));
  };
  const add = () => {
    onAdd();
    setOpen(new Set(open).add(items.length));
    setFocusNext({ index: items.length, direction: 'new' });
  };
  const toggle = (index: number) => {
    const next = new Set(open);
    if (!next.delete(index)) next.add(index);
    setOpen(next);
  };
  const drag: Drag = {
    from: dragFrom,
    start: setDragFrom,
    end: () => setDragFrom(undefined),
    drop: (to) => {
      if (dragFrom !== undefined) move(dragFrom, to);
      setDragFrom(undefined);
    },
  };

  return (
    <>
      <ol aria-label={label} className="editor-list" ref={list}>
        {items.map((item, index) => (
          <ListRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are keyed by place on purpose (see above).
            key={index}
            name={nameAt(index)}
            index={index}
            open={open.has(index)}
            drag={drag}
            onToggle={() => toggle(index)}
            actions={
              !readOnly && (
                <RowActions
                  index={index}
                  count={items.length}
                  onMove={(to, direction) => move(index, to, direction)}
                  onRemove={() => remove(index)}
                />
              )
            }
          >
            {children(item, index)}
          </ListRow>
        ))}
      </ol>
      <p aria-live="polite" className="visually-hidden">
        {said}
      </p>
      {!readOnly && (
        <button type="button" onClick={add}>
          {addLabel}
        </button>
      )}
    </>
  );
}

interface Drag {
  /** The row being dragged, if any. */
  from: number | undefined;
  start: (index: number) => void;
  end: () => void;
  drop: (to: number) => void;
}

interface ListRowProps {
  name: string;
  index: number;
  open: boolean;
  drag: Drag;
  onToggle: () => void;
  actions: ReactNode;
  /** The fields, shown while the row is open. */
  children: ReactNode;
}

function ListRow({ name, index, open, drag, onToggle, actions, children }: ListRowProps) {
  const { readOnly } = useEditor();
  return (
    <li
      aria-label={name}
      className={drag.from === index ? 'editor-item dragging' : 'editor-item'}
      // A closed row drags; an open one does not, so its fields' text can be selected with the mouse.
      draggable={!readOnly && !open}
      onDragStart={(e) => {
        drag.start(index);
        e.dataTransfer?.setData('text/plain', name);
      }}
      onDragEnd={drag.end}
      onDragOver={(e) => drag.from !== undefined && e.preventDefault()}
      onDrop={(e: DragEvent) => {
        e.preventDefault();
        drag.drop(index);
      }}
    >
      <div className="editor-item-head">
        <span className="editor-item-name">{name}</span>
        <button type="button" aria-expanded={open} onClick={onToggle}>
          {i18n.t(readOnly ? 'editor.show' : 'editor.open')}
        </button>
        {actions}
      </div>
      {open && <div className="editor-item-body">{children}</div>}
    </li>
  );
}

interface RowActionsProps {
  index: number;
  count: number;
  onMove: (to: number, direction: Direction) => void;
  onRemove: () => void;
}

function RowActions({ index, count, onMove, onRemove }: RowActionsProps) {
  return (
    <>
      <button type="button" data-move="up" disabled={index === 0} onClick={() => onMove(index - 1, 'up')}>
        {i18n.t('editor.moveUp')}
      </button>
      <button type="button" data-move="down" disabled={index === count - 1} onClick={() => onMove(index + 1, 'down')}>
        {i18n.t('editor.moveDown')}
      </button>
      <button type="button" onClick={onRemove}>
        {i18n.t('common.delete')}
      </button>
    </>
  );
}
