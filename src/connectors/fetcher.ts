// One source's HTTP client: every request goes through the source's rate limiter (shared across
// replicas when Redis is configured), has a timeout, and is retried with exponential backoff and
// full jitter on 429, 5xx and network errors, waiting at least what Retry-After asks.
import { createHmac } from 'node:crypto';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type Bottleneck from 'bottleneck';
import { outboundUrl } from '../http/outbound-url.js';
import type { RestSource } from './source-config.js';

export class SourceHttpError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SourceHttpError';
  }
}

export interface FetcherOptions {
  source: RestSource;
  limiter: Bottleneck;
  /** SOURCE_* environment variables by name. */
  secrets: Readonly<Record<string, string | undefined>>;
  now?: () => Date;
  /** Waits (tests pass a recorder); setTimeout by default. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface Fetcher {
  /** GET a URL under the source's origin (a next link) or a path with a query. */
  get(target: string | URL): Promise<unknown>;
  /** Requests sent, including retries. */
  readonly attempts: number;
}

const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'ENOTFOUND',
]);
const MAX_RETRY_AFTER_MS = 10 * 60_000;

export function createFetcher(options: FetcherOptions): Fetcher {
  const { source, limiter } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const http: AxiosInstance = axios.create({
    timeout: source.timeoutMs,
    maxRedirects: 0,
    // Whatever the status, we decide (retry, fail) below.
    validateStatus: () => true,
    responseType: 'json',
    maxContentLength: 32 * 1024 * 1024,
    headers: { Accept: 'application/json', 'User-Agent': 'Kaopu-connector/1' },
  });
  let attempts = 0;

  const secret = (name: string): string => {
    const value = options.secrets[name];
    if (!value) throw new SourceHttpError(`source "${source.code}" needs ${name}, which is not set`);
    return value;
  };

  function authHeaders(url: URL): Record<string, string> {
    const auth = source.auth;
    switch (auth.type) {
      case 'none':
        return {};
      case 'bearer':
        return { Authorization: `Bearer ${secret(auth.tokenEnv)}` };
      case 'header':
        return { [auth.header]: secret(auth.valueEnv) };
      case 'basic':
        return {
          Authorization: `Basic ${Buffer.from(`${secret(auth.usernameEnv)}:${secret(auth.passwordEnv)}`).toString('base64')}`,
        };
      case 'hmac': {
        const timestamp = String(Math.floor((options.now?.() ?? new Date()).getTime() / 1000));
        const signature = createHmac('sha256', secret(auth.secretEnv))
          .update(`${timestamp}\nGET\n${url.pathname}${url.search}`)
          .digest('hex');
        return {
          [auth.timestampHeader]: timestamp,
          [auth.signatureHeader]: signature,
          ...(auth.keyIdEnv ? { [auth.keyIdHeader]: secret(auth.keyIdEnv) } : {}),
        };
      }
    }
  }

  async function once(url: URL): Promise<AxiosResponse> {
    attempts += 1;
    return limiter.schedule(() => http.get(url.toString(), { headers: authHeaders(url) }));
  }

  return {
    get attempts() {
      return attempts;
    },
    async get(target) {
      const url = outboundUrl(new URL(String(target), `${source.baseUrl}/`).toString(), [source.baseUrl]);
      if (!url)
        throw new SourceHttpError(`source "${source.code}": ${String(target).slice(0, 120)} is outside its base URL`);
      if (!url.pathname.startsWith(new URL(source.baseUrl).pathname)) {
        throw new SourceHttpError(`source "${source.code}": a link left the base URL's path`);
      }
      let last: Error | undefined;
      for (let attempt = 0; attempt < source.retry.attempts; attempt++) {
        let wait: number | undefined;
        try {
          const response = await once(url);
          if (response.status >= 200 && response.status < 300) return response.data;
          last = new SourceHttpError(`source "${source.code}" answered HTTP ${response.status}`, response.status);
          if (response.status !== 429 && response.status < 500) throw last;
          wait = retryAfterMs(response.headers['retry-after'], options.now?.() ?? new Date());
        } catch (err) {
          if (err instanceof SourceHttpError) {
            if (err.status === undefined || (err.status !== 429 && err.status < 500)) throw err;
            last = err;
          } else if (!retryable(err)) {
            throw new SourceHttpError(`source "${source.code}": ${(err as Error).message}`);
          } else {
            last = new SourceHttpError(`source "${source.code}": ${describeNetworkError(err)}`);
          }
        }
        if (attempt + 1 >= source.retry.attempts) break;
        const backoff = Math.min(source.retry.maxMs, source.retry.baseMs * 2 ** attempt);
        // Full jitter, but never sooner than the server asked.
        await sleep(Math.max(wait ?? 0, Math.round(random() * backoff)));
      }
      throw last ?? new SourceHttpError(`source "${source.code}" failed`);
    },
  };
}

function retryable(err: unknown): boolean {
  if (!axios.isAxiosError(err)) return false;
  if (err.response) return false;
  return RETRYABLE_CODES.has(err.code ?? '') || err.message.toLowerCase().includes('timeout');
}

function describeNetworkError(err: unknown): string {
  if (axios.isAxiosError(err)) {
    if (err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT' || /timeout/i.test(err.message)) return 'timed out';
    return `network error ${err.code ?? ''}`.trim();
  }
  return String(err);
}

/** Retry-After as delay-seconds or an HTTP date, capped at 10 minutes; undefined when absent or bad. */
export function retryAfterMs(header: unknown, now: Date): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.min(MAX_RETRY_AFTER_MS, Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - now.getTime()));
}
