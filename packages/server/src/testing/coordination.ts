// An organisation for the tests of coordination between units (dependencies, comments,
// contradictions, alignment): an area with two teams below it and a third team elsewhere, a
// member in each, and OKRs for the cycle. Made through the API, as its users would.
import { expect } from 'vitest';
import type { Client, TestApp } from './testApp.js';

export const PASSWORD = 'correct horse battery';

export interface CoordinationOrg {
  admin: Client; mia: Client; ola: Client; per: Client; lise: Client;
  ids: {
    orgId: string; root: string; area: string; campaign: string; analysis: string; third: string; cycle: string; year: string;
    mia: string; ola: string; per: string; lise: string; admin: string;
    /** Kampanjeteamet's objective (a draft) and its key result; Analyse's active objective and key result; the area's objective; a Moal. */
    campaignObjective: string; campaignKr: string; analysisObjective: string; analysisKr: string; thirdKr: string; areaObjective: string; moal: string;
  };
}

/** Kari Nordmann is the admin; Mia Medlem is in Kampanjeteamet, Ola Annen in Analyse (both in the
 *  area Politikk), Per Tredje in Tredje laget (beside the area), Lise Leder in the area itself. */
export async function coordinationOrg(t: TestApp): Promise<CoordinationOrg> {
  await t.anonymous.post('/api/v1/setup', { organisationName: 'Samhold', language: 'nb', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: PASSWORD } });
  const admin = await t.signIn('kari@example.no', PASSWORD);
  const me = (await admin.get('/api/v1/me')).body;
  const person = async (name: string, email: string) => {
    const res = await admin.post('/api/v1/people', { name, email, password: PASSWORD });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const [mia, ola, per, lise] = [await person('Mia Medlem', 'mia@example.no'), await person('Ola Annen', 'ola@example.no'), await person('Per Tredje', 'per@example.no'), await person('Lise Leder', 'lise@example.no')];
  const root = (await admin.get('/api/v1/units')).body.items[0].id as string;
  const unit = async (parentId: string, name: string, kind: string, members: string[]) => {
    const res = await admin.post('/api/v1/units', { parentId, name, kind, members: members.map((personId) => ({ personId, role: 'member' })) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const area = await unit(root, 'Politikk', 'area', [lise]);
  const campaign = await unit(area, 'Kampanjeteamet', 'team', [mia]);
  const analysis = await unit(area, 'Analyse', 'team', [ola]);
  const third = await unit(root, 'Tredje laget', 'team', [per]);
  const periods = (await admin.get('/api/v1/periods')).body.items as Array<{ id: string; kind: string }>;
  const cycle = periods.find((p) => p.kind === 'cycle')!.id;
  const year = periods.find((p) => p.kind === 'year')!.id;
  const objective = async (unitId: string, periodId: string, title: string, status: string, keyResults: object[], alignments: object[] = []) => {
    const res = await admin.post('/api/v1/objectives', { unitId, periodId, title, status, keyResults, alignments });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; keyResults: Array<{ id: string }> };
  };
  const moal = await objective(root, year, 'Raskere tilgang til ny behandling', 'active', [{ title: 'Kortere ventetid', type: 'decrease', start: 400, target: 300, measure: 'dager' }]);
  await objective(root, year, 'Et fellesskap som vokser', 'active', [{ title: 'Medlemmer', type: 'increase', start: 0, target: 1000, measure: 'medlemmer' }]);
  const areaObjective = await objective(area, cycle, 'Legge press på beslutningstakerne', 'active', [{ title: 'Møter med politikere', type: 'increase', start: 0, target: 12, measure: 'møter' }], [{ objectiveId: moal.id }]);
  await objective(area, cycle, 'Bli den mest brukte kilden', 'active', [{ title: 'Henvisninger', type: 'increase', start: 0, target: 20, measure: 'henvisninger' }]);
  const campaignObjective = await objective(campaign, cycle, 'Gjøre oppropet til en folkebevegelse', 'draft',
    [{ title: 'Nye faste givere', type: 'increase', start: 0, target: 300, measure: 'givere' }], [{ objectiveId: areaObjective.id }]);
  const analysisObjective = await objective(analysis, cycle, 'Tall alle bruker', 'active',
    [{ title: 'Nye faste givere via digitale kanaler', type: 'increase', start: 0, target: 200, measure: 'givere' }]);
  const thirdObjective = await objective(third, cycle, 'Noe helt annet', 'active', [{ title: 'Besøk', type: 'increase', start: 0, target: 10, measure: 'besøk' }]);
  return {
    admin, mia: await t.signIn('mia@example.no', PASSWORD), ola: await t.signIn('ola@example.no', PASSWORD),
    per: await t.signIn('per@example.no', PASSWORD), lise: await t.signIn('lise@example.no', PASSWORD),
    ids: {
      orgId: me.person.orgId ?? (await admin.get('/api/v1/organisation')).body.id, root, area, campaign, analysis, third, cycle, year,
      mia, ola, per, lise, admin: me.person.id,
      campaignObjective: campaignObjective.id, campaignKr: campaignObjective.keyResults[0]!.id,
      analysisObjective: analysisObjective.id, analysisKr: analysisObjective.keyResults[0]!.id, thirdKr: thirdObjective.keyResults[0]!.id,
      areaObjective: areaObjective.id, moal: moal.id,
    },
  };
}
