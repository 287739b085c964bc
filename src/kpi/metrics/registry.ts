// The metric catalogue the KPI engine reads: each feature registers a family of metrics over its
// own tables, so the engine holds no SQL against other features' tables.
import type { MetricSpec } from './types.js';

/** The KPI metrics one feature owns: its name, the record kinds it counts and the metrics. */
export interface MetricFamily {
  /** The owning feature, e.g. `attendance`. */
  name: string;
  /** Record kinds (Prisma model names) the metrics count; each metric's `recordType` is one of them. */
  records: readonly string[];
  /** Each with its evaluate query (`sql`) and its "why" query (`why`). */
  metrics: readonly MetricSpec[];
}

/** What model validation needs to know about the catalogue. */
export interface MetricCatalogue {
  /** Every registered metric code. */
  codes(): ReadonlySet<string>;
  /** Codes deductions and bonuses may count. */
  countable(): ReadonlySet<string>;
}

export interface MetricRegistry extends MetricCatalogue {
  /** Adds a family; throws on a duplicate family or metric code, or a record kind it does not list. */
  register(family: MetricFamily): void;
  get(code: string): MetricSpec | undefined;
  /** The metric, or an error naming the unknown code. */
  spec(code: string): MetricSpec;
  /** The family that registered a metric code. */
  familyOf(code: string): MetricFamily | undefined;
  families(): readonly MetricFamily[];
}

export function createMetricRegistry(families: Iterable<MetricFamily> = []): MetricRegistry {
  const list: MetricFamily[] = [];
  const metrics = new Map<string, { spec: MetricSpec; family: MetricFamily }>();
  let codes: ReadonlySet<string> | null = null;
  let countable: ReadonlySet<string> | null = null;
  const registry: MetricRegistry = {
    register(family) {
      if (list.some((f) => f.name === family.name)) throw new Error(`metric family ${family.name} is registered twice`);
      for (const m of family.metrics) {
        const other = metrics.get(m.code);
        if (other) throw new Error(`metric ${m.code} of ${family.name} is already registered by ${other.family.name}`);
        if (!family.records.includes(m.recordType)) {
          throw new Error(`metric ${m.code} counts ${m.recordType}, which family ${family.name} does not list`);
        }
      }
      list.push(family);
      for (const spec of family.metrics) metrics.set(spec.code, { spec, family });
      codes = null;
      countable = null;
    },
    get: (code) => metrics.get(code)?.spec,
    spec(code) {
      const entry = metrics.get(code);
      if (!entry) throw new Error(`unknown metric ${code}`);
      return entry.spec;
    },
    familyOf: (code) => metrics.get(code)?.family,
    families: () => list,
    codes: () => (codes ??= new Set(metrics.keys())),
    countable: () =>
      (countable ??= new Set([...metrics.values()].filter((m) => m.spec.countable).map((m) => m.spec.code))),
  };
  for (const family of families) registry.register(family);
  return registry;
}
