// KPIs (issue 15): a unit's measurements kept over time, their check-ins, and promoting a key
// result to one with its whole history.
import { z } from 'zod';
import { IdParams, KeyResultPromote, Kpi, KpiCheckIn, KpiCheckInCreate, KpiCreate, KpiListQuery, KpiPatch, ListQuery, page } from '@varde/core';
import { addKpi, changeKpi, checkInKpi, promote, readKpi, readKpiCheckIns, readKpis, removeKpi } from '../app/kpis.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const kpiRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/kpis', { schema: {
    tags: ['kpis'], summary: "KPIs by id, with ?unit=, ?under= (a unit and its subtree) and ?status=",
    description: 'Each KPI carries its current value, its status (stale when no value came within its cadence: 7 days, a calendar month, three calendar months) and its latest values for a sparkline.',
    querystring: KpiListQuery, response: { 200: page(Kpi), ...problems } } },
  async (request) => {
    const { limit, cursor, unit, under, status } = request.query;
    return readKpis(deps, actorOf(request), { unit, under, status }, limit, cursor);
  });
  app.post('/api/v1/kpis', { schema: {
    tags: ['kpis'], summary: "Keep a new KPI for a unit (the unit's members and admins)",
    description: 'above needs low, below needs high, between both with low ≤ high (422 naming the field). The owner must be a person of the organisation.',
    body: KpiCreate, response: { 201: Kpi, ...problems } } },
  async (request, reply) => reply.code(201).send(await addKpi(deps, actorOf(request), request.body)));
  app.get('/api/v1/kpis/:id', { schema: { tags: ['kpis'], summary: 'One KPI with its status and latest values', params: IdParams, response: { 200: Kpi, ...problems } } },
    async (request) => readKpi(deps, actorOf(request), request.params.id));
  app.patch('/api/v1/kpis/:id', { schema: {
    tags: ['kpis'], summary: "Change a KPI's title, measure, range, cadence or owner",
    description: 'The range is checked as it would be after the change (422 naming low or high). A stale version answers 409.',
    params: IdParams, body: KpiPatch, response: { 200: Kpi, ...problems } } },
  async (request) => changeKpi(deps, actorOf(request), request.params.id, request.body));
  app.delete('/api/v1/kpis/:id', { schema: {
    tags: ['kpis'], summary: 'Delete a KPI with its check-ins and the links paying into it; the key result it came from stays',
    params: IdParams, response: { 204: z.undefined(), ...problems } } },
  async (request, reply) => { await removeKpi(deps, actorOf(request), request.params.id); return reply.code(204).send(); });
  app.get('/api/v1/kpis/:id/check-ins', { schema: {
    tags: ['kpis'], summary: "A KPI's check-ins, newest first by the time measured",
    params: IdParams, querystring: ListQuery, response: { 200: page(KpiCheckIn), ...problems } } },
  async (request) => readKpiCheckIns(deps, actorOf(request), request.params.id, request.query.limit, request.query.cursor));
  app.post('/api/v1/kpis/:id/check-ins', { schema: {
    tags: ['kpis'], summary: "A value for the KPI (the unit's members, admins and the KPI's owner)",
    description: '`at` is when it was measured, now when left out, never in the future (422 naming at, future).',
    params: IdParams, body: KpiCheckInCreate, response: { 201: KpiCheckIn, ...problems } } },
  async (request, reply) => reply.code(201).send(await checkInKpi(deps, actorOf(request), request.params.id, request.body)));
  app.post('/api/v1/key-results/:id/promote', { schema: {
    tags: ['kpis', 'key results'], summary: 'Promote a key result to a KPI of its unit, with every one of its check-ins',
    description: "The KPI takes the key result's title, measure and owner; its check-ins are copies of the key result's (times and authors kept, fromKeyResultId set), and the key result names the KPI (kpiId). A key result already promoted answers 409 (already_promoted).",
    params: IdParams, body: KeyResultPromote, response: { 201: Kpi, ...problems } } },
  async (request, reply) => reply.code(201).send(await promote(deps, actorOf(request), request.params.id, request.body)));
};
