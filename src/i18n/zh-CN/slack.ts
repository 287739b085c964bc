export const slackUi = {
  'slack.truncated': '内容较长，Slack 中只显示了一部分。',
  'slack.rows_omitted': '…… 另有 {count} 行未显示',
  'slack.form.open': '填写',
  'slack.form.close': '取消',
  'slack.form.required': '请填写这一项。',
  'slack.form.too_large': '这个表单在 Slack 中放不下，请按上面的命令操作。',
  'slack.error.signature': 'Slack 请求签名缺失、不正确或已过期。',
} as const;
