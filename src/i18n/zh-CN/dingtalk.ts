export const dingtalk = {
  'dingtalk.more': '查看完整内容',
  'dingtalk.truncated': '（内容过长，已截断）',
} as const;
