import type { identities as zh } from '../zh-CN/identities.js';

export const identities: Record<keyof typeof zh, string> = {
  'console.guest': 'New visitor (not linked)',
  'identities.onboarding.code':
    'Your linking code: {code} (valid until {expires}). Send it to HR: they link you with "link {code} <your employee number>".',
  'identities.left.title': 'Your account is closed',
  'identities.left.body':
    'You have left the company, so Kaopu no longer serves this account. Thank you for your work! Please contact HR with any questions.',

  'identities.command.link': 'link a chat account to an employee (linking code + employee number or name)',
  'identities.command.unlink': "remove an employee's link on a platform",
  'identities.command.whois': "a person's linked chat accounts",

  'identities.link.usage': 'Usage: link <code> <employee number or name>',
  'identities.link.bad_code':
    'The linking code "{code}" is invalid, expired or already used. Ask the person to message Kaopu again for a new code.',
  'identities.link.no_employee': 'No employee "{query}".',
  'identities.link.ambiguous': '"{query}" matches several employees: {list}. Use the employee number instead.',
  'identities.link.employee_left': '{name} has left and cannot be linked.',
  'identities.link.taken':
    'This {platform} account is already linked to {name}. To change it, first send "unlink {employeeNo} {platformWord}".',
  'identities.link.done':
    'Linked {platform} account {userId} to {name} ({employeeNo}). They can send "help" to get started.',

  'identities.unlink.usage': 'Usage: unlink <employee number or name> [platform: slack, wecom, dingtalk, console]',
  'identities.unlink.none': '{name} has no linked account there.',
  'identities.unlink.done': 'Removed {count} link(s) of {name}: {list}.',

  'identities.command.leaver':
    'mark an employee as left: closes their account and hands their open items to their manager',
  'identities.leaver.usage': 'Usage: leaver <employee number or name> [YYYY-MM-DD]',
  'identities.leaver.already': '{name} has already left.',
  'identities.leaver.done':
    'Marked {name} as left on {date}: their account and links are closed; {alerts} alert(s), {appeals} appeal(s), {reports} report(s) and {teams} team(s) moved to {successor}.',
  'identities.leaver.no_successor':
    'Marked {name} as left on {date}: their account and links are closed. They have no manager, so nothing was handed over; please reassign their open items.',

  'identities.command.directory':
    'directory sync conflicts; "directory sync" pulls the organisation from WeCom / DingTalk now',
  'identities.directory.title': 'Directory sync conflicts',
  'identities.directory.none': 'No open conflicts.',
  'identities.directory.col.platform': 'Source',
  'identities.directory.col.user': 'Platform user',
  'identities.directory.col.reason': 'Reason',
  'identities.directory.col.candidates': 'Matching employees',
  'identities.directory.reason.ambiguous': 'matches several employees',
  'identities.directory.reason.duplicate': 'the same user id listed twice with different details',
  'identities.directory.reason.taken': 'that employee already has another account there',
  'identities.directory.hint': 'Check and link by hand with "link".',
  'identities.directory.no_platform': 'Neither WeCom nor DingTalk is configured, so there is no directory to sync.',
  'identities.directory.synced':
    '{platform}: {departments} departments, {created} people created, {updated} updated, {left} left, {conflicts} conflicts, {failedPages} failed pages.',
  'identities.directory.failed':
    '{platform}: the sync failed ({reason}); what synced is kept and the next run retries.',

  'identities.command.pipl':
    "personal data: export everything about a person, or erase a leaver's after the retention period",
  'identities.pipl.usage': 'Usage: pipl export <employee number or name>, or pipl erase <employee number or name>',
  'identities.pipl.export_title': 'Personal data of {name}',
  'identities.pipl.export_body':
    'Everything Kaopu holds about them, as one JSON file; the link works for {hours} hours. The export is audited.',
  'identities.pipl.download': 'Download',
  'identities.pipl.not_left': '{name} has not left, so their personal data cannot be erased.',
  'identities.pipl.retention': "{name}'s records are kept for {years} years after leaving: erasable from {date}.",
  'identities.pipl.erased':
    "Erased {name}'s personal data. Their history stays anonymised as {pseudonym}; aggregates are unchanged.",

  'identities.command.import':
    'import: the employee template, and an upload page for employees and the organisation (CSV)',
  'identities.import.title': 'Import employees',
  'identities.import.body':
    '1. Download the template (CSV or Excel): one employee a row, dates as YYYY-MM-DD, role EMPLOYEE or MANAGER.\n2. Save it as CSV (UTF-8) and send it on the upload page. Every row is checked; if anything is wrong, every problem is listed and nothing is written. The link works for 1 hour and for one successful import.',
  'identities.import.template_csv': 'Template CSV',
  'identities.import.template_xlsx': 'Template Excel',
  'identities.import.upload': 'Open the upload page',
  'identities.import.page_title': 'Import employees (CSV)',
  'identities.import.page_send': 'Upload and import',
  'identities.import.link_invalid': 'This import link is not valid or has expired. Send "import" in the chat again.',

  'identities.whois.usage': 'Usage: whois <name or employee number>',
  'identities.whois.none': 'Nobody matches "{query}".',
  'identities.whois.title': 'Who is: {query}',
  'identities.whois.more': 'Showing the first {count}; type more of the name or number.',
  'identities.whois.col.person': 'Employee',
  'identities.whois.col.status': 'Status',
  'identities.whois.col.platform': 'Platform',
  'identities.whois.col.user': 'Platform user',
  'identities.whois.col.linked': 'Linked',
  'identities.whois.not_linked': 'not linked',
  'identities.status.ACTIVE': 'active',
  'identities.status.PROBATION': 'on probation',
  'identities.status.LEFT': 'left',
};
