import type { core as zh } from '../zh-CN/core.js';

export const core: Record<keyof typeof zh, string> = {
  'app.name': 'Kaopu',
  'role.EMPLOYEE': 'employee',
  'role.MANAGER': 'manager',
  'role.HR': 'HR',
  'platform.slack': 'Slack',
  'platform.wecom': 'WeCom',
  'platform.dingtalk': 'DingTalk',
  'platform.console': 'console',
  'role.ADMIN': 'admin',

  'help.title': 'What Kaopu can do for you',
  'help.intro':
    'Hi {name}! Your role: {role}. Send any of these commands (with or without a leading /, in English or Chinese):',
  'help.footer': 'Questions? Ask HR or your manager.',
  'help.button.kpi': 'My KPI',
  'help.command.help': 'list the commands you can use',

  'bot.unknown_command.title': "I didn't understand that",
  'bot.unknown_command.body': '"{command}" is not a Kaopu command. {suggestion}Send "help" to see them all.',
  'bot.unknown_command.suggestion': 'Did you mean "{alias}"? ',
  'bot.empty_message': 'Send a command, for example "help".',
  'bot.forbidden': 'Sorry, your role ({role}) cannot use "{command}". Ask HR if you need access.',
  'bot.unknown_action': 'This button has expired. Please send the command again.',
  'bot.internal_error': 'Something went wrong handling your request. It has been logged; please try again later.',
  'bot.button.help': 'Show help',
  'bot.sent_privately': "That answer is about you only, so I've sent it to you privately.",
  'bot.busy': 'Kaopu is busy right now. Please try again in a minute.',

  'onboarding.title': 'Your account is not linked yet',
  'onboarding.body':
    'Your {platform} account is not linked to an employee record yet, so Kaopu doesn\'t know who you are. Forward this message to HR with your employee number; once linked, send "help" to get started.',
  'onboarding.your_id': 'Your platform user id: {id}',

  'error.bad_request': 'Malformed request: {detail}',
  'error.not_found': 'Not found.',
  'error.unauthorized': 'A valid access token is required.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.payload_too_large': 'The request body exceeds the 1 MiB limit.',
  'error.unsupported_media_type': 'Unsupported content type; send application/json.',
  'error.internal': 'Internal server error. It has been logged.',
  'error.user_not_found': 'No such user.',
  'error.method_not_allowed': 'Method not allowed.',
  'error.rate_limited': 'Too many requests; please slow down.',
  'error.api_key_invalid':
    'A valid API key is required: send "Authorization: Bearer <key>" with a key that has not been revoked.',
  'error.api_key_scope':
    'This API key lacks the scope "{scope}". Create a key with that scope (npm run apikey -- create).',
  'period.invalid':
    '"{input}" is not a valid month. Write it as 2026-10, 2026/10, 2026年10月, 10月, "last month" or "this month".',
};
