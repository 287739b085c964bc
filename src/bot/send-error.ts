/** A failed platform send, classified so the outbox knows whether and when to retry. */
export class SendError extends Error {
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  /** The platform refused for its rate limit (HTTP 429, WeCom 45009, DingTalk flow control). */
  readonly rateLimited: boolean;
  constructor(
    message: string,
    options: { retryable: boolean; retryAfterMs?: number; rateLimited?: boolean; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = 'SendError';
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
    this.rateLimited = options.rateLimited ?? false;
  }
}

/** Parses an HTTP Retry-After header (seconds or HTTP date) into milliseconds. */
export function retryAfterMs(header: string | undefined | null, now: Date): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
