// Splits chat text into a command word and arguments. Chat clients add their own noise:
// a leading slash, an @mention of the bot, full-width spaces and punctuation.
export interface ParsedCommand {
  word: string;
  args: string[];
}

export function parseCommand(text: string): ParsedCommand | null {
  const cleaned = text
    .replace(/[\u3000\u00a0]/g, ' ')
    .replace(/<@[^>]+>/g, ' ')
    .replace(/^\s*@\S+\s+/, ' ')
    .trim()
    .replace(/^[/／]/, '')
    .trim();
  if (!cleaned) return null;
  const [word, ...args] = cleaned.split(/\s+/);
  return word ? { word, args } : null;
}

/** Closest known alias within a small edit distance, for "did you mean". */
export function suggestAlias(word: string, aliases: readonly string[]): string | undefined {
  const target = word.toLowerCase();
  let best: { alias: string; distance: number } | undefined;
  for (const alias of aliases) {
    const distance = editDistance(target, alias);
    if (distance <= (alias.length <= 3 ? 1 : 2) && (!best || distance < best.distance)) {
      best = { alias, distance };
    }
  }
  return best?.alias;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min(cur + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] as number;
}
