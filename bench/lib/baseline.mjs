// The progress endpoints' baseline: the same average progress per unit for a period, computed by
// the database in one SQL query (key-result progress by type, the weighted mean per objective, the
// mean of each unit's own objectives), run with the store's own Kysely client on the same
// database. It is the floor the API could reach if it only had to aggregate.
import { sql } from 'kysely';

const clamp = (x) => sql`case when ${x} < 0 then 0.0 when ${x} > 1 then 1.0 else ${x} end`;

/** [{ unit_id, progress, objectives }] for one unit (unitId) or every unit (unitId undefined). */
export async function unitAveragesInSql(db, orgId, periodId, unitId) {
  const current = sql`coalesce(k.current_value, k.start_value)`;
  const ratio = sql`(${current} - k.start_value) / (k.target_value - k.start_value)`;
  const krProgress = sql`case
      when k.type in ('increase', 'decrease') and k.target_value = k.start_value then
        case when (k.type = 'increase' and ${current} >= k.target_value) or (k.type = 'decrease' and ${current} <= k.target_value) then 1.0 else 0.0 end
      when k.type in ('increase', 'decrease') then ${clamp(ratio)}
      when k.type = 'above' then case when k.current_value >= k.target_value then 1.0 else 0.0 end
      when k.type = 'below' then case when k.current_value <= k.target_value then 1.0 else 0.0 end
      when k.type = 'milestone' then case when k.current_value >= 1 then 1.0 else 0.0 end
      else 0.0 end`;
  const unitFilter = unitId === undefined ? sql`` : sql`and o.unit_id = ${unitId}`;
  const { rows } = await sql`
    with objective_progress as (
      select o.unit_id, o.id,
        coalesce(sum(case when k.weight > 0 then k.weight * ${krProgress} end) / nullif(sum(case when k.weight > 0 then k.weight end), 0), 0.0) as progress
      from objectives o left join key_results k on k.objective_id = o.id
      where o.org_id = ${orgId} and o.period_id = ${periodId} and o.status not in ('cancelled', 'draft') ${unitFilter}
      group by o.unit_id, o.id
    )
    select unit_id, avg(progress) as progress, count(*) as objectives from objective_progress group by unit_id`.execute(db);
  return rows.map((r) => ({ unitId: r.unit_id, progress: Number(r.progress), objectives: Number(r.objectives) }));
}
