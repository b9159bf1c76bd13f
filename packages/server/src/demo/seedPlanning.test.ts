// The demo's planning workshop as its users meet it through the API: the campaign team halfway
// through its plan for the next tertial, with drafts the coach flags, two questions answered, a
// comment thread on the task-like key result, a hint dismissed with its reason, and a proposal
// waiting in its area's plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from './seedDemo.js';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';

type Hint = { code: string; params: Record<string, string | number>; dismissal: { reason: string; by: { name: string } } | null };
type Objective = { id: string; title: string; status: string; hints: Hint[]; keyResults: Array<{ id: string; title: string; hints: Hint[] }> };

describe.each(storeKinds())('the demo\'s planning workshop through the API on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let ids: { campaign: string; area: string; next: string };

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    await seedDemoIfEmpty(t.deps);
    admin = await t.signIn('admin@demo.varde.no', 'varde-demo');
    const units = (await admin.get('/api/v1/units?limit=500')).body.items as Array<{ id: string; name: string }>;
    const next = ((await admin.get('/api/v1/periods?kind=cycle')).body.items as Array<{ id: string; state: string }>).find((p) => p.state === 'planning')!.id;
    ids = { campaign: units.find((u) => u.name === 'Kampanjeteamet «Tid er liv»')!.id, area: units.find((u) => u.name === 'Politikk og påvirkning')!.id, next };
  });
  afterAll(async () => { await t?.close(); });

  it('has the campaign team halfway through its workshop, with the coach flagging its drafts', async () => {
    const plan = (await admin.get(`/api/v1/units/${ids.campaign}/plans/${ids.next}`)).body;
    expect(plan.checklist.map((c: { answer: string | null; note: string }) => [c.answer, c.note !== ''])).toEqual([['yes', true], ['partly', true], [null, false], [null, false]]);
    expect(plan.version).toBe(3);
    expect(plan.publishedAt).toBeNull();
    const objectives = plan.objectives as Objective[];
    expect(objectives.every((o) => o.status === 'draft')).toBe(true);
    const hints = objectives.flatMap((o) => o.keyResults.flatMap((k) => k.hints.map((h) => ({ kr: k.title, ...h }))));
    expect(hints).toContainEqual(expect.objectContaining({ kr: 'Arrangere seks folkemøter i fylkene', code: 'task-like', params: { verb: 'Arrangere' }, dismissal: null }));
    expect(hints).toContainEqual(expect.objectContaining({ kr: 'Flere kjenner oppropet', code: 'no-number', dismissal: null }));
    expect(hints.find((h) => h.code === 'no-owner')!.dismissal).toMatchObject({ reason: 'Eieren velges når vi vet hvem som leder folkemøtene.', by: { name: 'Jonas Bakke' } });

    const task = objectives.flatMap((o) => o.keyResults).find((k) => k.title === 'Arrangere seks folkemøter i fylkene')!;
    const thread = (await admin.get(`/api/v1/key-results/${task.id}/comments`)).body.items as Array<{ author: { name: string }; mentions: Array<{ name: string }> }>;
    expect(thread.map((c) => c.author.name)).toEqual(['Henrik Lund', 'Sigrid Aas', 'Jonas Bakke']);
    expect(thread.flatMap((c) => c.mentions.map((m) => m.name))).toEqual(['Sigrid Aas', 'Henrik Lund']);

    expect(plan.proposals.sent.map((p: { state: string; toUnit: { name: string }; objective: { title: string } }) => [p.state, p.toUnit.name, p.objective.title]))
      .toEqual([['open', 'Politikk og påvirkning', 'Holde politikerne til løftene de ga oss']]);
    const area = (await admin.get(`/api/v1/units/${ids.area}/plans/${ids.next}`)).body;
    expect(area.proposals.received.map((p: { fromUnit: { name: string } }) => p.fromUnit.name)).toEqual(['Kampanjeteamet «Tid er liv»']);
  });
});
