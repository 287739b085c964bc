// zh-CN is the source catalogue: every key exists here first, en mirrors it (type-checked).
export const core = {
  'app.name': '考谱',
  'role.EMPLOYEE': '员工',
  'role.MANAGER': '主管',
  'role.HR': '人事',
  'platform.slack': 'Slack',
  'platform.wecom': '企业微信',
  'platform.dingtalk': '钉钉',
  'platform.console': '控制台',
  'role.ADMIN': '管理员',

  'help.title': '考谱能帮你做什么',
  'help.intro': '{name}，你好！你的角色：{role}。发送下列命令（可带或不带 /，中英文均可）：',
  'help.footer': '有问题请联系人事或你的主管。',
  'help.button.kpi': '我的绩效',
  'help.command.help': '查看你可以使用的命令',

  'bot.unknown_command.title': '没听懂这条命令',
  'bot.unknown_command.body': '“{command}”不是考谱的命令。{suggestion}发送“帮助”查看全部命令。',
  'bot.unknown_command.suggestion': '你是不是想用“{alias}”？',
  'bot.empty_message': '请发送一条命令，例如“帮助”。',
  'bot.forbidden': '抱歉，你的角色（{role}）不能使用“{command}”。如需权限请联系人事。',
  'bot.unknown_action': '这个按钮已失效，请重新发送命令。',
  'bot.internal_error': '处理你的请求时出了问题，已记录，请稍后再试。',
  'bot.button.help': '查看帮助',

  'onboarding.title': '还没有绑定账号',
  'onboarding.body':
    '你的{platform}账号还没有和公司的员工档案绑定，所以考谱暂时不知道你是谁。请把这条消息转给人事，并提供你的工号；绑定后再发送“帮助”即可开始。',
  'onboarding.your_id': '你的平台用户 ID：{id}',

  'error.bad_request': '请求格式不正确：{detail}',
  'error.not_found': '找不到请求的内容。',
  'error.unauthorized': '需要有效的访问令牌。',
  'error.forbidden': '没有权限执行此操作。',
  'error.payload_too_large': '请求体超过 1 MiB 上限。',
  'error.unsupported_media_type': '不支持的内容类型，请使用 application/json。',
  'error.internal': '服务器内部错误，已记录。',
  'error.user_not_found': '找不到这位用户。',
  'error.method_not_allowed': '不支持该请求方法。',
  'error.rate_limited': '请求过于频繁，请稍后再试。',
  'period.invalid': '“{input}”不是有效的月份，请写成 2026-10、2026/10、202610、10月 或 上月。',
} as const;
