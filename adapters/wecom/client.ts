// The WeCom server API: access token (gettoken, https://developer.work.weixin.qq.com/document/path/91039),
// message/send (90236), update_template_card (94888), appchat/send (90248) and group-robot webhooks
// (91770), paced by bottleneck and classified into SendError for the outbox.
import axios, { type AxiosInstance } from 'axios';
import type Bottleneck from 'bottleneck';
import type { Logger } from 'pino';
import { createLimiters, type Limiters } from '../../src/bot/limiters.js';
import { retryAfterMs, SendError } from '../../src/bot/send-error.js';
import { RATES, TOKEN_EARLY_REFRESH_MS } from './limits.js';
import { SlidingWindow, type WindowRate } from './rate-window.js';
import { type ApiResponse, apiResponse, tokenResponse } from './schemas.js';

export interface WecomClientOptions {
  apiBase: string;
  corpId: string;
  secret: string;
  logger: Logger;
  /** Group robots: 20 per minute each; benches scale the window down. */
  robotRate?: WindowRate;
  /** Messages to one member: 30 per minute, beyond which WeCom silently drops them. */
  memberRate?: WindowRate;
  now?: () => number;
  timeoutMs?: number;
  /** Shared rate limiters (Redis-backed across replicas when REDIS_URL is set); process-local if absent. */
  limiters?: Limiters;
}

// 40014 invalid token, 42001 token expired, 40001 invalid credential (a rotated secret
// invalidates tokens early): fetch a new token once and retry (全局错误码, document/path/90313).
const TOKEN_ERRORS = new Set([40014, 42001, 40001]);
// -1 system busy, 45009 API frequency limit, 45033 too many concurrent calls: worth retrying.
const BUSY_ERRORS = new Set([-1, 45009, 45033]);

export class WecomClient {
  private readonly http: AxiosInstance;
  private readonly now: () => number;
  private token?: { value: string; refreshAt: number };
  private pendingToken?: Promise<string>;
  private readonly api: Bottleneck;
  private readonly perKey: Bottleneck.Group;
  private readonly robots: SlidingWindow;
  private readonly members: SlidingWindow;
  private readonly robotRate: WindowRate;

  constructor(private readonly options: WecomClientOptions) {
    this.now = options.now ?? Date.now;
    const limiters = options.limiters ?? createLimiters();
    this.api = limiters.create('wecom.api', { maxConcurrent: RATES.apiConcurrency, minTime: RATES.apiMinTimeMs });
    this.perKey = limiters.group('wecom.member', { maxConcurrent: 1 });
    this.http = axios.create({ timeout: options.timeoutMs ?? 10_000, validateStatus: () => true });
    this.robotRate = options.robotRate ?? { perWindow: RATES.robotPerWindow, windowMs: RATES.robotWindowMs };
    this.robots = new SlidingWindow(this.robotRate);
    this.members = new SlidingWindow(
      options.memberRate ?? { perWindow: RATES.memberPerWindow, windowMs: RATES.memberWindowMs },
    );
  }

  /** POSTs to an app API path with the access token, renewing it once if WeCom rejects it. */
  async call(path: string, body: unknown): Promise<ApiResponse> {
    for (let attempt = 0; ; attempt += 1) {
      const token = await this.accessToken(attempt > 0);
      const url = `${this.options.apiBase}${path}?access_token=${encodeURIComponent(token)}`;
      const res = await this.api.schedule(() => this.post(url, body));
      if (TOKEN_ERRORS.has(res.errcode) && attempt === 0) {
        this.token = undefined;
        continue;
      }
      return check(res, path);
    }
  }

  /** GETs an app API path (the contacts API reads) with the access token, paced like every call. */
  async get(path: string, params: Record<string, string>): Promise<ApiResponse> {
    for (let attempt = 0; ; attempt += 1) {
      const token = await this.accessToken(attempt > 0);
      const query = new URLSearchParams({ access_token: token, ...params });
      const url = `${this.options.apiBase}${path}?${query.toString()}`;
      const res = await this.api.schedule(async () => {
        const raw = await this.request(() => this.http.get(url));
        const parsed = apiResponse.safeParse(raw);
        if (!parsed.success) throw new SendError('wecom answered without an errcode', { retryable: true });
        return parsed.data;
      });
      if (TOKEN_ERRORS.has(res.errcode) && attempt === 0) {
        this.token = undefined;
        continue;
      }
      return check(res, path);
    }
  }

  /** One member's messages are paced so WeCom never drops them for exceeding 30/min. */
  sendToMember(userId: string, body: unknown): Promise<ApiResponse> {
    const key = `member:${userId}`;
    return this.perKey.key(key).schedule(() => this.members.run(key, () => this.call('/cgi-bin/message/send', body)));
  }

