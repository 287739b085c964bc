/** A "why" row's short text: at most `n` characters, with an ellipsis when cut. */
export const whyExcerpt = (s: string | null | undefined, n = 30): string =>
  s ? (s.length > n ? `${s.slice(0, n)}…` : s) : '';
