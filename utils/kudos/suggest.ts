// Who to praise: the roster as choices for the To field, what the rep typed as a recipient, and suggestions from the
// case (who handled this customer before) and from the kudos already sent (who has not been recognised lately).
import type { Conversation, Kudos, KudosRecipient } from '../schemas';
import type { Roster, Teammate } from './schema';

export const TEAM_PREFIX = 'Team:';
export const NOT_RECOGNISED_MS = 30 * 24 * 60 * 60_000;
export const MAX_SUGGESTIONS = 5;

const fold = (value: string | undefined) => (value ?? '').trim().toLowerCase();

/** "Sam Rivera — Billing", or just the name when the roster gives no team. */
export const personLabel = (person: Pick<Teammate, 'name' | 'team'>): string =>
  person.team?.trim() ? `${person.name} — ${person.team.trim()}` : person.name;

export const teamLabel = (team: string): string => `${TEAM_PREFIX} ${team}`;

/** The teams a rep can praise: the roster's own list, then teams named by people; each once, first spelling wins. */
export function rosterTeams(roster: Roster): string[] {
  const seen = new Map<string, string>();
  for (const team of [...roster.teams, ...roster.people.map((p) => p.team ?? '')]) {
    const name = team.trim();
    if (name && !seen.has(fold(name))) seen.set(fold(name), name);
  }
  return [...seen.values()];
}

export interface RecipientOption {
  /** What the To field shows and what typing matches: "Sam Rivera — Billing", "Team: Billing". */
  label: string;
  recipient: KudosRecipient;
}

function personRecipient(person: Teammate): KudosRecipient {
  const team = person.team?.trim();
  return {
    kind: 'person',
    name: person.name,
    ...(person.email ? { email: person.email } : {}),
    ...(team ? { team } : {}),
  };
}

/** Every person, then every team, as the To field offers them; a label the rep could not tell apart shows once. */
export function recipientOptions(roster: Roster): RecipientOption[] {
  const all: RecipientOption[] = [
    ...roster.people.map((person) => ({ label: personLabel(person), recipient: personRecipient(person) })),
    ...rosterTeams(roster).map((team) => ({
      label: teamLabel(team),
      recipient: { kind: 'team' as const, name: team },
    })),
  ];
  const labels = new Set<string>();
  return all.filter((option) => !labels.has(fold(option.label)) && labels.add(fold(option.label)));
}

