// Who may do what with a KPI: the unit's members and admins change and delete it, as with the
// unit's OKRs; its owner may also check in, being the one who measures it. An archived unit's KPIs
// take nothing from anyone. KPIs live outside the cycles, so no period state enters here.
import { mayChangeOkrs, type OkrActor, type OkrCan, type OkrUnitFacts } from './okrPermissions.js';

export function kpiCan(actor: OkrActor, kpi: { unit: OkrUnitFacts; ownerId: string | null }): OkrCan {
  const change = mayChangeOkrs(actor, kpi.unit);
  const own = kpi.unit.archivedAt === null && kpi.ownerId !== null && kpi.ownerId === actor.personId;
  return { edit: change, delete: change, checkIn: change || own };
}
