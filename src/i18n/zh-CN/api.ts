// 入站人事 API（/api/v1）的错误文案：集成方和日志读到它们，API 错误默认以英文返回。
export const api = {
  'error.api_signature':
    '需要有效的请求签名：X-Kaopu-Signature: t=<Unix 秒>,v1=<HMAC-SHA256 十六进制>，时间戳须在五分钟以内。',
  'error.api_signature_replayed': '该签名已使用过：每个签名只接受一次，请为每次请求重新签名。',
  'error.api_batch_too_large': '一批最多 {max} 条记录，本批 {count} 条。请拆分后再发送。',
  'error.api_unknown_employee': '没有工号或邮箱为 {employee} 的员工。',
  'error.api_unknown_team': '没有代码为 {team} 的团队。',
  'error.api_period_open': '{period} 尚未结账：工资导出只提供已结账月份。',
  'error.api_unavailable': '数据库暂时不可用，本批未写入任何记录，请稍后重试。',
} as const;
