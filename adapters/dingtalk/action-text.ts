// Robot ActionCards cannot call the bot back: a button can only open a URL. So an action
// button opens `dtmd://dingtalkclient/sendMessage?content=…`, which makes the user's client
// send a reserved text back to the robot, and inbound turns that text into an action event.
// Trade-offs: the text shows in the chat as the user's own message, and in group chats
// DingTalk delivers only messages that @ the robot, so there the button does not reach us.
// (Link syntax: https://open.dingtalk.com/document/orgapp/message-link-description-1)
const PREFIX = '/kaopu-action';
const ACTION_ID = /^[A-Za-z0-9_.-]{1,100}$/;

export function encodeActionText(actionId: string, value?: string): string {
  return value === undefined || value === ''
    ? `${PREFIX} ${actionId}`
    : `${PREFIX} ${actionId} ${encodeURIComponent(value)}`;
}

export function actionUrl(actionId: string, value?: string): string {
  return `dtmd://dingtalkclient/sendMessage?content=${encodeURIComponent(encodeActionText(actionId, value))}`;
}

/** The action a reserved text stands for, or null for ordinary chat text. */
export function decodeActionText(text: string): { actionId: string; value?: string } | null {
  const parts = text.trim().split(/\s+/);
  if (parts[0] !== PREFIX || parts.length < 2 || parts.length > 3) return null;
  const [, actionId, rawValue] = parts as [string, string, string | undefined];
  if (!ACTION_ID.test(actionId)) return null;
  if (rawValue === undefined) return { actionId };
  try {
    return { actionId, value: decodeURIComponent(rawValue) };
  } catch {
    return null;
  }
}
