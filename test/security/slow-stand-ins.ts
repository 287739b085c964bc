// Slow local stand-ins for the Slack, WeCom and DingTalk APIs, for the crash test: each message
// send is held 1–2 s, so a killed process leaves sends in flight. A message counts as delivered
// the moment its request arrives (the platform got it even if Kaopu never hears back), which is
// exactly the case that turns a blind re-send into a duplicate.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

export interface Delivered {
  /** The conversation: Slack channel, WeCom touser, DingTalk user id. */
  target: string;
  /** The message without transport fields, for spotting the same message twice. */
  content: string;
  /** Slack message metadata as posted. */
  metadata?: Json;
}

export interface SlowStandIn {
  url: string;
  delivered: Delivered[];
  /** WeCom only: requests its duplicate check dropped. */
  dropped: Delivered[];
  /** Requests arrived whose answer is still being held. */
  inFlight(): number;
  /**
   * While on, every send is held 4 s instead of 1–2 s (still under the clients' 10 s timeout), so
   * the server sends slower than the test can queue replies, however loaded the machine.
   */
  stall(on: boolean): void;
  calls(path: string): Json[];
  close(): Promise<void>;
}

type Handler = (path: string, body: Json, at: number) => { hold: boolean; body: unknown };

async function readJsonOrForm(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return {};
  if (req.headers['content-type']?.startsWith('application/json')) return JSON.parse(raw) as Json;
  return Object.fromEntries(new URLSearchParams(raw));
}

const STALL_MS = 4000;

