import type { dingtalk as zh } from '../zh-CN/dingtalk.js';

export const dingtalk: Record<keyof typeof zh, string> = {
  'dingtalk.more': 'View full details',
  'dingtalk.truncated': '(too long, cut short)',
};
