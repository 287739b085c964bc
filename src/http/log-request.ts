// The request log's view of a request. Links carry their credential in the path (`/files/<token>`,
// `/charts/<token>.png`, future `/c/<token>`), so a route guarded as `link` is logged by its
// pattern, and no query string (WeCom signatures, echostr) is ever logged (issue 8, finding 4).
import type { FastifyRequest } from 'fastify';

export interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  remoteAddress?: string;
}

/** The URL as the log may show it: a `link` route's pattern, the bare path otherwise. */
export function loggedUrl(request: Pick<FastifyRequest, 'url' | 'routeOptions' | 'is404'>): string {
  const [path = '/', query] = request.url.split('?', 2);
  const suffix = query === undefined ? '' : '?[redacted]';
  if (request.is404 || !request.routeOptions?.url) {
    // No route, so no guard to say what the path holds: keep only its first segment.
    const first = /^\/[^/]*/.exec(path)?.[0] ?? '/';
    return `${first}${path.length > first.length ? '/[redacted]' : ''}${suffix}`;
  }
  if (request.routeOptions.config?.guard?.kind === 'link') return `${request.routeOptions.url}${suffix}`;
  return `${path}${suffix}`;
}

/** Fastify's `req` log serializer, without credentials in paths or queries. */
export function serializeRequest(request: FastifyRequest): LoggedRequest {
  return { method: request.method, url: loggedUrl(request), host: request.host, remoteAddress: request.ip };
}
