// Explainability (issue 18): month input, the "why" of every figure and deduction, its export.
export const explain = {
  'period.invalid_month': '“{input}”里的月份不存在：月份只能是 1 到 12。例如 2026-10、10月 或 上月。',
  'period.invalid_year': '“{input}”的年份超出范围：只能查 {from} 到 {to} 年。例如 2026-10 或 本月。',
  'period.invalid_digits': '“{input}”无法确定年月：六位数字写成 202610，或写成 2026-10、2026年10月。',
  'period.not_started': '{period} 还没有开始，没有可导出的数据。',
} as const;
