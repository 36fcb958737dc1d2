import type { Playbook } from '../playbook/schema';
import type { Kudos } from '../schemas';
import type { KudosContext } from './delivery';

/** Names for the ids a kudos holds, from the playbook in force, so a channel shows words, not ids. */
export function kudosContext(kudos: Kudos, playbook: Playbook): KudosContext {
  return {
    fromName: kudos.from.name,
    promiseTitle: playbook.promises.find((p) => p.id === kudos.promiseId)?.title,
    behaviourText: playbook.behaviours.find((b) => b.id === kudos.behaviourId)?.text,
  };
}
