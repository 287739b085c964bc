// Forms on Slack end to end: the form button opens a modal through views.open, and its
// submission runs the form's action, with the confirmation posted to the user's DM.
import { afterAll, describe, expect, it } from 'vitest';
import { actionBody, eventBody, signedRequest, slackEnv, viewSubmissionBody } from '../../fixtures/slack/requests.js';
import { startSlackStandIn } from '../../fixtures/slack/stand-in.js';
import { startTestApp } from '../../helpers/test-app.js';

const slack = await startSlackStandIn();
afterAll(() => slack.close());
const app = await startTestApp({ env: slackEnv(slack.url) });

const malinIdentity = await app.db.chatIdentity.findFirstOrThrow({
  where: { employeeId: 'emp_malin', platform: 'SLACK' },
});
const malin = malinIdentity.platformUserId;
const DM = 'D0FORMS01';

type Message = { text: string; blocks: { type: string; elements?: { action_id: string; value?: string }[] }[] };
type Modal = {
  type: string;
  title: { text: string };
  private_metadata: string;
  blocks: { block_id: string; optional: boolean; element: { type: string; initial_value?: string } }[];
};

async function posts(count: number): Promise<Message[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = slack.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === DM);
    if (found.length >= count) return found.map((c) => c.body as unknown as Message);
    if (Date.now() > deadline) throw new Error(`expected ${count} posts to ${DM}, got ${found.length}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function button(message: Message | undefined, prefix: string) {
  const all = (message?.blocks ?? []).flatMap((b) => b.elements ?? []);
  const found = all.find((e) => e.action_id.startsWith(prefix));
  if (!found) throw new Error(`no ${prefix} button in ${all.map((e) => e.action_id).join(', ')}`);
  return found;
}

// The journey the rest builds on: weights card → Edit weights → form message → Open form → modal.
await app.server.inject(
  signedRequest(
    eventBody('message-im.json', 'EvForms01', {
      user: malin,
      channel: DM,
      text: 'kpi weights aftersales_engineer 2026-11',
    }),
  ),
);
const [weightsCard] = await posts(1);
const edit = button(weightsCard, 'kpi.weights.edit');
await app.server.inject(
  signedRequest(
    actionBody({ user: malin, actionId: edit.action_id, value: edit.value, trigger: '1.1.edit', channel: DM }),
  ),
);
const [, formMessage] = await posts(2);
const open = button(formMessage, 'form:open');
const opened = await app.server.inject(
  signedRequest(
    actionBody({ user: malin, actionId: open.action_id, value: open.value, trigger: '1.2.open', channel: DM }),
  ),
);
const [viewsOpen] = await slack.waitFor('views.open');
const modal = viewsOpen?.body.view as Modal;

/** The modal's initial values with five points moved from the second metric to the first. */
function answers(reason: string): Record<string, string> {
  const metrics = modal.blocks.filter((b) => b.element.type === 'number_input');
  const values = Object.fromEntries(metrics.map((b) => [b.block_id, b.element.initial_value ?? '']));
  const [first, second] = metrics;
  if (!first || !second) throw new Error('modal without two metrics');
  values[first.block_id] = String(Number(first.element.initial_value) + 5);
  values[second.block_id] = String(Number(second.element.initial_value) - 5);
  return { ...values, reason };
}

describe('Slack forms', () => {
  it('opens the form as a modal with one input per field when Open form is pressed', () => {
    expect(opened.statusCode).toBe(200);
    expect(viewsOpen?.body.trigger_id).toBe('1.2.open');
    expect(modal.type).toBe('modal');
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(modal.blocks.at(-1)).toMatchObject({
      block_id: 'reason',
      optional: false,
      element: { type: 'plain_text_input' },
    });
    const metrics = modal.blocks.filter((b) => b.element.type === 'number_input');
    expect(metrics.reduce((s, b) => s + Number(b.element.initial_value), 0)).toBe(100);
    expect(formMessage?.text).toContain('kpi weights aftersales_engineer 2026-11');
  });

  it('keeps the modal open with an error under an empty required field', async () => {
    const res = await app.server.inject(
      signedRequest(viewSubmissionBody({ user: malin, view: modal, values: answers(''), hash: 'h.empty' })),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ response_action: 'errors', errors: { reason: '请填写这一项。' } });
  });

  it('saves a submitted modal once and posts the confirmation to the DM, even when replayed', async () => {
    const body = viewSubmissionBody({ user: malin, view: modal, values: answers('客户体验优先'), hash: 'h.save' });
    const first = await app.server.inject(signedRequest(body));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({});
    const [, , confirmation] = await posts(3);
    expect(confirmation?.text).toContain('已保存为 2026-11 第 1 版');
    const replay = await app.server.inject(signedRequest(body));
    expect(replay.statusCode).toBe(200);
    // The replay is refused at the ack (its view id and hash are stored), so nothing runs after it.
    expect(await app.db.inboundEvent.count({ where: { source: 'slack', eventId: 'view:V0KAOPU001:h.save' } })).toBe(1);
    expect(await app.db.kpiModelVersion.count({ where: { period: '2026-11', createdById: 'emp_malin' } })).toBe(1);
    expect(await app.db.auditLog.count({ where: { actorId: 'emp_malin', action: 'kpi.weights.changed' } })).toBe(1);
  });

  it('answers 400 to a submission whose metadata is not a Kaopu form', async () => {
    const res = await app.server.inject(
      signedRequest(
        viewSubmissionBody({ user: malin, view: { private_metadata: 'not json' }, values: {}, viewId: 'V0BAD' }),
      ),
    );
    expect(res.statusCode).toBe(400);
    expect(await app.db.inboundEvent.count({ where: { source: 'slack', eventId: { startsWith: 'view:V0BAD' } } })).toBe(
      0,
    );
  });

  it('answers 401 to a forged submission and stores nothing', async () => {
    const body = viewSubmissionBody({ user: malin, view: modal, values: answers('伪造'), viewId: 'V0FORGED' });
    const res = await app.server.inject(signedRequest(body, { secret: 'not-the-signing-secret' }));
    expect(res.statusCode).toBe(401);
    expect(
      await app.db.inboundEvent.count({ where: { source: 'slack', eventId: { startsWith: 'view:V0FORGED' } } }),
    ).toBe(0);
  });
});
