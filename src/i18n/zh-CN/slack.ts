export const slackUi = {
  'slack.more': '查看完整内容',
  'slack.truncated': '内容较长，Slack 中只显示了一部分。',
  'slack.rows_omitted': '…… 另有 {count} 行未显示',
  'slack.error.signature': 'Slack 请求签名缺失、不正确或已过期。',
} as const;
