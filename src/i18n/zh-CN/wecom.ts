export const wecom = {
  'wecom.button.done': '已处理',
} as const;
