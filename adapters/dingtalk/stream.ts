// DingTalk Stream mode spoken directly over `ws`: the official SDK leaks sockets on reconnect and
// ships keep-alive off (FACTS.md). Protocol: https://open.dingtalk.com/document/direction/stream-mode-protocol-access-description
// POST /v1.0/gateway/connections/open → {endpoint, ticket}; connect to endpoint?ticket=…; answer
// SYSTEM `ping` with its own headers and data; ack each CALLBACK by messageId or it is redelivered.
import type { Logger } from 'pino';
import WebSocket from 'ws';
import { type StreamFrame, streamFrame } from './schemas.js';

/** The robot-message topic (机器人接收消息, Stream 模式). */
export const ROBOT_TOPIC = '/v1.0/im/bot/messages/get';

export interface StreamOptions {
  open(): Promise<{ endpoint: string; ticket: string }>;
  /** Handles one CALLBACK's data; 'retry' leaves it unacked so the gateway delivers it again. */
  onCallback(topic: string, data: string): Promise<'ack' | 'retry'>;
  logger: Logger;
  /** No frame for this long means a dead or zombie connection; the gateway pings every ~20–30 s. */
  watchdogMs?: number;
  /** WebSocket ping interval; a ping unanswered by the next one ends the socket. */
  keepAliveMs?: number;
  backoffMs?: { initial: number; max: number };
}

export interface Stream {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createStream(options: StreamOptions): Stream {
  const { logger } = options;
  const watchdogMs = options.watchdogMs ?? 90_000;
  const keepAliveMs = options.keepAliveMs ?? 20_000;
  const backoff = options.backoffMs ?? { initial: 1000, max: 60_000 };
  const sockets = new Set<WebSocket>();
  const retired = new WeakSet<WebSocket>();
  let current: WebSocket | undefined;
  let stopped = true;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let replacing = false;

  function scheduleReconnect(): void {
    if (stopped || retryTimer) return;
    const delay = Math.min(backoff.max, backoff.initial * 2 ** failures);
    failures += 1;
    logger.info({ delayMs: delay }, 'dingtalk stream reconnecting');
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delay);
  }

  async function connect(): Promise<void> {
    if (stopped) return;
    let target: { endpoint: string; ticket: string };
    try {
      target = await options.open();
    } catch (err) {
      logger.warn(
        { reason: (err as Error).message },
        'dingtalk stream: gateway refused (check DINGTALK_CLIENT_ID/SECRET)',
      );
      replacing = false;
      scheduleReconnect();
      return;
    }
    if (stopped) return;
    const url = new URL(target.endpoint);
    url.searchParams.set('ticket', target.ticket);
    const ws = new WebSocket(url);
    sockets.add(ws);
    let watchdog: NodeJS.Timeout | undefined;
    let keepAlive: NodeJS.Timeout | undefined;
    let awaitingPong = false;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        logger.warn({ afterMs: watchdogMs }, 'dingtalk stream silent; reconnecting');
        ws.terminate();
      }, watchdogMs);
    };

    ws.on('open', () => {
      failures = 0;
      replacing = false;
      const previous = current;
      current = ws;
      // Warm switch: the old connection is closed only once its replacement is open.
      if (previous) {
        retired.add(previous);
        previous.close();
      }
      arm();
      keepAlive = setInterval(() => {
        if (awaitingPong) return ws.terminate();
        awaitingPong = true;
        ws.ping();
      }, keepAliveMs);
      logger.info('dingtalk stream connected');
    });
    ws.on('pong', () => {
      awaitingPong = false;
    });
    ws.on('message', (raw) => {
      arm();
      void onFrame(ws, raw.toString());
    });
    ws.on('error', (err) => logger.warn({ reason: err.message }, 'dingtalk stream socket error'));
    ws.on('close', () => {
      clearTimeout(watchdog);
      clearInterval(keepAlive);
      sockets.delete(ws);
      if (stopped || retired.has(ws)) return;
      if (current === ws) current = undefined;
      replacing = false;
      scheduleReconnect();
    });
  }

  async function onFrame(ws: WebSocket, raw: string): Promise<void> {
    let frame: StreamFrame;
    try {
      const parsed = streamFrame.safeParse(JSON.parse(raw));
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'bad frame');
      frame = parsed.data;
    } catch (err) {
      logger.warn({ reason: (err as Error).message }, 'dingtalk stream: unreadable frame ignored');
      return;
    }
    const { topic, messageId } = frame.headers;
    if (frame.type === 'SYSTEM') {
      if (topic === 'ping') send(ws, { code: 200, headers: frame.headers, message: 'OK', data: frame.data });
      // The gateway stops delivering to a connection right after `disconnect`: replace it now.
      if (topic === 'disconnect' && !replacing && ws === current) {
        replacing = true;
        void connect();
      }
      return;
    }
    if (!messageId) return;
    if (frame.type === 'EVENT') {
      send(ws, ack(messageId, { status: 'SUCCESS' }));
      return;
    }
    const outcome = await options.onCallback(topic, frame.data).catch((err: unknown) => {
      logger.error({ err }, 'dingtalk stream callback failed');
      return 'retry' as const;
    });
    if (outcome === 'ack') send(ws, ack(messageId, { response: null }));
  }

  function send(ws: WebSocket, body: unknown): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(body));
  }

  return {
    async start() {
      if (!stopped) return;
      stopped = false;
      await connect();
    },
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      const closing = [...sockets].map(
        (ws) =>
          new Promise<void>((resolve) => {
            if (ws.readyState === WebSocket.CLOSED) return resolve();
            ws.once('close', () => resolve());
            ws.terminate();
          }),
      );
      await Promise.all(closing);
      current = undefined;
    },
  };
}

function ack(messageId: string, data: unknown) {
  return {
    code: 200,
    headers: { contentType: 'application/json', messageId },
    message: 'OK',
    data: JSON.stringify(data),
  };
}
