import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type Bottleneck from 'bottleneck';
import type { SendResult } from '../../src/bot/adapter.js';
import type { ChatAddress } from '../../src/bot/event.js';
import { createLimiters, type Limiters } from '../../src/bot/limiters.js';
import { retryAfterMs, SendError } from '../../src/bot/send-error.js';
import { SLACK_RATES, type SlackMethod } from './limits.js';
import type { SlackBlock, SlackMessage } from './render.js';
import { webApiResponse } from './schemas.js';

/** Message metadata event type Kaopu tags its messages with (https://docs.slack.dev/messaging/message-metadata). */
export const OUTBOX_EVENT_TYPE = 'kaopu_outbox';

export function outboxMetadata(outboxId: string) {
  return { event_type: OUTBOX_EVENT_TYPE, event_payload: { id: outboxId } };
}

export interface SlackClientOptions {
  botToken: string;
  /** Web API base, e.g. https://slack.com/api; tests point it at a stand-in. */
  apiUrl: string;
  now: () => Date;
  /** Spacing of messages to one channel; a parameter so tests need not wait a second. */
  channelMinTimeMs?: number;
  timeoutMs?: number;
  /** Shared rate limiters (Redis-backed across replicas when REDIS_URL is set); process-local if absent. */
  limiters?: Limiters;
}

type WebApiResponse = ReturnType<typeof webApiResponse.parse>;

/**
 * Slack Web API over axios. Every call is paced by a limiter per method (the method's tier)
 * and every message by one per channel, then classified for the outbox: 429 → retry after
 * Retry-After, 5xx/network → retry, `ok:false` → final with Slack's error code.
 * https://docs.slack.dev/apis/web-api/rate-limits
 */
export class SlackClient {
  private readonly http: AxiosInstance;
  private readonly channels: Bottleneck.Group;
  private readonly methods = new Map<SlackMethod, Bottleneck>();
  // DM channel ids never change for a user, so one conversations.open per user suffices.
  private readonly dmChannels = new Map<string, string>();
  private stopped = false;

  constructor(private readonly options: SlackClientOptions) {
    this.http = axios.create({
      baseURL: options.apiUrl,
      timeout: options.timeoutMs ?? 10_000,
      headers: { authorization: `Bearer ${options.botToken}`, 'content-type': 'application/json; charset=utf-8' },
      validateStatus: () => true,
    });
    const limiters = options.limiters ?? createLimiters();
    this.channels = limiters.group('slack.channel', {
      maxConcurrent: 1,
      minTime: options.channelMinTimeMs ?? SLACK_RATES.perChannelMinTimeMs,
    });
    for (const [method, perMinute] of Object.entries(SLACK_RATES.perMinute)) {
      this.methods.set(
        method as SlackMethod,
        limiters.create(`slack.method.${method}`, {
          reservoir: perMinute,
          reservoirRefreshAmount: perMinute,
          reservoirRefreshInterval: 60_000,
        }),
      );
    }
  }

  async call(method: SlackMethod, body: Record<string, unknown>): Promise<WebApiResponse> {
    const limiter = this.methods.get(method) as Bottleneck;
    return this.schedule(limiter, () => this.request(method, body));
  }

  async postMessage(channel: string, message: SlackMessage, threadTs?: string, outboxId?: string): Promise<SendResult> {
    const res = await this.schedule(this.channels.key(channel), () =>
      this.call('chat.postMessage', {
        channel,
        ...message,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        // Invisible to people; lets a restart find this message in the history instead of posting it twice.
        ...(outboxId ? { metadata: outboxMetadata(outboxId) } : {}),
      }),
    );
    const posted = typeof res.channel === 'string' ? res.channel : channel;
    return res.ts ? { platformMessageId: `${posted}:${res.ts}` } : {};
  }

  async update(channel: string, ts: string, message: SlackMessage): Promise<void> {
    await this.schedule(this.channels.key(channel), () => this.call('chat.update', { channel, ts, ...message }));
  }

