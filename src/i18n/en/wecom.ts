export const wecom = {
  'wecom.button.done': 'Done',
} as const;
