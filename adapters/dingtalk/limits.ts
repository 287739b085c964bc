// DingTalk message limits. Sources: 企业机器人发送消息的消息类型
// (https://open.dingtalk.com/document/orgapp/robot-message-types-and-data-format) and
// 自定义机器人发送群消息 (https://open.dingtalk.com/document/orgapp/custom-robot-access).
// DingTalk publishes no exact character limit for markdown text; these are conservative
// values below what is known to be accepted, so a card is truncated by us, never rejected.

/** sampleActionCard has one button; sampleActionCard2…5 have 2…5 vertical buttons. */
export const MAX_BUTTONS = 5;
/** Markdown body (`text`) of sampleMarkdown / sampleActionCard*, in characters. */
export const MAX_TEXT_CHARS = 4000;
/** msgParam is a JSON string; group sends are refused above ~15 000 bytes. */
export const MAX_MSG_PARAM_BYTES = 15_000;
/** `title` is what the conversation list and notification show. */
export const MAX_TITLE_CHARS = 60;
/** Button titles beyond this are cut by the client anyway. */
export const MAX_BUTTON_TITLE_CHARS = 20;
/** Custom group robots: 20 messages per minute each, then throttled for 10 minutes. */
export const WEBHOOK_PER_MINUTE = 20;
export const WEBHOOK_THROTTLE_MS = 10 * 60_000;
/** Callback timestamps further than this from our clock are refused (机器人接收消息). */
export const CALLBACK_WINDOW_MS = 60 * 60_000;
