import { randomBytes } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import { AppError, localeFromHeader, PlatformErrors } from '../errors.js';
import { authHook, type AccessPolicy, type Authenticator } from './access.js';
import { createMetrics } from './metrics.js';
import { summarizeValidation, validatorCompiler } from './validation.js';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface RouteRecord {
  method: string;
  url: string;
  access: AccessPolicy | undefined;
  event: string | undefined;
}

export interface HttpServerOptions {
  logger: Logger;
  bodyLimit: number;
  corsOrigins: string[];
  authenticate: Authenticator;
  /** Records a refused attempt at a state-changing route as evidence. */
  recordRefusal: (request: FastifyRequest, code: string, status: number) => Promise<void>;
  /** Readiness probe: resolves when the database answers. */
  ready: () => Promise<void>;
  version: string;
}

/**
 * Builds the Fastify server with the platform's cross-cutting behaviour: request ids, the error
 * catalogue, authentication and per-route authorization, OpenAPI, health and metrics. Modules add
 * their routes under /api/v1 afterwards. Every route must declare `config.access`.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<{ app: App; routes: RouteRecord[] }> {
  // Request ids: a random per-process prefix and a counter. Unique across processes, cheap (a
  // randomBytes call per request cost more than Fastify's whole routing); not secret.
  const idPrefix = randomBytes(6).toString('hex');
  let idCounter = 0;
  // Access logs ('incoming request', 'request completed') are info lines: with the level above
  // info they would be discarded, so they are not produced at all.
  const accessLogs = options.logger.isLevelEnabled('info');
  const app = Fastify({
    loggerInstance: options.logger,
    logController: new LogController({ disableRequestLogging: !accessLogs }),
    childLoggerFactory: (logger, bindings, opts) => (accessLogs ? logger.child(bindings, opts) : lazyChild(logger, bindings)),
    bodyLimit: options.bodyLimit,
    genReqId: () => `req_${idPrefix}${(idCounter++).toString(36).padStart(6, '0')}`,
    requestIdHeader: false,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  // The API speaks JSON only: other bodies are 415, not parsed as text.
  app.removeContentTypeParser('text/plain');

  const routes: RouteRecord[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) return;
    if (route.method === 'HEAD' || (Array.isArray(route.method) && route.method.includes('HEAD') && route.method.length === 1)) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      if (!route.config?.access) throw new Error(`route ${method} ${route.url} declares no access policy`);
      routes.push({ method, url: route.url, access: route.config.access, event: route.config.event });
    }
  });

  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
  });
  app.addHook('onRequest', authHook(options.authenticate));

  // CORS: off by default; when origins are configured, only those get the headers.
  if (options.corsOrigins.length) {
    app.addHook('onRequest', async (request, reply) => {
      const origin = request.headers.origin;
      if (origin && options.corsOrigins.includes(origin)) {
        reply.header('access-control-allow-origin', origin);
        reply.header('vary', 'Origin');
        reply.header('access-control-allow-headers', 'authorization, content-type, accept-language');
        reply.header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE');
      }
    });
  }

  const metrics = createMetrics(app);

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const locale = localeFromHeader(request.headers['accept-language']);
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (error.validation) {
      const { summary, fields } = summarizeValidation(error.validation as any, error.validationContext);
      appError = new AppError(PlatformErrors.REQUEST_VALIDATION_FAILED, { fields }, { summary });
    } else if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error instanceof SyntaxError && error.statusCode === 400)) {
      appError = new AppError(PlatformErrors.REQUEST_MALFORMED_JSON);
    } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      appError = new AppError(PlatformErrors.REQUEST_BODY_TOO_LARGE, undefined, { limit: options.bodyLimit });
    } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
      appError = new AppError(PlatformErrors.REQUEST_UNSUPPORTED_MEDIA_TYPE);
    } else if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      appError = new AppError(PlatformErrors.REQUEST_EMPTY_BODY);
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, 'client error mapped to REQUEST_VALIDATION_FAILED');
      appError = new AppError(PlatformErrors.REQUEST_VALIDATION_FAILED, undefined, { summary: error.code ?? 'bad request' });
    } else {
      request.log.error({ err: error }, 'unhandled error');
      appError = new AppError(PlatformErrors.INTERNAL_ERROR);
    }
    if (appError.status >= 500) metrics.errors.inc({ code: appError.code });
    const config = request.routeOptions.config;
    if (config?.event && appError.status < 500 && appError.code !== 'ROUTE_NOT_FOUND') {
      try {
        await options.recordRefusal(request, appError.code, appError.status);
      } catch (err) {
        request.log.error({ err }, 'could not record refused attempt');
      }
    }
    return sendError(reply, request, appError, locale);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const locale = localeFromHeader(request.headers['accept-language']);
    return sendError(reply, request, new AppError(PlatformErrors.ROUTE_NOT_FOUND, undefined, { method: request.method, url: request.url.split('?')[0]! }), locale);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Liutong (流通) data element market API',
        version: options.version,
        description: 'Errors: { "error": { "code", "message", "details"?, "requestId" } }; messages follow Accept-Language (zh-CN default, en-US).',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Session token from /api/v1/auth/login or an organisation API key' } } },
    },
    transform: ({ schema, url, route }) => {
      const access = (route as { config?: { access?: AccessPolicy } }).config?.access;
      const s = { ...(schema as Record<string, unknown>) };
      if (access && !access.public) s.security = [{ bearer: [] }];
      return { schema: s as any, url };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { config: { access: { public: true } }, schema: { hide: true } }, async () => ({ status: 'ok', version: options.version }));
  app.get('/readyz', { config: { access: { public: true } }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await options.ready();
      return { status: 'ready' };
    } catch {
      return sendError(reply, _request, new AppError(PlatformErrors.SERVICE_UNAVAILABLE, undefined, { reason: 'database' }), 'en-US');
    }
  });
  app.get('/metrics', { config: { access: { public: true } }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  return { app, routes };
}

/**
 * The per-request logger when access logs are off: the child logger (with the request id) is
 * made only if something is actually logged, which at warn/error level is rare.
 */
export function lazyChild(base: FastifyBaseLogger, bindings: Record<string, unknown>): FastifyBaseLogger {
  const logger = base as FastifyBaseLogger & Pick<Logger, 'isLevelEnabled'>;
  let child: FastifyBaseLogger | undefined;
  const real = () => (child ??= logger.child(bindings));
  const at = (level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace') =>
    ((...args: unknown[]) => {
      if (logger.isLevelEnabled(level)) (real()[level] as (...a: unknown[]) => void)(...args);
    }) as FastifyBaseLogger['info'];
  return {
    get level() {
      return logger.level;
    },
    set level(l: string) {
      real().level = l;
    },
    fatal: at('fatal'),
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    trace: at('trace'),
    silent: () => {},
    child: (b: Record<string, unknown>, o?: unknown) => real().child(b, o as never),
    isLevelEnabled: (l: string) => logger.isLevelEnabled(l),
  } as unknown as FastifyBaseLogger;
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: AppError, locale: ReturnType<typeof localeFromHeader>) {
  return reply
    .code(error.status)
    .type('application/json; charset=utf-8')
    .send({
      error: {
        code: error.code,
        message: error.localizedMessage(locale),
        ...(error.details ? { details: error.details } : {}),
        requestId: request.id,
      },
    });
}

