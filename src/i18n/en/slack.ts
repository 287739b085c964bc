export const slackUi = {
  'slack.more': 'Open the full view',
  'slack.truncated': 'This is long, so Slack shows only part of it.',
  'slack.rows_omitted': '… {count} more rows not shown',
  'slack.error.signature': 'The Slack request signature is missing, wrong or stale.',
} as const;
