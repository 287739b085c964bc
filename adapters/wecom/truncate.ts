// WeCom counts template-card lengths in characters and markdown in UTF-8 bytes; both cuts
// happen on code-point boundaries so a Chinese character or an emoji is never split.

export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** At most `max` characters, ending in "…" when something was cut. */
export function cutChars(text: string, max: number): string {
  if (charLength(text) <= max) return text;
  return `${[...text].slice(0, Math.max(0, max - 1)).join('')}…`;
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The longest prefix of `text` that fits in `maxBytes` of UTF-8. */
export function cutBytes(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text;
  let used = 0;
  let out = '';
  for (const ch of text) {
    const size = byteLength(ch);
    if (used + size > maxBytes) break;
    used += size;
    out += ch;
  }
  return out;
}
