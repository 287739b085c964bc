import { describe, expect, it } from 'vitest';
import { ConfigError, isDemoMode, isLoopback, loadConfig } from '../../src/config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('configuration from the environment', () => {
  it('starts with no variables at all: port 3000 on loopback, SQLite, zh-CN, Shanghai, demo mode', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      publicBaseUrl: 'http://localhost:3000',
      timeZone: 'Asia/Shanghai',
      locale: 'zh-CN',
      logLevel: 'info',
    });
    expect(isDemoMode(config)).toBe(true);
  });

  it('builds the public base URL from PORT when PUBLIC_BASE_URL is unset', () => {
    expect(loadConfig({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://hr.example.com/' }).publicBaseUrl).toBe('https://hr.example.com');
  });

  it('names every bad variable and what it expects in one error', () => {
    const found = problems({ PORT: 'eighty', LOG_LEVEL: 'loud', TZ_DEFAULT: 'Mars/Olympus', LOCALE_DEFAULT: 'fr' });
    expect(found).toHaveLength(4);
    expect(found.find((p) => p.startsWith('PORT:'))).toContain('port number');
    expect(found.find((p) => p.startsWith('LOG_LEVEL:'))).toContain('expected one of');
    expect(found.find((p) => p.startsWith('TZ_DEFAULT:'))).toContain('IANA time zone');
    expect(found.find((p) => p.startsWith('LOCALE_DEFAULT:'))).toContain('zh-CN or en');
  });

  it('refuses a database URL that is neither PostgreSQL nor a SQLite file', () => {
    expect(problems({ DATABASE_URL: 'mysql://root@localhost/kaopu' })[0]).toMatch(/^DATABASE_URL: expected postgresql/);
  });

  it('refuses a console token too short to be safe', () => {
    expect(problems({ CONSOLE_TOKEN: 'short' })[0]).toMatch(/^CONSOLE_TOKEN: expected at least 16/);
  });

  it('stops when a platform is half configured and names the missing variables', () => {
    const found = problems({ WECOM_CORP_ID: 'ww1', WECOM_SECRET: 's' });
    expect(found).toEqual([
      expect.stringMatching(/^WECOM_AGENT_ID: required to enable WeCom/),
      expect.stringMatching(/^WECOM_TOKEN: required to enable WeCom/),
      expect.stringMatching(/^WECOM_ENCODING_AES_KEY: required to enable WeCom/),
    ]);
  });

  it('enables a platform exactly when its required variables are set and leaves demo mode', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abc' });
    expect(config.slack).toMatchObject({ botToken: 'xoxb-1', apiUrl: 'https://slack.com/api' });
    expect(config.wecom).toBeUndefined();
    expect(isDemoMode(config)).toBe(false);
  });

  it('treats empty variables (as in a copied .env.example) as unset', () => {
    const config = loadConfig({ CONSOLE_TOKEN: '', DATABASE_URL: '', SLACK_BOT_TOKEN: '' });
    expect(config.consoleToken).toBeUndefined();
    expect(config.databaseUrl).toBeUndefined();
    expect(config.slack).toBeUndefined();
  });

  it('refuses a network HOST in demo mode without CONSOLE_TOKEN, in the default language', () => {
    const [problem] = problems({ HOST: '0.0.0.0' });
    expect(problem).toMatch(/^HOST: HOST=0\.0\.0\.0 /);
    expect(problem).toContain('CONSOLE_TOKEN');
    expect(problems({ HOST: '192.168.1.20', LOCALE_DEFAULT: 'en' })[0]).toContain(
      'Set CONSOLE_TOKEN (16+ characters), or unset HOST',
    );
  });

  it('accepts a network HOST once CONSOLE_TOKEN is set or a platform is configured', () => {
    expect(loadConfig({ HOST: '0.0.0.0', CONSOLE_TOKEN: 'a-long-enough-token' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abc' }).host).toBe('::');
  });

  it('counts every loopback spelling as local', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) {
      expect(isLoopback(host)).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'kaopu.example.com']) expect(isLoopback(host)).toBe(false);
  });

  it('changes nothing a user can see when only NODE_ENV=production is set', () => {
    const { env, ...production } = loadConfig({ NODE_ENV: 'production' });
    const { env: _default, ...plain } = loadConfig({});
    expect(env).toBe('production');
    expect(production).toEqual(plain);
  });
});
