export const wecom = {
  'wecom.more': 'View in full',
  'wecom.button.done': 'Done',
} as const;
