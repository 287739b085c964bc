// Issue 8: every registered route, called without credentials under path spellings a router or a
// proxy may decode or normalise differently from a string check. Nothing protected answers 2xx.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoutes } from '../../src/http/api-routes.js';
import { route } from '../../src/http/route-spec.js';
import { startTestApp } from '../helpers/test-app.js';

const app = await startTestApp({
  env: {
    NODE_ENV: 'production',
    CONSOLE_TOKEN: 'console-token-for-tests-0123456789',
    LINK_SIGNING_SECRET: 'link-signing-secret-for-tests-0123456789abcdef',
    PUBLIC_BASE_URL: 'https://kaopu.example',
    SLACK_BOT_TOKEN: 'xoxb-enumeration',
    SLACK_SIGNING_SECRET: 'slack-signing-secret-enumeration',
    WECOM_CORP_ID: 'wwkaopu0000test01',
    WECOM_AGENT_ID: '1000002',
    WECOM_SECRET: 'wecom-secret-enumeration',
    WECOM_TOKEN: 'kaopuCallbackToken',
    WECOM_ENCODING_AES_KEY: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
    DINGTALK_CLIENT_ID: 'ding-enumeration',
    DINGTALK_CLIENT_SECRET: 'dingtalk-secret-enumeration',
    DINGTALK_ROBOT_CODE: 'ding-robot-enumeration',
  },
  // An API group as a feature would register it, so the apiKey guard is enumerated too.
  beforeReady({ server, openapi }) {
    apiRoutes(
      server,
      'work-orders:write',
      [
        route({
          method: 'POST',
          path: '/work-orders/:id',
          summary: 'Update a work order',
          params: z.object({ id: z.string() }),
          handle: () => ({ ok: true }),
        }),
      ],
      openapi,
    );
  },
});

/** A concrete path for a route pattern: each parameter gets a plausible but unsigned value. */
function samplePath(url: string): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => (name === 'file' ? 'abc.def.012.png' : `abc${name}1`));
}

const encodeChar = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** The same path spelled the ways issue 8 lists. */
function variants(path: string): string[] {
  const segments = path.split('/').slice(1);
  const out = new Set<string>([path]);
  segments.forEach((segment, i) => {
    const rebuild = (replacement: string) =>
      `/${[...segments.slice(0, i), replacement, ...segments.slice(i + 1)].join('/')}`;
    const letter = segment.search(/[a-z]/i);
    if (letter >= 0) {
      const c = segment[letter] as string;
      out.add(rebuild(`${segment.slice(0, letter)}${encodeChar(c)}${segment.slice(letter + 1)}`));
      out.add(rebuild(`${segment.slice(0, letter)}${encodeChar(c).toUpperCase()}${segment.slice(letter + 1)}`));
    }
    out.add(rebuild(segment.toUpperCase()));
    out.add(rebuild(`${segment};x`));
    out.add(rebuild(`${segment}%00`));
    if (i > 0) {
      const before = segments.slice(0, i).join('/');
      const after = segments.slice(i).join('/');
      out.add(`/${before}%2f${after}`);
      out.add(`/${before}%2F${after}`);
      out.add(`/${before}//${after}`);
      out.add(`/${before}/./${after}`);
      out.add(`/${before}/x/../${after}`);
      out.add(`/${before}/%2e/${after}`);
      out.add(`/${before}/x/%2e%2e/${after}`);
    }
  });
  out.add(`/${segments.map((s) => s.replace(/[a-z]/gi, encodeChar)).join('/')}`);
  out.add(`//${segments.join('/')}`);
  out.add(path.toUpperCase());
  out.add(`${path}/`);
  out.add(`${path};x`);
  out.add(`${path}%00`);
  out.add(`${path}?x=1`);
  return [...out];
}

const protectedRoutes = () => app.routes.filter((r) => r.guard.kind !== 'public');

describe('route enumeration', () => {
  it('finds every route of the app with a guard', () => {
    const listed = app.routes.map((r) => `${r.method} ${r.url} ${r.guard.kind}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        'GET /healthz public',
        'GET /readyz public',
        'GET /files/:token link',
        'GET /charts/:file link',
        'GET /console public',
        'GET /console/api/users console',
        'POST /console/api/messages console',
        'POST /console/api/actions console',
        'GET /console/api/groups console',
        'GET /console/api/groups/:id/messages console',
        'POST /slack/events platform',
        'GET /wecom/callback platform',
        'POST /wecom/callback platform',
        'POST /dingtalk/callback platform',
        'POST /api/v1/work-orders/:id apiKey',
      ]),
    );
  });

  it('answers no protected route with 2xx without credentials, however the path is spelled', async () => {
    const answered: string[] = [];
    let requests = 0;
    for (const r of protectedRoutes()) {
      for (const url of variants(samplePath(r.url))) {
        const res = await app.server.inject({
          method: r.method as 'GET',
          url,
          ...(r.method === 'POST' ? { headers: { 'content-type': 'application/json' }, payload: '{}' } : {}),
        });
        requests += 1;
        if (res.statusCode < 300) answered.push(`${r.method} ${url} → ${res.statusCode}`);
      }
    }
    expect(answered).toEqual([]);
    expect(requests).toBeGreaterThan(protectedRoutes().length * 20);
  });

  it('answers the console and API routes spelled canonically with 401', async () => {
    for (const r of protectedRoutes().filter((x) => x.guard.kind === 'console' || x.guard.kind === 'apiKey')) {
      const res = await app.server.inject({ method: r.method as 'GET', url: samplePath(r.url) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });
});
