// The shared allow-list every input-derived outbound URL passes (issue 8, finding 2: blind SSRF).
import { describe, expect, it } from 'vitest';
import { outboundUrl } from '../../src/http/outbound-url.js';

const OAPI = ['https://oapi.dingtalk.com'];

describe('outbound URL allow-list', () => {
  it('accepts a sessionWebhook on the configured origin', () => {
    const url = outboundUrl('https://oapi.dingtalk.com/robot/sendBySession?session=abc', OAPI);
    expect(url?.href).toBe('https://oapi.dingtalk.com/robot/sendBySession?session=abc');
  });

  it('accepts an explicit default port and upper-case host as the same origin', () => {
    expect(outboundUrl('https://OAPI.dingtalk.com:443/robot/send', OAPI)?.host).toBe('oapi.dingtalk.com');
  });

  it.each([
    ['loopback IPv4', 'http://127.0.0.1/robot/sendBySession'],
    ['loopback IPv4 over https', 'https://127.0.0.1/robot/sendBySession'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['a look-alike suffix host', 'https://oapi.dingtalk.com.evil.com/robot/sendBySession'],
    ['userinfo before the real host', 'https://evil.com@oapi.dingtalk.com/robot/sendBySession'],
    ['userinfo with a password', 'https://user:pw@oapi.dingtalk.com/robot/sendBySession'],
    ['IPv6 loopback', 'https://[::1]/robot/sendBySession'],
    ['IPv4-mapped IPv6 loopback', 'https://[::ffff:127.0.0.1]/robot/sendBySession'],
    ['decimal IPv4', 'http://2130706433/robot/sendBySession'],
    ['hex IPv4', 'https://0x7f000001/robot/sendBySession'],
    ['private range', 'https://10.0.0.5/robot/sendBySession'],
    ['localhost', 'https://localhost/robot/sendBySession'],
    ['the right host over http', 'http://oapi.dingtalk.com/robot/sendBySession'],
    ['the right host on another port', 'https://oapi.dingtalk.com:8443/robot/sendBySession'],
    ['a sibling subdomain', 'https://api.dingtalk.com/robot/sendBySession'],
    ['a trailing-dot host', 'https://oapi.dingtalk.com./robot/sendBySession'],
    ['another scheme', 'file:///etc/passwd'],
    ['a foreign host', 'https://evil.example/collect'],
    ['not a URL at all', 'oapi.dingtalk.com/robot/sendBySession'],
  ])('refuses %s', (_name, raw) => {
    expect(outboundUrl(raw, OAPI)).toBeNull();
  });

  it('accepts a local stand-in only because that exact origin is configured', () => {
    const standIn = ['http://127.0.0.1:4010'];
    expect(outboundUrl('http://127.0.0.1:4010/robot/sendBySession', standIn)?.port).toBe('4010');
    expect(outboundUrl('http://127.0.0.1:4011/robot/sendBySession', standIn)).toBeNull();
    expect(outboundUrl('http://127.0.0.1:4010/robot/sendBySession', OAPI)).toBeNull();
  });

  it('refuses everything when no origin is configured', () => {
    expect(outboundUrl('https://oapi.dingtalk.com/robot/send', [])).toBeNull();
  });
});
