export const slackUi = {
  'slack.truncated': 'This is long, so Slack shows only part of it.',
  'slack.rows_omitted': '… {count} more rows not shown',
  'slack.form.open': 'Open form',
  'slack.form.close': 'Cancel',
  'slack.form.required': 'Please fill this in.',
  'slack.form.too_large': 'This form does not fit in Slack; use the command above instead.',
  'slack.error.signature': 'The Slack request signature is missing, wrong or stale.',
} as const;
