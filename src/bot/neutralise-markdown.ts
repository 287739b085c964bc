// DingTalk and WeCom markdown honour links `[..](..)`, images `![..](..)`, HTML such as
// `<font color>` and WeCom's `<@userid>` mentions, and neither documents backslash escapes. So the
// characters that open those constructs become their fullwidth forms: still readable (and usual in
// Chinese text), never markup. Only text a card carries goes through here; the adapter's own link
// and image syntax around it stays live (issue 8, finding 3).
const FULLWIDTH: Record<string, string> = { '[': '［', ']': '］', '<': '＜', '>': '＞', '@': '＠' };

/** Card text made inert for DingTalk/WeCom markdown. */
export function neutraliseMarkdown(text: string): string {
  return text.replace(/[[\]<>@]/g, (ch) => FULLWIDTH[ch] ?? ch);
}
