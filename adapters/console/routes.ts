import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AdapterContext } from '../../src/bot/adapter.js';
import type { BotEvent } from '../../src/bot/event.js';
import { KaopuError } from '../../src/errors.js';
import { describeIssues, replyError } from '../../src/http/reply-error.js';
import type { Guard } from '../../src/http/route-guard.js';
import type { ConsoleAdapterOptions } from './index.js';
import { locationPresets } from './location-presets.js';
import { consolePage } from './page.js';
import { actionBody, groupParams, messageBody, userParams } from './schemas.js';

const PUBLIC: Guard = { kind: 'public' };
const CONSOLE: Guard = { kind: 'console' };

/** A console visitor who is nobody yet (see eventFor). */
export const GUEST_ID = /^guest-[A-Za-z0-9_-]{1,40}$/;

const PLATFORM_KEYS = { SLACK: 'slack', WECOM: 'wecom', DINGTALK: 'dingtalk' } as const;

export function consoleRoutes(server: FastifyInstance, context: AdapterContext, options: ConsoleAdapterOptions): void {
  const { db, audit, now } = options;
  let sequence = 0;

  server.register(async (scope) => {
    // The page holds no data (it asks for the token); every API route is behind the console guard.
    scope.get('/console', { config: { guard: PUBLIC } }, async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header(
          'content-security-policy',
          "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'",
        )
        .send(consolePage({ needsToken: options.access === 'token' })),
    );

    scope.get('/console/api/users', { config: { guard: CONSOLE } }, async () => {
      const employees = await db.employee.findMany({
        where: { status: { not: 'LEFT' } },
        orderBy: [{ role: 'desc' }, { employeeNo: 'asc' }],
        select: { id: true, name: true, role: true, identities: { select: { platform: true, platformUserId: true } } },
      });
      return employees.map((e) => ({
        id: e.id,
        name: e.name,
        role: e.role,
        identities: Object.fromEntries(
          e.identities
            .filter((i) => i.platform !== 'CONSOLE')
            .map((i) => [PLATFORM_KEYS[i.platform as keyof typeof PLATFORM_KEYS], i.platformUserId]),
        ),
      }));
    });

    const eventFor = async (
      request: FastifyRequest,
      reply: FastifyReply,
      userId: string,
      groupId: string | undefined,
      locale: 'zh-CN' | 'en' | undefined,
      payload: BotEvent['payload'],
    ): Promise<BotEvent | null> => {
      const employee = await db.employee.findUnique({ where: { id: userId }, select: { id: true } });
      // A "guest-…" id is a console visitor no employee is linked to yet: Kaopu sees them as an
      // unknown user (ChatIdentity on CONSOLE), as it sees a new Slack or WeCom user.
      const guest = !employee && GUEST_ID.test(userId);
      if (!employee && !guest) {
        replyError(reply, 404, 'error.user_not_found');
        return null;
      }
      const user = { id: userId };
      if (groupId) {
        const group = await db.groupChat.findFirst({
          where: { id: groupId, platform: 'CONSOLE' },
          select: { id: true },
        });
        if (!group) {
          replyError(reply, 404, 'error.not_found');
          return null;
        }
      }
      await audit({
        ...(guest ? {} : { actorId: user.id }),
        actorKind: 'console',
        action: payload.kind === 'action' ? 'console.action' : 'console.message',
        subjectType: payload.kind === 'action' ? 'action' : 'command',
        subjectId: payload.kind === 'action' ? payload.actionId : undefined,
        channel: 'console',
        details: guest ? { ip: request.ip, guest: userId } : { ip: request.ip },
      });
      sequence += 1;
      return {
        id: `console-${now().getTime()}-${sequence}`,
        platform: 'console',
        user: guest ? { platformUserId: user.id } : { platformUserId: user.id, employeeId: user.id },
        conversation: groupId ? { kind: 'group', id: groupId } : { kind: 'dm', id: user.id },
        replyTo: groupId ? { kind: 'group', chatId: groupId } : { kind: 'user', userId: user.id },
        ...(locale ? { locale } : {}),
        payload,
        receivedAt: now(),
      };
    };

    // The console answers in the response, so a full pipeline is a 503 the page can show.
    const answer = async (reply: FastifyReply, event: BotEvent) => {
      try {
        return { replies: await context.answer(event) };
      } catch (err) {
        if (err instanceof KaopuError && err.code === 'bot.busy') return replyError(reply, 503, 'bot.busy');
        throw err;
      }
    };

    scope.post('/console/api/messages', { config: { guard: CONSOLE } }, async (request, reply) => {
      const body = messageBody.safeParse(request.body);
      if (!body.success)
        return replyError(reply, 400, 'error.bad_request', { detail: describeIssues(body.error.issues) });
      const { userId, groupId, locale, text, location } = body.data;
      const payload: BotEvent['payload'] = location
        ? {
            kind: 'location',
            lat: location.lat,
            lng: location.lng,
            datum: location.datum,
            ...(location.accuracyM !== undefined ? { accuracyM: location.accuracyM } : {}),
            ...(location.label !== undefined ? { label: location.label } : {}),
          }
        : { kind: 'text', text: text ?? '' };
      const event = await eventFor(request, reply, userId, groupId, locale, payload);
      if (!event) return reply;
      // What the sender sees privately; what the group sees is in its history.
      return answer(reply, event);
    });

    scope.post('/console/api/actions', { config: { guard: CONSOLE } }, async (request, reply) => {
      const body = actionBody.safeParse(request.body);
      if (!body.success)
        return replyError(reply, 400, 'error.bad_request', { detail: describeIssues(body.error.issues) });
      const { userId, groupId, locale, actionId, value } = body.data;
      const event = await eventFor(request, reply, userId, groupId, locale, {
        kind: 'action',
        actionId,
        ...(value !== undefined ? { value } : {}),
      });
      if (!event) return reply;
      return answer(reply, event);
    });

    // "Share location" presets for each site: at the site, 250 m away, and a spoofed sequence.
    scope.get('/console/api/location-presets', { config: { guard: CONSOLE } }, async () =>
      locationPresets(await db.site.findMany({ orderBy: { code: 'asc' }, take: 50 })),
    );

    scope.get('/console/api/groups', { config: { guard: CONSOLE } }, async () => {
      const groups = await db.groupChat.findMany({
        where: { platform: 'CONSOLE' },
        orderBy: { name: 'asc' },
        select: { id: true, name: true, team: { select: { id: true, name: true } } },
      });
      return groups.map((g) => ({
        id: g.id,
        name: g.name,
        teamId: g.team?.id ?? null,
        teamName: g.team?.name ?? null,
      }));
    });

    scope.get('/console/api/groups/:id/messages', { config: { guard: CONSOLE } }, async (request, reply) => {
      const params = groupParams.safeParse(request.params);
      if (!params.success)
        return replyError(reply, 400, 'error.bad_request', { detail: describeIssues(params.error.issues) });
      const group = await db.groupChat.findFirst({ where: { id: params.data.id, platform: 'CONSOLE' } });
      if (!group) return replyError(reply, 404, 'error.not_found');
      const rows = await db.outboxMessage.findMany({
        // The outbox row is the console's message store and its send is a no-op, so a row still
        // waiting for the dispatcher is already what the group sees.
        where: { platform: 'CONSOLE', target: `group:${group.id}`, status: { not: 'FAILED' }, updatesId: null },
        orderBy: { createdAt: 'asc' },
        take: 200,
        select: { id: true, card: true, createdAt: true },
      });
      return rows.map((r) => ({ id: r.id, at: r.createdAt.toISOString(), card: r.card }));
    });

    // What the bot sent this person unprompted (kit.notify); replies to their own messages come
    // back in the POST's response and are not listed here.
    scope.get('/console/api/users/:id/messages', { config: { guard: CONSOLE } }, async (request, reply) => {
      const params = userParams.safeParse(request.params);
      if (!params.success)
        return replyError(reply, 400, 'error.bad_request', { detail: describeIssues(params.error.issues) });
      const user = await db.employee.findUnique({ where: { id: params.data.id }, select: { id: true } });
      if (!user) return replyError(reply, 404, 'error.user_not_found');
      const rows = await db.outboxMessage.findMany({
        where: { platform: 'CONSOLE', target: `user:${user.id}`, status: 'SENT', updatesId: null },
        orderBy: { createdAt: 'asc' },
        take: 200,
        select: { id: true, card: true, createdAt: true },
      });
      return rows.map((r) => ({ id: r.id, at: r.createdAt.toISOString(), card: r.card }));
    });
  });
}
