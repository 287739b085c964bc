export const wecom = {
  'wecom.more': '查看完整内容',
  'wecom.button.done': '已处理',
} as const;
