import type { LogLevel, Logger as SlackLogger } from '@slack/socket-mode';
import type { Logger } from 'pino';
import type { SlackAck } from './accept.js';
import { fromEventsApi, fromInteraction, fromSlashCommand, type SlackInbound } from './inbound.js';

export interface SocketModeDeps {
  appToken: string;
  apiUrl: string;
  logger: Logger;
  now: () => Date;
  accept: (inbound: SlackInbound) => Promise<SlackAck>;
}

// @slack/socket-mode wants its own logger shape; its messages go to our pino at debug/warn.
function bridge(logger: Logger, infoLevel: LogLevel): SlackLogger {
  const join = (msg: unknown[]) => msg.map(String).join(' ').slice(0, 300);
  return {
    debug: (...msg: unknown[]) => logger.debug({ socket: join(msg) }, 'slack socket'),
    info: (...msg: unknown[]) => logger.debug({ socket: join(msg) }, 'slack socket'),
    warn: (...msg: unknown[]) => logger.warn({ socket: join(msg) }, 'slack socket'),
    error: (...msg: unknown[]) => logger.error({ socket: join(msg) }, 'slack socket'),
    setLevel: () => undefined,
    getLevel: () => infoLevel,
    setName: () => undefined,
  };
}

function inboundFor(type: string, body: unknown, receivedAt: Date): SlackInbound {
  switch (type) {
    case 'events_api':
      return fromEventsApi(body, receivedAt);
    case 'slash_commands':
      return fromSlashCommand(body, receivedAt);
    case 'interactive':
      return fromInteraction(body, receivedAt);
    default:
      return { kind: 'ignored', reason: `socket ${type}` };
  }
}

/**
 * Socket Mode: the same envelopes over a WebSocket, for installs without a public URL.
 * Each envelope is acked with its envelope_id; an unacked one is redelivered, so a failure
 * to store the event id leaves it unacked on purpose.
 * https://docs.slack.dev/apis/events-api/using-socket-mode
 */
export async function startSocketMode(deps: SocketModeDeps): Promise<{ stop(): Promise<void> }> {
  // Loaded here, not at start-up: the SDK (and its WebSocket stack) only matters with SLACK_APP_TOKEN.
  const { LogLevel, SocketModeClient } = await import('@slack/socket-mode');
  const client = new SocketModeClient({
    appToken: deps.appToken,
    logger: bridge(deps.logger, LogLevel.INFO),
    clientOptions: { slackApiUrl: `${deps.apiUrl}/` },
  });
  client.on(
    'slack_event',
    async ({ ack, type, body }: { ack: (r?: unknown) => Promise<void>; type: string; body: unknown }) => {
      try {
        const result = await deps.accept(inboundFor(type, body, deps.now()));
        await ack(result.body);
        result.after?.();
      } catch (err) {
        deps.logger.error({ err: (err as Error).message }, 'slack socket envelope not acknowledged');
      }
    },
  );
  await client.start();
  deps.logger.info('slack socket mode connected');
  return {
    async stop() {
      // Only our listener goes: the client's own 'close' handler is what resolves disconnect().
      client.removeAllListeners('slack_event');
      await client.disconnect();
    },
  };
}
