// Typed errors with a stable code (also the i18n key), an HTTP status and params.
import type { MessageKey } from './i18n/index.js';

export interface KaopuErrorOptions {
  status?: number;
  params?: Record<string, string | number>;
  cause?: unknown;
}

export class KaopuError extends Error {
  readonly status: number;
  readonly params: Record<string, string | number>;
  constructor(
    readonly code: MessageKey,
    options: KaopuErrorOptions = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'KaopuError';
    this.status = options.status ?? 400;
    this.params = options.params ?? {};
  }
}
