// A crash between "claimed for sending" and "sent" leaves a row in SENDING; the next start
// sends it, exactly once.
import { afterAll, describe, expect, it } from 'vitest';
import { makeCard } from '../../../cards/card.js';
import { slackEnv } from '../../fixtures/slack/requests.js';
import { startSlackStandIn } from '../../fixtures/slack/stand-in.js';
import { startTestApp } from '../../helpers/test-app.js';

const slack = await startSlackStandIn();
afterAll(() => slack.close());
const app = await startTestApp({ env: slackEnv(slack.url) });

describe('Slack outbox crash recovery', () => {
  it('sends a message left in SENDING exactly once after a restart', async () => {
    const card = makeCard({ title: 'Shift change', blocks: [{ type: 'text', text: 'Tomorrow starts at 10:00.' }] });
    const id = await app.outbox.enqueue({
      platform: 'slack',
      to: { kind: 'group', chatId: 'C0CRASH01' },
      card,
      locale: 'en',
      dedupeKey: 'test:crash:1',
    });
    await app.db.outboxMessage.update({ where: { id: id as string }, data: { status: 'SENDING', attempts: 1 } });

    await app.start();
    const [post] = await slack.waitFor('chat.postMessage');
    for (;;) {
      const row = await app.db.outboxMessage.findUniqueOrThrow({ where: { id: id as string } });
      if (row.status === 'SENT') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await app.outbox.drain();

    expect(post?.body).toMatchObject({ channel: 'C0CRASH01', text: card.text });
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
    expect(await app.db.outboxMessage.findUniqueOrThrow({ where: { id: id as string } })).toMatchObject({
      status: 'SENT',
      attempts: 2,
    });
  });
});
