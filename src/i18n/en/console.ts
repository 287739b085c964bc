import type { consoleUi as zh } from '../zh-CN/console.js';

export const consoleUi: Record<keyof typeof zh, string> = {
  'console.title': 'Kaopu console',
  'console.subtitle': 'Chat with the bot as any employee, no chat-platform account needed.',
  'console.pick_user': 'Employee',
  'console.tab.chat': 'Direct chat',
  'console.tab.groups': 'Group chats',
  'console.placeholder': 'Type a command, e.g. "help"',
  'console.send': 'Send',
  'console.token_prompt': 'Enter the console access token (CONSOLE_TOKEN)',
  'console.token_wrong': 'Wrong token, please try again.',
  'console.no_group_messages': 'The bot has not posted in this group yet.',
  'console.pick_group': 'Group',
  'console.language': '中文',
  'console.you': 'You',
  'console.bot': 'Kaopu',
  'console.error': 'Error: {message}',
};
