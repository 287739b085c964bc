// Start-up messages for the operator (configuration refused at start).
export const runtime = {
  'runtime.console_token_required':
    'HOST={host} 会让 Kaopu 在网络上可访问，而演示模式（未配置任何聊天平台）的控制台无需密码即可查看每位员工的绩效。请设置 CONSOLE_TOKEN（至少 16 个字符），或取消 HOST，只监听本机 127.0.0.1。',
} as const;