/** The options that contain what was typed, those starting with it first; at most `limit`. */
export function matchOptions(options: RecipientOption[], typed: string, limit = 8): RecipientOption[] {
  const wanted = fold(typed);
  if (!wanted) return options.slice(0, limit);
  const starts: RecipientOption[] = [];
  const contains: RecipientOption[] = [];
  for (const option of options) {
    const label = fold(option.label);
    if (label.startsWith(wanted) || fold(option.recipient.name).startsWith(wanted)) starts.push(option);
    else if (label.includes(wanted)) contains.push(option);
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}

/**
 * What the rep typed in To, as a recipient: a roster entry when the text is its label, "Team: X" or a roster team's
 * name as a team, a roster person's name as that person, anything else as a person of that name. Empty gives null.
 */
export function parseRecipient(typed: string, roster: Roster): KudosRecipient | null {
  const text = typed.trim();
  if (!text) return null;
  const folded = fold(text);
  const byLabel = roster.people.find((p) => fold(personLabel(p)) === folded);
  if (byLabel) return personRecipient(byLabel);
  const teams = rosterTeams(roster);
  const findTeam = (name: string) => teams.find((t) => fold(t) === fold(name));
  if (folded.startsWith(fold(TEAM_PREFIX))) {
    const name = text.slice(TEAM_PREFIX.length).trim();
    return name ? { kind: 'team', name: findTeam(name) ?? name } : null;
  }
  const team = findTeam(text);
  if (team) return { kind: 'team', name: team };
  const person = roster.people.find((p) => fold(p.name) === folded);
  return person ? personRecipient(person) : { kind: 'person', name: text };
}

/** What is known about the person behind a conversation's assignee. */
export interface AssigneeInfo {
  name?: string;
  email?: string;
}

export interface SuggestInput {
  roster: Roster;
  /** The customer's earlier conversations (not the ticket in view). */
  history: Conversation[];
  /** Kudos already sent from this browser. */
  kudos: Kudos[];
  now: number;
  /** The rep, who is never suggested to themself. */
  self?: AssigneeInfo;
  /**
   * Who a conversation's assignee is. By default the name and email the helpdesk sideloaded with the history
   * (`conversation.assignee`), matched against the roster's emails, then names. Pass another mapping (e.g. from
   * helpdesk user ids) where a helpdesk only gives ids.
   */
  assignee?: (conversation: Conversation) => AssigneeInfo | undefined;
  /** Default 5. */
  limit?: number;
}

export interface Suggestion {
  /** The To field's text for this person: picking the suggestion fills it. */
  label: string;
  recipient: KudosRecipient;
  /** Why, in the rep's words: "handled this customer before", "not recognised for 30 days", … */
  reasons: string[];
}

/** Who the helpdesk said the assignee is (the history sideloads names and emails where it can). */
const assigneeAsIs = (conversation: Conversation): AssigneeInfo | undefined => conversation.assignee;

function isPerson(person: Teammate, info: AssigneeInfo | undefined): boolean {
  if (!info) return false;
  if (person.email && info.email && fold(person.email) === fold(info.email)) return true;
  return !!info.name && fold(person.name) === fold(info.name);
}

/** Finds roster people by email, else by name, without scanning the roster for every conversation. */
function rosterIndex(people: Teammate[]) {
  const byEmail = new Map<string, Teammate>();
  const byName = new Map<string, Teammate>();
  for (const person of people) {
    if (person.email && !byEmail.has(fold(person.email))) byEmail.set(fold(person.email), person);
    if (!byName.has(fold(person.name))) byName.set(fold(person.name), person);
  }
  return (info: AssigneeInfo): Teammate | undefined =>
    (info.email ? byEmail.get(fold(info.email)) : undefined) ?? (info.name ? byName.get(fold(info.name)) : undefined);
}

const handledReason = (tickets: number) =>
  tickets === 1 ? 'handled this customer before' : `handled this customer ${tickets} times`;

/** Roster people who handled this customer's earlier tickets: most tickets first, then most recent. */
function handledBefore(input: SuggestInput, people: Teammate[]): Map<Teammate, string> {
  const resolve = input.assignee ?? assigneeAsIs;
  const find = rosterIndex(people);
  const tally = new Map<Teammate, { tickets: number; lastAt: number }>();
  for (const conversation of input.history) {
    const info = resolve(conversation);
    const person = info && find(info);
    if (!person) continue;
    const seen = tally.get(person) ?? { tickets: 0, lastAt: 0 };
    tally.set(person, { tickets: seen.tickets + 1, lastAt: Math.max(seen.lastAt, conversation.updatedAt) });
  }
  const ranked = [...tally].sort(([, a], [, b]) => b.tickets - a.tickets || b.lastAt - a.lastAt);
  return new Map(ranked.map(([person, { tickets }]) => [person, handledReason(tickets)]));
}

/** When each person (by folded email and by folded name) was last praised. */
function lastPraised(kudos: Kudos[]) {
  const byEmail = new Map<string, number>();
  const byName = new Map<string, number>();
  const note = (map: Map<string, number>, key: string, at: number) => {
    if (key) map.set(key, Math.max(map.get(key) ?? 0, at));
  };
  for (const k of kudos) {
    note(byEmail, fold(k.to.email), k.createdAt);
    note(byName, fold(k.to.name), k.createdAt);
  }
  return (person: Teammate): number | undefined => {
    const times = [byEmail.get(fold(person.email)), byName.get(fold(person.name))].filter((t) => t !== undefined);
    return times.length ? Math.max(...times) : undefined;
  };
}

/** Roster people with no kudos in the last 30 days: the longest without first, those never praised before all. */
function notRecognised(input: SuggestInput, people: Teammate[]): Map<Teammate, string> {
  const lastAt = lastPraised(input.kudos);
  const since = input.now - NOT_RECOGNISED_MS;
  const waiting = people
    .map((person) => ({ person, at: lastAt(person) }))
    .filter(({ at }) => at === undefined || at < since)
    .sort((a, b) => (a.at ?? -1) - (b.at ?? -1));
  return new Map(
    waiting.map(({ person, at }) => [person, at === undefined ? 'never recognised yet' : 'not recognised for 30 days']),
  );
}

/**
 * Up to five people to praise, with why: those who handled this customer's earlier tickets first, then teammates not
 * recognised for 30 days. A person appears once, with every reason that applies. Pure: same input, same answer.
 */
export function suggestRecipients(input: SuggestInput): Suggestion[] {
  const people = input.roster.people.filter((p) => !isPerson(p, input.self));
  const handled = handledBefore(input, people);
  const waiting = notRecognised(input, people);
  const order = [...new Set([...handled.keys(), ...waiting.keys()])].slice(0, input.limit ?? MAX_SUGGESTIONS);
  return order.map((person) => ({
    label: personLabel(person),
    recipient: personRecipient(person),
    reasons: [handled.get(person), waiting.get(person)].filter((r) => r !== undefined),
  }));
}
