import client from 'prom-client';
import type { FastifyInstance } from 'fastify';

/** Prometheus metrics: one registry per server so that tests can run several servers. */
export function createMetrics(app: FastifyInstance) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'liutong_' });
  const requests = new client.Histogram({
    name: 'liutong_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const errors = new client.Counter({ name: 'liutong_http_server_errors_total', help: 'Responses with a 5xx status by error code', labelNames: ['code'], registers: [registry] });
  app.addHook('onResponse', async (request, reply) => {
    requests.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  return { registry, errors };
}
