// A critical alert reaches the team's manager on WeCom as a button card; pressing Acknowledge on it
// replaces that card in place through update_template_card with the press's response_code.
import { afterAll, expect, it, vi } from 'vitest';
import { ALERTS_RUNTIME } from '../../../src/alerts/index.js';
import { startTestApp } from '../../helpers/test-app.js';
import { AGENT_ID, callbackXml, signedPost, wecomEnv } from './callbacks.js';
import { startStandIn } from './stand-in.js';

const standIn = await startStandIn();
const app = await startTestApp({ env: wecomEnv(standIn.url) });
afterAll(() => standIn.close());
const engine = app.kit.services.get(ALERTS_RUNTIME)?.engine;

type TemplateCard = { task_id: string; button_list?: { text: string; key: string }[] };

it('Acknowledge replaces the manager’s alert card with update_template_card', async () => {
  await engine?.raise({
    rule: 'workOrder.sla',
    decision: {
      key: 'wecom-1:response',
      severity: 'critical',
      evidence: { kind: 'response', minutesOver: 9, title: '电驱异响检测' },
    },
    employeeId: 'emp_liming',
  });
  await engine?.pump();
  await app.outbox.drain();
  const toManager = () =>
    standIn
      .to('/cgi-bin/message/send')
      .filter((r) => r.body.touser === 'wangjianguo' && r.body.msgtype === 'template_card');
  await vi.waitFor(() => expect(toManager()).toHaveLength(1), { timeout: 10_000 });
  const card = toManager()[0]?.body.template_card as TemplateCard;
  expect(JSON.stringify(card)).toContain('工单超时');
  const ack = card.button_list?.find((b) => b.key.includes('alerts.ack'));
  expect(ack?.text).toBe('确认');

  const press = callbackXml('template-card-event', {
    from: 'wangjianguo',
    key: ack?.key ?? '',
    taskId: card.task_id,
    responseCode: 'rc-alert-press',
  });
  expect((await app.server.inject(signedPost(press))).statusCode).toBe(200);
  await vi.waitFor(
    async () => {
      await app.outbox.drain();
      expect(standIn.to('/cgi-bin/message/update_template_card')).toHaveLength(1);
    },
    { timeout: 10_000 },
  );
  const [update] = standIn.to('/cgi-bin/message/update_template_card');
  expect(update?.body).toMatchObject({
    userids: ['wangjianguo'],
    agentid: Number(AGENT_ID),
    response_code: 'rc-alert-press',
  });
  const replaced = update?.body.template_card as TemplateCard;
  expect(replaced.task_id).toBe(card.task_id);
  expect(JSON.stringify(replaced)).toContain('王建国 已确认');
  // Replaced, not re-sent: still one card to the manager.
  expect(toManager()).toHaveLength(1);
});
