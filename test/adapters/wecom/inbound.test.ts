import { describe, expect, it } from 'vitest';
import { toBotEvent } from '../../../adapters/wecom/inbound.js';
import { callbackXml, NOW_SECONDS } from './callbacks.js';

const at = new Date(NOW_SECONDS * 1000);

describe('WeCom inbound normalisation', () => {
  it('keeps a shared location as GCJ-02 latitude and longitude with its label', () => {
    const inbound = toBotEvent(callbackXml('location', { msgId: '123' }), at);
    expect(inbound).toMatchObject({
      kind: 'event',
      event: {
        id: '123',
        conversation: { kind: 'dm', id: 'liming' },
        payload: { kind: 'location', lat: 31.2304, lng: 121.4737, datum: 'GCJ02', label: '上海市黄浦区人民大道' },
      },
    });
  });

  it('carries the response code of a pressed card in the reply address', () => {
    const inbound = toBotEvent(
      callbackXml('template-card-event', { key: 'kp:2:alerts.ack:a%3A1', taskId: 'kp-t', responseCode: 'RC9' }),
      at,
    );
    expect(inbound).toMatchObject({
      kind: 'event',
      event: {
        id: `liming:${NOW_SECONDS}:template_card_event:kp:2:alerts.ack:a%3A1`,
        payload: { kind: 'action', actionId: 'alerts.ack', value: 'a:1' },
        replyTo: { kind: 'user', userId: 'liming', hint: { responseCode: 'RC9', taskId: 'kp-t' } },
      },
    });
  });

  it('ignores a card event whose key is not one of ours', () => {
    expect(toBotEvent(callbackXml('template-card-event', { key: 'someone_else' }), at)).toEqual({
      kind: 'ignored',
      what: 'template card key not ours',
    });
  });

  it('ignores message types the bot has no use for', () => {
    const image = callbackXml('text').replace('<MsgType><![CDATA[text]]></MsgType>', '<MsgType>image</MsgType>');
    expect(toBotEvent(image, at)).toEqual({ kind: 'ignored', what: 'message image' });
  });

  it('calls a text message without MsgId malformed', () => {
    const xml = callbackXml('text').replace(/<MsgId>.*<\/MsgId>/, '');
    expect(toBotEvent(xml, at)).toEqual({ kind: 'malformed', reason: 'text message fields' });
  });

  it('calls a location without coordinates malformed', () => {
    const xml = callbackXml('location').replace('<Location_X>31.2304</Location_X>', '<Location_X>north</Location_X>');
    expect(toBotEvent(xml, at)).toEqual({ kind: 'malformed', reason: 'location message fields' });
  });

  it('calls a payload that is not XML malformed', () => {
    expect(toBotEvent('{"MsgType":"text"}', at)).toMatchObject({ kind: 'malformed' });
  });
});
