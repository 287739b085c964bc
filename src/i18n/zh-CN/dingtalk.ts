export const dingtalk = {
  'dingtalk.truncated': '（内容过长，已截断）',
} as const;
