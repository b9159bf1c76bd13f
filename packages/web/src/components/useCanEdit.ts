// Whether the signed-in person may change a unit's OKRs: admins everywhere, members in their units.
// The server decides; this only hides buttons that would be refused.
import { useMe } from '../api/hooks';

export function useCanEdit(unitId: string | undefined): boolean {
  const me = useMe();
  const person = me.data?.person;
  if (!person || !unitId) return false;
  return person.isAdmin || person.memberships.some((m) => m.unitId === unitId);
}