async function serve(handler: Handler): Promise<Omit<SlowStandIn, 'delivered' | 'dropped'>> {
  let held = 0;
  let sequence = 0;
  const seen: { path: string; body: Json }[] = [];
  const control = { stalling: false };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const body = await readJsonOrForm(req);
    seen.push({ path, body });
    const answer = handler(path, body, Date.now());
    if (!answer.hold) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
      return;
    }
    sequence += 1;
    const stall = control.stalling;
    held += 1;
    let open = true;
    // A killed client closes the socket; its request is no longer in flight.
    const finish = () => {
      if (!open) return;
      open = false;
      held -= 1;
    };
    res.on('close', finish);
    setTimeout(
      () => {
        finish();
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      },
      stall ? STALL_MS : 1000 + (sequence % 5) * 250,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stall: (on) => {
      control.stalling = on;
    },
    inFlight: () => held,
    calls: (path) => seen.filter((s) => s.path === path).map((s) => s.body),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Slack Web API: conversations.open, a slow chat.postMessage that keeps every message in the
 * channel's history, and conversations.history with `oldest`, `limit`, `cursor` and metadata
 * only under `include_all_metadata` (https://docs.slack.dev/reference/methods/conversations.history).
 */
export async function startSlowSlack(): Promise<SlowStandIn> {
  const delivered: Delivered[] = [];
  const history = new Map<string, { ts: string; metadata?: Json }[]>();
  let ts = 0;
  const base = await serve((path, body, at) => {
    const method = path.replace(/^\/api\//, '');
    if (method === 'conversations.open') return { hold: false, body: { ok: true, channel: { id: `D${body.users}` } } };
    if (method === 'chat.postMessage') {
      ts += 1;
      const channel = String(body.channel);
      const messageTs = `${Math.floor(at / 1000)}.${String(ts).padStart(6, '0')}`;
      const { metadata, channel: _c, ...content } = body;
      delivered.push({ target: channel, content: JSON.stringify(content), metadata: metadata as Json | undefined });
      history.set(channel, [
        { ts: messageTs, metadata: metadata as Json | undefined },
        ...(history.get(channel) ?? []),
      ]);
      return { hold: true, body: { ok: true, channel, ts: messageTs } };
    }
    if (method === 'conversations.history') {
      const oldest = Number(body.oldest ?? 0);
      const limit = Math.min(Number(body.limit ?? 100), 999);
      const offset = Number(body.cursor ?? 0);
      const withMeta = String(body.include_all_metadata) === 'true';
      const all = (history.get(String(body.channel)) ?? []).filter((m) => Number(m.ts) > oldest);
      const page = all.slice(offset, offset + limit).map((m) => ({
        type: 'message',
        bot_id: 'B0KAOPU',
        ts: m.ts,
        ...(withMeta && m.metadata ? { metadata: m.metadata } : {}),
      }));
      const more = offset + limit < all.length;
      return {
        hold: false,
        body: {
          ok: true,
          messages: page,
          has_more: more,
          response_metadata: { next_cursor: more ? String(offset + limit) : '' },
        },
      };
    }
    return { hold: false, body: { ok: true } };
  });
  return { ...base, url: `${base.url}/api`, delivered, dropped: [] };
}

/**
 * WeCom API with message/send's duplicate check as WeCom documents it (发送应用消息, 90236): with
 * `enable_duplicate_check: 1`, a message identical to one sent within `duplicate_check_interval`
 * seconds is not sent again. Identical means the whole request body here, the strictest reading.
 */
export async function startSlowWecom(): Promise<SlowStandIn> {
  const delivered: Delivered[] = [];
  const dropped: Delivered[] = [];
  const accepted: { key: string; at: number }[] = [];
  let msgid = 0;
  const base = await serve((path, body, at) => {
    if (path === '/cgi-bin/gettoken') {
      return { hold: false, body: { errcode: 0, errmsg: 'ok', access_token: 'slow-token', expires_in: 7200 } };
    }
    if (path !== '/cgi-bin/message/send') return { hold: false, body: { errcode: 0, errmsg: 'ok' } };
    const key = JSON.stringify(body);
    const { touser, ...content } = body;
    const message = { target: String(touser), content: JSON.stringify(content) };
    const windowMs = Number(body.duplicate_check_interval ?? 1800) * 1000;
    const repeat = body.enable_duplicate_check === 1 && accepted.some((a) => a.key === key && at - a.at < windowMs);
    if (repeat) dropped.push(message);
    else {
      delivered.push(message);
      accepted.push({ key, at });
    }
    msgid += 1;
    return { hold: true, body: { errcode: 0, errmsg: 'ok', msgid: `msg-${msgid}` } };
  });
  return { ...base, delivered, dropped };
}

/** DingTalk robot APIs: access token and a slow oToMessages/batchSend and groupMessages/send. */
export async function startSlowDingtalk(): Promise<SlowStandIn> {
  const delivered: Delivered[] = [];
  let key = 0;
  const base = await serve((path, body) => {
    if (path === '/v1.0/oauth2/accessToken')
      return { hold: false, body: { accessToken: 'slow-token', expireIn: 7200 } };
    if (path === '/v1.0/robot/oToMessages/batchSend' || path === '/v1.0/robot/groupMessages/send') {
      const { userIds, openConversationId, robotCode: _r, ...content } = body;
      delivered.push({ target: String(openConversationId ?? userIds), content: JSON.stringify(content) });
      key += 1;
      return { hold: true, body: { processQueryKey: `pqk-${key}`, invalidStaffIdList: [] } };
    }
    return { hold: false, body: { errcode: 0, errmsg: 'ok' } };
  });
  return { ...base, delivered, dropped: [] };
}

export interface Counts {
  messages: number;
  lost: number;
  duplicates: number;
}

/**
 * Lost: a conversation owed a reply that got none. Duplicates: the same message delivered to the
 * same conversation more than once. Every conversation in the test gets exactly one reply.
 */
export function count(delivered: Delivered[], targets: string[]): Counts {
  const seen = new Map<string, number>();
  for (const d of delivered) seen.set(`${d.target}\n${d.content}`, (seen.get(`${d.target}\n${d.content}`) ?? 0) + 1);
  const lost = targets.filter((t) => !delivered.some((d) => d.target === t)).length;
  const duplicates = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
  return { messages: delivered.length, lost, duplicates };
}
