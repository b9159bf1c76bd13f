// Assembles the HTTP service: validation and OpenAPI from the core's zod schemas, sessions,
// problem documents, and one plugin per resource.
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../app/context.js';
import { clientErrorHandler, frameworkErrors, installProblemHandlers, MAX_PARAM_LENGTH } from './problem.js';
import { installCompression } from './compression.js';
import { installSecurityHeaders } from './securityHeaders.js';
import { redactedLogger } from './logRedaction.js';
import { documentSchemas } from './openApiDocument.js';
import { installAuthentication } from './authenticate.js';
import { installJsonBodies } from './jsonBody.js';
import { installOriginCheck } from './originCheck.js';
import { installSecurityLog } from './securityLog.js';
import { defaultWebRoot, installWebApp, visitorBySession } from './webApp.js';
import { healthRoutes } from '../routes/health.js';
import { authRoutes } from '../routes/auth.js';
import { setupRoutes } from '../routes/setup.js';
import { organisationRoutes } from '../routes/organisation.js';
import { peopleRoutes } from '../routes/people.js';
import { accountRoutes } from '../routes/accounts.js';
import { unitRoutes } from '../routes/units.js';
import { periodRoutes } from '../routes/periods.js';
import { objectiveRoutes } from '../routes/objectives.js';
import { keyResultRoutes } from '../routes/keyResults.js';
import { initiativeRoutes } from '../routes/initiatives.js';
import { trashRoutes } from '../routes/trash.js';
import { myWorkRoutes } from '../routes/myWork.js';
import { historyRoutes } from '../routes/history.js';
import { activityRoutes } from '../routes/activity.js';
import { auditRoutes } from '../routes/audit.js';
import { liveRoutes } from '../routes/live.js';
import { dependencyRoutes } from '../routes/dependencies.js';
import { meetingRoutes } from '../routes/meetings.js';
import { reviewRoutes } from '../routes/reviews.js';
import { kpiRoutes } from '../routes/kpis.js';
import { retrospectiveRoutes } from '../routes/retrospectives.js';
import { commentRoutes } from '../routes/comments.js';
import { contradictionRoutes } from '../routes/contradictions.js';
import { planRoutes } from '../routes/plans.js';
import { hintRoutes } from '../routes/hints.js';
import { proposalRoutes } from '../routes/proposals.js';
import type { Api } from '../routes/types.js';

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  /** The built web app to serve; by default packages/web/dist when it exists. */
  webRoot?: string | null;
  /** Server timeouts (ms); the defaults suit production, tests shorten them. */
  timeouts?: Partial<ServerTimeouts>;
}

export interface ServerTimeouts {
  /** The whole request, body included, must arrive within this. */
  requestTimeout: number;
  /** The headers must arrive within this (a slow-headers client holds a socket otherwise); at most requestTimeout. */
  headersTimeout: number;
  /** An idle keep-alive connection is closed after this; longer than a proxy's own (often 60 s) avoids races. */
  keepAliveTimeout: number;
  /** A socket with no traffic at all is closed after this. */
  connectionTimeout: number;
  /** How often Node looks for requests past headersTimeout or requestTimeout. */
  checkInterval: number;
}

export const defaultTimeouts: ServerTimeouts = {
  requestTimeout: 30_000, headersTimeout: 15_000, keepAliveTimeout: 72_000, connectionTimeout: 75_000, checkInterval: 5_000,
};

export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<Api> {
  const timeouts = { ...defaultTimeouts, ...options.timeouts };
  const app = Fastify({
    logger: redactedLogger(options.logger), bodyLimit: 256 * 1024,
    frameworkErrors, clientErrorHandler, routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // X-Forwarded-* only from the proxies named in VARDE_TRUST_PROXY; from anyone else they are
    // the client's say-so and would let it pick its own address and protocol.
    trustProxy: deps.security.trustProxy.length > 0 ? deps.security.trustProxy : false,
    requestTimeout: timeouts.requestTimeout, keepAliveTimeout: timeouts.keepAliveTimeout, connectionTimeout: timeouts.connectionTimeout,
    http: { headersTimeout: Math.min(timeouts.headersTimeout, timeouts.requestTimeout), connectionsCheckingInterval: timeouts.checkInterval },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  installSecurityHeaders(app);
  await installCompression(app);
  const spa = webRoot ? await installWebApp(app, webRoot, { visitor: visitorBySession(deps) }) : false;
  installProblemHandlers(app, { spa });
  installJsonBodies(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Varde API', version: '1.0.0', description: 'Objectives and key results for teams and organisations. Sign in with POST /api/v1/auth/login; the session cookie authenticates every other call. Errors are application/problem+json (RFC 9457) naming each bad field.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'varde_session', description: 'Set by POST /api/v1/auth/login. Over HTTPS (or with VARDE_SECURE_COOKIES=1) the cookie is called __Host-varde_session and is Secure; over plain HTTP it is varde_session.' } } },
      security: [{ session: [] }],
    },
    ...documentSchemas,
  });
  // BaseLayout: without the standalone top bar, whose logo is an SVG with an inline <style> that the
  // Content-Security-Policy refuses, and whose box for loading other documents the policy would refuse too.
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs', uiConfig: { docExpansion: 'list', layout: 'BaseLayout' } });
  installSecurityLog(app);
  installOriginCheck(app);
  installAuthentication(app, deps);

  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  for (const routes of [healthRoutes, authRoutes, setupRoutes, organisationRoutes, peopleRoutes, accountRoutes, unitRoutes, periodRoutes, objectiveRoutes, keyResultRoutes, initiativeRoutes, trashRoutes, myWorkRoutes, historyRoutes, activityRoutes, auditRoutes, liveRoutes, dependencyRoutes, commentRoutes, contradictionRoutes, planRoutes, hintRoutes, proposalRoutes, meetingRoutes, kpiRoutes, retrospectiveRoutes, reviewRoutes]) {
    routes(app, deps);
  }
  return app;
}
