// Whether the signed-in person may change a unit's OKRs, as the server presents it on the unit
// (core's mayChangeOkrs: admins and members, nobody once the unit is archived). It only hides
// buttons that would be refused.
import { useUnits } from '../api/hooks';

export function useCanEdit(unitId: string | undefined): boolean {
  const units = useUnits();
  if (!unitId) return false;
  return units.data?.find((u) => u.id === unitId)?.can.changeOkrs ?? false;
}