  async publishHome(userId: string, view: { type: 'home'; blocks: SlackBlock[] }): Promise<void> {
    await this.call('views.publish', { user_id: userId, view });
  }

  /** Opens a modal; the trigger id is valid for 3 s (https://docs.slack.dev/reference/methods/views.open). */
  async openView(triggerId: string, view: Record<string, unknown>): Promise<void> {
    await this.call('views.open', { trigger_id: triggerId, view });
  }

  async openDm(userId: string): Promise<string> {
    const known = this.dmChannels.get(userId);
    if (known) return known;
    const res = await this.call('conversations.open', { users: userId });
    const channel = typeof res.channel === 'object' ? res.channel.id : res.channel;
    if (!channel) throw new SendError('slack conversations.open: no channel in response', { retryable: true });
    if (this.dmChannels.size > 10_000) this.dmChannels.clear();
    this.dmChannels.set(userId, channel);
    return channel;
  }

  /** Posts a message to a user (their DM with the bot) or a channel, tagged with its outbox id. */
  async send(to: ChatAddress, message: SlackMessage, outboxId?: string): Promise<SendResult> {
    if (to.kind === 'webhook') {
      throw new SendError('Slack has no group-robot webhooks; address the channel instead', { retryable: false });
    }
    if (to.kind === 'group') return this.postMessage(to.chatId, message, to.hint?.thread_ts, outboxId);
    const channel = to.hint?.channel ?? (await this.openDm(to.userId));
    return this.postMessage(channel, message, undefined, outboxId);
  }

  /** A read method with form-encoded arguments, which every Web API method accepts (JSON only some). */
  async read(method: SlackMethod, params: Record<string, string>): Promise<WebApiResponse> {
    const limiter = this.methods.get(method) as Bottleneck;
    return this.schedule(limiter, () => this.request(method, new URLSearchParams(params)));
  }

  /** Drops queued calls (they fail retryable, so the outbox keeps them) and stops the timers. */
  async stop(): Promise<void> {
    this.stopped = true;
    const all = [...this.methods.values(), ...this.channels.limiters().map((l) => l.limiter)];
    await Promise.all(all.map((l) => l.stop({ dropWaitingJobs: true }).catch(() => undefined)));
  }

  private async schedule<T>(limiter: Bottleneck, task: () => Promise<T>): Promise<T> {
    if (this.stopped) throw new SendError('slack client stopped', { retryable: true });
    try {
      return await limiter.schedule(task);
    } catch (err) {
      if (err instanceof SendError) throw err;
      throw new SendError(`slack limiter: ${(err as Error).message}`, { retryable: true, cause: err });
    }
  }

  private async request(method: SlackMethod, body: Record<string, unknown> | URLSearchParams): Promise<WebApiResponse> {
    let response: AxiosResponse<unknown>;
    try {
      const form = body instanceof URLSearchParams;
      response = await this.http.post(
        `/${method}`,
        form ? body.toString() : body,
        form ? { headers: { 'content-type': 'application/x-www-form-urlencoded' } } : undefined,
      );
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'network error';
      throw new SendError(`slack ${method}: ${code}`, { retryable: true, cause: err });
    }
    const { status, headers, data } = response;
    if (status === 429) {
      const after = retryAfterMs(headers['retry-after'] as string | undefined, this.options.now());
      throw new SendError(`slack ${method}: HTTP 429 ratelimited`, {
        retryable: true,
        retryAfterMs: after ?? 1000,
        rateLimited: true,
      });
    }
    if (status >= 500) throw new SendError(`slack ${method}: HTTP ${status}`, { retryable: true });
    const parsed = webApiResponse.safeParse(data);
    if (!parsed.success) {
      throw new SendError(`slack ${method}: HTTP ${status} with an unreadable body`, { retryable: status < 400 });
    }
    if (!parsed.data.ok) {
      const error = parsed.data.error ?? 'unknown_error';
      // ok:false is final (channel_not_found, invalid_blocks …), except Slack's own rate limit.
      throw new SendError(`slack ${method}: ${error}`, { retryable: error === 'ratelimited' });
    }
    return parsed.data;
  }
}
