// Length-safe text helpers for Block Kit. Slack counts characters; we count UTF-16 units,
// which is never fewer, and never split a surrogate pair or an &amp; entity.

const ELLIPSIS = '…';

/** Clips to at most `max` UTF-16 units, ending with an ellipsis when something was cut. */
export function clip(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length + ELLIPSIS.length > max) break;
    out += ch;
  }
  return { text: out + ELLIPSIS, cut: true };
}

/** Slack's mrkdwn reserves &, < and > (https://docs.slack.dev/messaging/formatting-message-text). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes, then clips without leaving half an entity behind. */
export function fitMrkdwn(raw: string, max: number): { text: string; cut: boolean } {
  const clipped = clip(escapeMrkdwn(raw), max);
  if (!clipped.cut) return clipped;
  return { text: clipped.text.replace(/&[a-z]{0,3}…$/, ELLIPSIS), cut: true };
}
