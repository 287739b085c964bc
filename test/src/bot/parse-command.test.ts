import { describe, expect, it } from 'vitest';
import { parseCommand, suggestAlias } from '../../../src/bot/parse-command.js';

describe('parsing chat text into a command', () => {
  it('strips a leading slash, full-width slash and spaces', () => {
    expect(parseCommand('/report dept 售后服务部')).toEqual({ word: 'report', args: ['dept', '售后服务部'] });
    expect(parseCommand('／帮助')).toEqual({ word: '帮助', args: [] });
    expect(parseCommand('报表\u3000部门\u3000售后服务部')).toEqual({ word: '报表', args: ['部门', '售后服务部'] });
  });

  it('drops a Slack mention and a leading @name', () => {
    expect(parseCommand('<@U0KAOPU> help')).toEqual({ word: 'help', args: [] });
    expect(parseCommand('@考谱 帮助')).toEqual({ word: '帮助', args: [] });
  });

  it('returns nothing for blank text', () => {
    expect(parseCommand('  / ')).toBeNull();
  });

  it('suggests the nearest alias for a typo and nothing for gibberish', () => {
    expect(suggestAlias('hlep', ['help', 'kpi', '帮助'])).toBe('help');
    expect(suggestAlias('zzzzzz', ['help', 'kpi'])).toBeUndefined();
  });
});
