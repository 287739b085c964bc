// A tiny local stand-in for the WeCom API (node:http): answers gettoken, message/send,
// update_template_card, appchat/send and robot webhooks, and records every request body.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown>;
  at: number;
}

export interface StandIn {
  url: string;
  requests: Recorded[];
  /** Requests to one path (without the query). */
  to(path: string): Recorded[];
  /** Overrides the answer for a path; return undefined to fall back to the default. */
  answer: (path: string, req: Recorded) => { status?: number; body: unknown } | undefined;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startStandIn(): Promise<StandIn> {
  let sequence = 0;
  const standIn: StandIn = {
    url: '',
    requests: [],
    to: (path) => standIn.requests.filter((r) => r.path === path),
    answer: () => undefined,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const text = await readBody(req);
    const recorded: Recorded = {
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      at: Date.now(),
    };
    standIn.requests.push(recorded);
    const custom = standIn.answer(url.pathname, recorded);
    let status = 200;
    let body: unknown = { errcode: 0, errmsg: 'ok' };
    if (custom) {
      status = custom.status ?? 200;
      body = custom.body;
    } else if (url.pathname === '/cgi-bin/gettoken') {
      body = { errcode: 0, errmsg: 'ok', access_token: 'stand-in-token', expires_in: 7200 };
    } else if (url.pathname === '/cgi-bin/message/send') {
      sequence += 1;
      body = { errcode: 0, errmsg: 'ok', msgid: `msg-${sequence}`, response_code: `sent-rc-${sequence}` };
    }
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return standIn;
}
