// 身份绑定、离职、通讯录同步与个人信息的文案。
export const identities = {
  'console.guest': '新访客（未绑定）',
  'identities.onboarding.code':
    '你的绑定码：{code}（{expires} 前有效）。请把它发给 HR，HR 发送“绑定 {code} 你的工号”即可完成绑定。',
  'identities.left.title': '你的账号已停用',
  'identities.left.body': '你已离职，考谱不再为你提供服务。感谢你的付出！如有疑问，请联系 HR。',

  'identities.command.link': '绑定：把聊天账号绑定到员工（绑定码 + 工号或姓名）',
  'identities.command.unlink': '解绑：解除员工在某个平台的绑定',
  'identities.command.whois': '查人：查看某人绑定的聊天账号',

  'identities.link.usage': '用法：绑定 <绑定码> <工号或姓名>',
  'identities.link.bad_code': '绑定码“{code}”无效、已过期或已被使用。请让对方重新给考谱发一条消息，拿到新的绑定码。',
  'identities.link.no_employee': '找不到员工“{query}”。',
  'identities.link.ambiguous': '“{query}”对应多名员工：{list}。请改用工号。',
  'identities.link.employee_left': '{name} 已离职，不能绑定。',
  'identities.link.taken':
    '这个 {platform} 账号已绑定到 {name}。如需更改，请先发送“解绑 {employeeNo} {platformWord}”。',
  'identities.link.done':
    '已把 {platform} 账号 {userId} 绑定到 {name}（{employeeNo}）。对方现在发送“帮助”即可开始使用。',

  'identities.unlink.usage': '用法：解绑 <工号或姓名> [平台：slack、wecom、dingtalk、console]',
  'identities.unlink.none': '{name} 在该平台没有绑定的账号。',
  'identities.unlink.done': '已解除 {name} 的 {count} 个绑定：{list}。',

  'identities.command.leaver': '离职：把员工标记为已离职，停用账号并把待办转给其上级',
  'identities.leaver.usage': '用法：离职 <工号或姓名> [YYYY-MM-DD]',
  'identities.leaver.already': '{name} 已经是离职状态。',
  'identities.leaver.done':
    '已将 {name} 标记为 {date} 离职：账号和链接已停用，{alerts} 条预警、{appeals} 条申诉、{reports} 名下属和 {teams} 个团队已转给 {successor}。',
  'identities.leaver.no_successor':
    '已将 {name} 标记为 {date} 离职，账号和链接已停用。TA 没有上级，待办未转移，请手动分配。',

  'identities.command.directory': '通讯录：查看同步冲突；“通讯录 同步”立即从企业微信/钉钉同步组织架构',
  'identities.directory.title': '通讯录同步冲突',
  'identities.directory.none': '没有待处理的冲突。',
  'identities.directory.col.platform': '来源',
  'identities.directory.col.user': '平台用户',
  'identities.directory.col.reason': '原因',
  'identities.directory.col.candidates': '匹配到的员工',
  'identities.directory.reason.ambiguous': '匹配到多名员工',
  'identities.directory.reason.duplicate': '同一用户 ID 出现多次且信息不同',
  'identities.directory.reason.taken': '该员工已绑定该平台的另一个账号',
  'identities.directory.hint': '请核实后用“绑定”手动处理。',
  'identities.directory.no_platform': '没有配置企业微信或钉钉，无法同步通讯录。',
  'identities.directory.synced':
    '{platform}：{departments} 个部门，新建 {created} 人，更新 {updated} 人，离职 {left} 人，冲突 {conflicts} 条，失败 {failedPages} 页。',
  'identities.directory.failed': '{platform}：同步失败（{reason}），已同步的数据保留，下次会重试。',

  'identities.command.pipl': '个人信息：导出某人的全部个人信息，或在保存期满后删除离职员工的个人信息',
  'identities.pipl.usage': '用法：个人信息 导出 <工号或姓名>，或 个人信息 删除 <工号或姓名>',
  'identities.pipl.export_title': '{name} 的个人信息',
  'identities.pipl.export_body':
    '考谱保存的关于 TA 的全部数据（JSON 文件），链接 {hours} 小时内有效。导出已记录审计日志。',
  'identities.pipl.download': '下载',
  'identities.pipl.not_left': '{name} 尚未离职，不能删除个人信息。',
  'identities.pipl.retention': '{name} 的资料需保存至离职后 {years} 年，{date} 起才能删除。',
  'identities.pipl.erased': '已删除 {name} 的个人信息，历史记录以 {pseudonym} 匿名保留，统计数据不变。',

  'identities.command.import': '导入：下载员工导入模板，并通过上传页面导入员工和组织架构（CSV）',
  'identities.import.title': '导入员工',
  'identities.import.body':
    '1. 下载模板（CSV 或 Excel），每行一名员工，日期格式 YYYY-MM-DD；角色只能是 EMPLOYEE 或 MANAGER。\n2. 另存为 CSV（UTF-8）后，在上传页面提交。每一行都会校验，有任何问题都会逐条列出且不写入；链接 1 小时内有效，成功导入一次后失效。',
  'identities.import.template_csv': '模板 CSV',
  'identities.import.template_xlsx': '模板 Excel',
  'identities.import.upload': '打开上传页面',
  'identities.import.page_title': '导入员工（CSV）',
  'identities.import.page_send': '上传并导入',
  'identities.import.link_invalid': '这个导入链接无效或已过期，请在聊天中重新发送“导入”。',

  'identities.whois.usage': '用法：查人 <姓名或工号>',
  'identities.whois.none': '找不到“{query}”。',
  'identities.whois.title': '查人：{query}',
  'identities.whois.more': '仅显示前 {count} 位，请输入更完整的姓名或工号。',
  'identities.whois.col.person': '员工',
  'identities.whois.col.status': '状态',
  'identities.whois.col.platform': '平台',
  'identities.whois.col.user': '平台用户',
  'identities.whois.col.linked': '绑定时间',
  'identities.whois.not_linked': '未绑定',
  'identities.status.ACTIVE': '在职',
  'identities.status.PROBATION': '试用期',
  'identities.status.LEFT': '已离职',
} as const;
