// Finding a person, team or department by what someone typed: exact name, pinyin (liming → 李明),
// initials (lm), part of the name (李), or a near miss (limin) — the closest few, best first.
import { pinyin } from 'pinyin-pro';

export interface Named {
  name: string;
}

const cache = new Map<string, { full: string; initials: string }>();

/** "李明" → { full: "liming", initials: "lm" }; Latin names keep their letters. */
export function pinyinOf(name: string): { full: string; initials: string } {
  const hit = cache.get(name);
  if (hit) return hit;
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  const out = { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
  if (cache.size > 5000) cache.clear();
  cache.set(name, out);
  return out;
}

function distance(a: string, b: string): number {
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

/** How well `query` names `name`: 0 exact (characters or pinyin), higher is worse, null no match. */
export function nameScore(query: string, name: string): number | null {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return null;
  const n = name.toLowerCase().replace(/\s+/g, '');
  if (q === n) return 0;
  const { full, initials } = pinyinOf(name);
  if (q === full) return 0;
  if (q === initials && q.length >= 2) return 1;
  if (n.includes(q) || (q.length >= 2 && full.startsWith(q))) return 2;
  if (q.length >= 3 && full.includes(q)) return 3;
  const d = /^[a-z]+$/.test(q) ? distance(q, full) : distance(q, n);
  const allowed = q.length <= 3 ? 1 : 2;
  return d <= allowed ? 3 + d : null;
}

/** The candidates `query` could mean, best first (at most `limit`). */
export function closestNames<T extends Named>(query: string, candidates: readonly T[], limit = 5): T[] {
  return candidates
    .flatMap((c) => {
      const score = nameScore(query, c.name);
      return score === null ? [] : [{ c, score }];
    })
    .sort((a, b) => a.score - b.score || a.c.name.localeCompare(b.c.name, 'zh-CN'))
    .slice(0, limit)
    .map((x) => x.c);
}

/** The one candidate `query` names exactly (by characters or full pinyin), if exactly one does. */
export function exactName<T extends Named>(query: string, candidates: readonly T[]): T | null {
  const hits = candidates.filter((c) => nameScore(query, c.name) === 0);
  return hits.length === 1 ? (hits[0] as T) : null;
}
