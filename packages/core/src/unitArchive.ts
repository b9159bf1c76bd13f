// Archiving a unit: a team that stopped, kept with its OKRs as history. An archived unit's OKRs
// are read-only, and it leaves the organisation's roll-up and tree. A unit is archived only once
// nothing active hangs below it, so an archived branch never holds a live team and a roll-up
// never has to ask; the organisation itself is never archived. Restoring goes top-down likewise.

export interface ArchivableUnit { id: string; parentId: string | null; archivedAt: string | null }
export interface ArchiveProblem { code: 'cannot_archive_root' | 'unit_has_active_children' | 'parent_archived'; message: string; count?: number }

/** Why `unit` may not be archived (`archive` true) or restored (false) among `units`, or null. */
export function unitArchiveProblem(unit: ArchivableUnit, units: readonly ArchivableUnit[], archive: boolean): ArchiveProblem | null {
  if (archive) {
    if (unit.parentId === null) return { code: 'cannot_archive_root', message: 'cannot be set on the organisation itself' };
    const active = units.filter((u) => u.parentId === unit.id && u.archivedAt === null).length;
    if (active > 0) return { code: 'unit_has_active_children', message: `cannot be set while ${active} unit${active === 1 ? '' : 's'} below it ${active === 1 ? 'is' : 'are'} active; archive or move them first`, count: active };
    return null;
  }
  const parent = units.find((u) => u.id === unit.parentId);
  if (parent && parent.archivedAt !== null) return { code: 'parent_archived', message: 'cannot be cleared while the unit above it is archived; restore that one first' };
  return null;
}

/** Whether a unit's objectives, key results, check-ins and initiatives take no changes (who may
 *  change them otherwise: okrPermissions.ts). */
export function okrsReadOnly(unit: { archivedAt: string | null }): boolean {
  return unit.archivedAt !== null;
}

/** The units a roll-up from `fromId` counts: it and the units below it, leaving out archived ones
 *  and what hangs below them, unless the roll-up starts in an archived unit (its own history). */
export function unitsInRollUp<U extends ArchivableUnit>(units: readonly U[], fromId: string): U[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const from = byId.get(fromId);
  if (!from) return [];
  const blocks = (u: U) => from.archivedAt === null && u.archivedAt !== null;
  const kept = new Map<string, boolean>([[fromId, true]]);
  const keeps = (u: U): boolean => {
    // Walked up iteratively, remembering every answer: a deep tree cannot overflow the stack,
    // and each unit is walked once.
    const path: U[] = [];
    let answer = false;
    for (let at: U | undefined = u; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
      const known = kept.get(at.id);
      if (known !== undefined) { answer = known; break; }
      path.push(at);
      if (blocks(at)) break;
    }
    for (const p of path.reverse()) { answer = answer && !blocks(p); kept.set(p.id, answer); }
    return kept.get(u.id)!;
  };
  return units.filter(keeps);
}
