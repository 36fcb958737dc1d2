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

export function PromisesEditor({ playbook }: { playbook: Playbook }) {
  return (
    <ListEditor list="promises" title="Promises" add="Add a promise" playbook={playbook} nameOf={(p) => p.title}>
      {(promise, i) => (
        <>
          <TextField
            label="Title"
            path={`promises[${i}].title`}
            value={promise.title}
            toEdit={(title) => patchItem('promises', i, { title })}
          />
          <TextField
            label="Summary"
            path={`promises[${i}].summary`}
            value={promise.summary}
            toEdit={(summary) => patchItem('promises', i, { summary })}
            multiline
          />
          <TextField
            label="Id"
            path={`promises[${i}].id`}
            value={promise.id}
            toEdit={(id) => patchItem('promises', i, { id })}
          />
        </>
      )}
    </ListEditor>
  );
}

export function RolesEditor({ playbook }: { playbook: Playbook }) {
  return (
    <ListEditor list="roles" title="Roles" add="Add a role" playbook={playbook} nameOf={(r) => r.name}>
      {(role, i) => (
        <>
          <TextField
            label="Name"
            path={`roles[${i}].name`}
            value={role.name}
            toEdit={(name) => patchItem('roles', i, { name })}
          />
          <TextField
            label="Description"
            path={`roles[${i}].description`}
            value={role.description}
            toEdit={(description) => patchItem('roles', i, { description })}
            multiline
          />
          <TextField
            label="Id"
            path={`roles[${i}].id`}
            value={role.id}
            toEdit={(id) => patchItem('roles', i, { id })}
          />
        </>
      )}
    </ListEditor>
  );
}

/** Behaviours in playbook order: the order a role's first few are picked in when nothing about the case fits. */
export function BehavioursEditor({ playbook }: { playbook: Playbook }) {
  return (
    <ListEditor list="behaviours" title="Behaviours" add="Add a behaviour" playbook={playbook} nameOf={(b) => b.text}>
      {(behaviour, i) => <BehaviourFields behaviour={behaviour} index={i} playbook={playbook} />}
    </ListEditor>
  );
}