  async sendToRobot(webhookUrl: string, body: unknown): Promise<ApiResponse> {
    const key = `robot:${webhookUrl}`;
    const res = await this.perKey.key(key).schedule(() => this.robots.run(key, () => this.post(webhookUrl, body)));
    if (res.errcode === 45009) {
      // Someone else (another replica, a person testing the robot) used up this minute.
      throw new SendError('wecom robot errcode 45009: over 20 messages per minute', {
        retryable: true,
        retryAfterMs: this.robotRate.windowMs,
        rateLimited: true,
      });
    }
    return check(res, 'webhook');
  }

  private accessToken(force: boolean): Promise<string> {
    if (!force && this.token && this.now() < this.token.refreshAt) return Promise.resolve(this.token.value);
    // One fetch at a time: concurrent sends share it instead of each asking for a token.
    this.pendingToken ??= this.fetchToken().finally(() => {
      this.pendingToken = undefined;
    });
    return this.pendingToken;
  }

  private async fetchToken(): Promise<string> {
    const { apiBase, corpId, secret } = this.options;
    const url = `${apiBase}/cgi-bin/gettoken?corpid=${encodeURIComponent(corpId)}&corpsecret=${encodeURIComponent(secret)}`;
    const raw = await this.request(() => this.http.get(url));
    const parsed = tokenResponse.safeParse(raw);
    if (!parsed.success || !parsed.data.access_token || (parsed.data.errcode ?? 0) !== 0) {
      const errcode = parsed.success ? parsed.data.errcode : undefined;
      const errmsg = parsed.success ? (parsed.data.errmsg ?? '') : 'unexpected response';
      this.options.logger.error({ errcode }, 'wecom gettoken failed: check WECOM_CORP_ID and WECOM_SECRET');
      throw new SendError(`wecom gettoken errcode ${errcode ?? '?'}: ${errmsg.slice(0, 200)}`, {
        retryable: errcode !== undefined && BUSY_ERRORS.has(errcode),
      });
    }
    const expiresInMs = (parsed.data.expires_in ?? 7200) * 1000;
    this.token = {
      value: parsed.data.access_token,
      refreshAt: this.now() + Math.max(0, expiresInMs - TOKEN_EARLY_REFRESH_MS),
    };
    return this.token.value;
  }

  private async post(url: string, body: unknown): Promise<ApiResponse> {
    const raw = await this.request(() =>
      this.http.post(url, body, { headers: { 'content-type': 'application/json' } }),
    );
    const parsed = apiResponse.safeParse(raw);
    if (!parsed.success) throw new SendError('wecom answered without an errcode', { retryable: true });
    return parsed.data;
  }

  /** Runs one HTTP request; transport failures, 429 and 5xx become retryable SendErrors. */
  private async request(run: () => Promise<{ status: number; data: unknown; headers: unknown }>): Promise<unknown> {
    let res: Awaited<ReturnType<typeof run>>;
    try {
      res = await run();
    } catch (err) {
      throw new SendError(`wecom unreachable: ${(err as { code?: string }).code ?? (err as Error).message}`, {
        retryable: true,
        cause: err,
      });
    }
    if (res.status === 429 || res.status >= 500) {
      const header = (res.headers as Record<string, string | undefined>)['retry-after'];
      throw new SendError(`wecom HTTP ${res.status}`, {
        retryable: true,
        retryAfterMs: retryAfterMs(header, new Date(this.now())),
        rateLimited: res.status === 429,
      });
    }
    if (res.status >= 300) throw new SendError(`wecom HTTP ${res.status}`, { retryable: false });
    return res.data;
  }
}

// The errcodes an operator fixes in the admin console rather than in Kaopu (全局错误码, document/path/90313).
const OPERATOR_HINTS: Record<number, string> = {
  60020: "add this server's egress IP to the app's 企业可信IP",
  81013: "the user is outside the app's visibility range (可见范围)",
  40001: 'check WECOM_SECRET',
};

function check(res: ApiResponse, what: string): ApiResponse {
  if (res.errcode === 0) return res;
  // errmsg ends with a hint and our egress IP; the code and first clause are what an operator needs.
  const hint = OPERATOR_HINTS[res.errcode];
  const message = `wecom ${what} errcode ${res.errcode}: ${(res.errmsg ?? '').split(',')[0]?.slice(0, 200)}${hint ? ` (${hint})` : ''}`;
  throw new SendError(message, { retryable: BUSY_ERRORS.has(res.errcode) });
}
