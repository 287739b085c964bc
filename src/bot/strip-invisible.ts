// Echoed text must look like what it is: bidi controls reorder what a reader sees (a name that
// displays as "payroll.xlsx" but reads "xslx.llorayp") and zero-width characters hide inside
// words and mentions. Every adapter's render removes them from card text (issue 8, finding 3).
// Ranges: https://www.unicode.org/reports/tr9/#Explicit_Directional_Formatting_Characters
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** The text without bidi controls, direction marks and zero-width characters. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}
