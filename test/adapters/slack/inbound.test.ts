// Recorded Slack payloads → the neutral BotEvent (or a reason to ignore them).
import { describe, expect, it } from 'vitest';
import { fromEventsApi, fromInteraction, fromSlashCommand } from '../../../adapters/slack/inbound.js';
import { eventBody, fixture } from '../../fixtures/slack/requests.js';

const at = new Date('2026-11-18T04:00:00Z');
const blockActions = (action: Record<string, unknown>) => ({
  ...fixture('block-actions.json'),
  actions: [{ type: 'button', action_ts: '1', ...action }],
});

describe('Slack payloads to bot events', () => {
  it('turns a DM into a text event replying to that DM channel', () => {
    expect(fromEventsApi(eventBody('message-im.json', 'Ev1', { user: 'U1', text: 'help &amp; more' }), at)).toEqual({
      kind: 'event',
      dedupeId: 'Ev1',
      event: {
        id: 'Ev1',
        platform: 'slack',
        user: { platformUserId: 'U1' },
        conversation: { kind: 'dm', id: 'D0KAOPUDM1' },
        replyTo: { kind: 'user', userId: 'U1', hint: { channel: 'D0KAOPUDM1' } },
        payload: { kind: 'text', text: 'help & more' },
        receivedAt: at,
      },
    });
  });

  it('strips the bot mention from a channel mention and replies in the channel', () => {
    const inbound = fromEventsApi(eventBody('app-mention.json', 'Ev2', { user: 'U1', channel: 'C1' }), at);
    expect(inbound).toMatchObject({
      kind: 'event',
      event: {
        conversation: { kind: 'group', id: 'C1' },
        replyTo: { kind: 'group', chatId: 'C1' },
        payload: { text: 'help' },
      },
    });
  });

  it('ignores message edits and channel messages that do not mention the bot', () => {
    expect(fromEventsApi(eventBody('message-im.json', 'Ev3', { subtype: 'message_changed' }), at)).toMatchObject({
      kind: 'ignored',
    });
    expect(
      fromEventsApi(eventBody('message-im.json', 'Ev4', { user: 'U1', channel_type: 'channel' }), at),
    ).toMatchObject({
      kind: 'ignored',
    });
  });

  it('ignores the Messages tab of App Home and keeps the Home tab', () => {
    expect(fromEventsApi(eventBody('app-home-opened.json', 'Ev5', { tab: 'messages' }), at)).toMatchObject({
      kind: 'ignored',
    });
    expect(fromEventsApi(eventBody('app-home-opened.json', 'Ev6', { user: 'U1' }), at)).toEqual({
      kind: 'home',
      dedupeId: 'Ev6',
      userId: 'U1',
    });
  });

  it('sends a slash command answer to the user DM, keyed by its trigger id', () => {
    const inbound = fromSlashCommand(
      { command: '/kaopu', text: ' kpi ', user_id: 'U1', channel_id: 'C1', trigger_id: 'T.1' },
      at,
    );
    expect(inbound).toMatchObject({
      kind: 'event',
      dedupeId: 'command:T.1',
      event: {
        conversation: { kind: 'group', id: 'C1' },
        replyTo: { kind: 'user', userId: 'U1' },
        payload: { text: 'kpi' },
      },
    });
  });

  it('turns a pressed button into an action event, without the repeat suffix', () => {
    expect(fromInteraction(blockActions({ action_id: 'alerts.ack~2', value: 'a1' }), at)).toMatchObject({
      kind: 'event',
      dedupeId: 'action:12466734323.1395872398.ac34e9d1b5c0f4d8c0a1',
      event: { payload: { kind: 'action', actionId: 'alerts.ack', value: 'a1' } },
    });
  });

  it('ignores link buttons and interaction types it does not use', () => {
    expect(fromInteraction(blockActions({ action_id: 'link:more' }), at)).toMatchObject({ kind: 'ignored' });
    expect(fromInteraction({ type: 'view_closed', user: { id: 'U1' } }, at)).toMatchObject({ kind: 'ignored' });
  });

  it('reports what is missing from a malformed payload', () => {
    expect(fromSlashCommand({ command: '/kaopu' }, at)).toMatchObject({
      kind: 'malformed',
      detail: expect.stringContaining('user_id'),
    });
    expect(fromInteraction({ type: 'block_actions', actions: [] }, at)).toMatchObject({ kind: 'malformed' });
    expect(fromEventsApi('not an object', at)).toMatchObject({ kind: 'malformed' });
  });
});
