/** A file name safe on every OS and in a Content-Disposition header, keeping CJK letters. */
export function safeFileName(name: string): string {
  const printable = [...name].map((c) => ((c.codePointAt(0) ?? 0) < 0x20 ? '_' : c)).join('');
  return printable.replace(/[\\/:*?"<>|]+/g, '_').slice(0, 120);
}
