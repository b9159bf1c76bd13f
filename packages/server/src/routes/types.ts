// The Fastify instance as route files see it: zod schemas give types, validation and OpenAPI.
import type { FastifyInstance, FastifyBaseLogger, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Problem } from '@varde/core';
import type { Deps } from '../app/context.js';

export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;
export type RoutePlugin = (app: Api, deps: Deps) => void;

/** The error answers every authenticated route may give, for the OpenAPI document. */
export const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem } as const;
