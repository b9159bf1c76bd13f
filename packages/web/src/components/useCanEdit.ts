// Whether the signed-in person may change a unit's OKRs, as the server presents it on the unit
// (core's mayChangeOkrs: admins and members, nobody once the unit is archived): for what has no
// object yet to say so, such as a new objective. An objective or a key result carries its own
// `can`, which a page asks instead (a key result's owner may check in on it, member or not). It
// only hides buttons that would be refused. It reads that one unit, which the page asks for anyway.
import { useUnit } from '../api/hooks';

export function useCanEdit(unitId: string | undefined): boolean {
  return useUnit(unitId).data?.can.changeOkrs ?? false;
}
