// Whom a dialog offers as an owner: the unit's members first, then everyone else, each part by
// name. Read when a dialog opens, not with the page. An organisation of at most LISTED people
// comes whole in one request, and the dialog filters it as one types; in a larger one, the people
// outside the unit are found on the server by name (GET /people?q=), so a dialog never reads
// thousands of names.
import { useEffect, useMemo, useState } from 'react';
import type { Person } from '@varde/core';
import { useMembers, usePeopleNamed } from '../../api/hooks';
import type { Choice } from '../../components/SelectField';

export const LISTED = 200;
const FOUND = 20;
const TYPING_PAUSE_MS = 250;

export interface OwnerChoices {
  choices: Choice[];
  /** Everyone is among the choices: a small organisation, filtered as one types. */
  complete: boolean;
  isLoading: boolean;
  /** How many people outside the unit the server found for the text (a large organisation). */
  found: number | undefined;
}

const toChoice = (p: Person): Choice => ({ id: p.id, label: p.name });
const byName = (a: Choice, b: Choice) => a.label.localeCompare(b.label);

/** `known`: people the dialog must offer whatever the search (the current owners, named on the page). */
export function useOwnerChoices(unitId: string, { text = '', known = [] }: { text?: string; known?: readonly Choice[] } = {}): OwnerChoices {
  const members = useMembers(unitId);
  const listed = usePeopleNamed('', LISTED);
  const complete = listed.data?.nextCursor === null;
  const q = useSettled(text.trim());
  const searching = listed.data !== undefined && !complete && q !== '';
  const found = usePeopleNamed(q, FOUND, searching);
  return useMemo(() => {
    const inUnit = (members.data?.items ?? []).map(toChoice);
    const memberIds = new Set(inUnit.map((c) => c.id));
    const others = new Map<string, Choice>();
    const add = (c: Choice) => { if (!memberIds.has(c.id) && !others.has(c.id)) others.set(c.id, c); };
    known.forEach(add);
    if (complete) listed.data!.items.forEach((p) => add(toChoice(p)));
    const foundItems = searching ? (found.data?.items ?? []) : [];
    foundItems.forEach((p) => add(toChoice(p)));
    return {
      choices: [...inUnit.sort(byName), ...[...others.values()].sort(byName)],
      complete,
      isLoading: members.isLoading || listed.isLoading,
      found: searching && found.data ? foundItems.filter((p) => !memberIds.has(p.id)).length : undefined,
    };
  }, [members.data, members.isLoading, listed.data, listed.isLoading, complete, searching, found.data, known]);
}

/** The text once typing has paused, so a search does not ask the server at every key. */
function useSettled(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    if (text === settled) return undefined;
    const timer = setTimeout(() => setSettled(text), text === '' ? 0 : TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, settled]);
  return settled;
}
