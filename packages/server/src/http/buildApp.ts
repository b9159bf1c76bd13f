// Assembles the HTTP service: validation and OpenAPI from the core's zod schemas, sessions,
// problem documents, and one plugin per resource.
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../app/context.js';
import { clientErrorHandler, frameworkErrors, installProblemHandlers, MAX_PARAM_LENGTH } from './problem.js';
import { installSecurityHeaders } from './securityHeaders.js';
import { redactedLogger } from './logRedaction.js';
import { documentSchemas } from './openApiDocument.js';
import { installAuthentication } from './authenticate.js';
import { installJsonBodies } from './jsonBody.js';
import { defaultWebRoot, installWebApp } from './webApp.js';
import { healthRoutes } from '../routes/health.js';
import { authRoutes } from '../routes/auth.js';
import { organisationRoutes } from '../routes/organisation.js';
import { peopleRoutes } from '../routes/people.js';
import { unitRoutes } from '../routes/units.js';
import { periodRoutes } from '../routes/periods.js';
import { objectiveRoutes } from '../routes/objectives.js';
import { keyResultRoutes } from '../routes/keyResults.js';
import { initiativeRoutes } from '../routes/initiatives.js';
import { myWorkRoutes } from '../routes/myWork.js';
import type { Api } from '../routes/types.js';

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  /** The built web app to serve; by default packages/web/dist when it exists. */
  webRoot?: string | null;
}

export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<Api> {
  const app = Fastify({ logger: redactedLogger(options.logger), bodyLimit: 256 * 1024, trustProxy: true,
    frameworkErrors, clientErrorHandler, routerOptions: { maxParamLength: MAX_PARAM_LENGTH } }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  await installSecurityHeaders(app);
  const spa = webRoot ? await installWebApp(app, webRoot) : false;
  installProblemHandlers(app, { spa });
  installJsonBodies(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Varde API', version: '1.0.0', description: 'Objectives and key results for teams and organisations. Sign in with POST /api/v1/auth/login; the session cookie authenticates every other call. Errors are application/problem+json (RFC 9457) naming each bad field.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'varde_session' } } },
      security: [{ session: [] }],
    },
    ...documentSchemas,
  });
  // BaseLayout: without the standalone top bar, whose logo is an SVG with an inline <style> that the
  // Content-Security-Policy refuses, and whose box for loading other documents the policy would refuse too.
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs', uiConfig: { docExpansion: 'list', layout: 'BaseLayout' } });
  installAuthentication(app, deps);

  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  for (const routes of [healthRoutes, authRoutes, organisationRoutes, peopleRoutes, unitRoutes, periodRoutes, objectiveRoutes, keyResultRoutes, initiativeRoutes, myWorkRoutes]) {
    routes(app, deps);
  }
  return app;
}
