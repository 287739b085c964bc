import type { dingtalk as zh } from '../zh-CN/dingtalk.js';

export const dingtalk: Record<keyof typeof zh, string> = {
  'dingtalk.truncated': '(too long, cut short)',
};
