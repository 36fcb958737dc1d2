import { i18n } from '#i18n';
import { addItem, type ItemOf, type ListName, moveItem, patchItem, removeItem } from '@/utils/playbook/draft';
import type { Playbook } from '@/utils/playbook/schema';
import { BehaviourFields } from './BehaviourFields';
import { useEditor } from './EditorContext';
import { TextField } from './Fields';
import { ReorderableList } from './ReorderableList';

interface ListEditorProps<L extends ListName> {
  list: L;
  title: string;
  /** The add button's words: "Add a promise". */
  add: string;
  playbook: Playbook;
  nameOf: (item: ItemOf<L>) => string;
  children: (item: ItemOf<L>, index: number) => React.ReactNode;
}

/** One of the playbook's lists with its rows, and a button that adds an item at its end. */
function ListEditor<L extends ListName>({ list, title, add, playbook, nameOf, children }: ListEditorProps<L>) {
  const { change } = useEditor();
  return (
    <section aria-label={title} className="editor-part">
      <h4>{`${title} (${playbook[list].length})`}</h4>
      <ReorderableList<ItemOf<L>>
        label={title}
        items={playbook[list] as ItemOf<L>[]}
        nameOf={nameOf}
        onMove={(from, to) => change(moveItem(list, from, to))}
        onRemove={(index) => change(removeItem(list, index))}
        onAdd={() => change(addItem(list))}
        addLabel={add}
      >
        {children}
      </ReorderableList>
    </section>
  );
}

type Described = 'promises' | 'roles';

interface FieldSpec<L extends Described> {
  key: keyof ItemOf<L>;
  /** Read when drawn, in the browser's language. */
  label: () => string;
  multiline?: boolean;
}

const PROMISE_FIELDS: FieldSpec<'promises'>[] = [
  { key: 'title', label: () => i18n.t('editor.field.title') },
  { key: 'summary', label: () => i18n.t('editor.field.summary'), multiline: true },
  { key: 'id', label: () => i18n.t('editor.field.id') },
];
const ROLE_FIELDS: FieldSpec<'roles'>[] = [
  { key: 'name', label: () => i18n.t('common.name') },
  { key: 'description', label: () => i18n.t('editor.field.description'), multiline: true },
  { key: 'id', label: () => i18n.t('editor.field.id') },
];

/** A promise's or a role's texts, one field each. */
function ItemFields<L extends Described>(props: { list: L; index: number; item: ItemOf<L>; fields: FieldSpec<L>[] }) {
  const { list, index, item, fields } = props;
  return fields.map(({ key, label, multiline }) => (
    <TextField
      key={String(key)}
      label={label()}
      path={`${list}[${index}].${String(key)}`}
      value={String(item[key])}
      toEdit={(value) => patchItem(list, index, { [key]: value } as Partial<ItemOf<L>>)}
      multiline={multiline}
    />
  ));
}

export function PromisesEditor({ playbook }: { playbook: Playbook }) {
  return (
    <ListEditor
      list="promises"
      title={i18n.t('editor.promises')}
      add={i18n.t('editor.addPromise')}
      playbook={playbook}
      nameOf={(p) => p.title}
    >
      {(promise, i) => <ItemFields list="promises" index={i} item={promise} fields={PROMISE_FIELDS} />}
    </ListEditor>
  );
}

export function RolesEditor({ playbook }: { playbook: Playbook }) {
  return (
    <ListEditor
      list="roles"
      title={i18n.t('editor.roles')}
      add={i18n.t('editor.addRole')}
      playbook={playbook}
      nameOf={(r) => r.name}
    >
      {(role, i) => <ItemFields list="roles" index={i} item={role} fields={ROLE_FIELDS} />}
    </ListEditor>
  );
}

/** Behaviours in playbook order: the order a role's first few are picked in when nothing about the case fits. */
export function BehavioursEditor({ playbook }: { playbook: Playbook }) {
  return (
    <ListEditor
      list="behaviours"
      title={i18n.t('editor.behaviours')}
      add={i18n.t('editor.addBehaviour')}
      playbook={playbook}
      nameOf={(b) => b.text}
    >
      {(behaviour, i) => <BehaviourFields behaviour={behaviour} index={i} playbook={playbook} />}
    </ListEditor>
  );
}
