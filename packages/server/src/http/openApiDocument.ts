// How the core's zod schemas become the OpenAPI document. A schema that refers to itself (a unit's
// subtree holds units) cannot be inlined: it is registered here under a name, so every route's
// schema refers to #/components/schemas/<name> and the document carries that component. Without
// the registration the generator names the cycle "schema0" and points at a component it never
// writes. The registry is our own rather than zod's global one, so the core stays free of document
// concerns and nothing else's registrations leak into our document.
import { z } from 'zod';
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { Problem, UnitProgressNodeSchema } from '@varde/core';

const components = z.registry<{ id: string }>();
components.add(UnitProgressNodeSchema, { id: 'UnitProgressNode' });
components.add(Problem, { id: 'Problem' });

/** The transforms for @fastify/swagger's options. */
export const documentSchemas: Pick<FastifyDynamicSwaggerOptions, 'transform' | 'transformObject'> = {
  transform: createJsonSchemaTransform({ schemaRegistry: components }),
  transformObject: createJsonSchemaTransformObject({ schemaRegistry: components }),
};
