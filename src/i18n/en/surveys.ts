// Customer satisfaction surveys (issue 11).
import type { surveys as zh } from '../zh-CN/surveys.js';

export const surveys: Record<keyof typeof zh, string> = {
  'surveys.command.survey': "a finished work order's satisfaction survey card again (link, QR code, text to forward)",
  'surveys.command.stats': 'satisfaction: response rate, CSAT and NPS with their counts, latest comments',
  'surveys.usage': 'Usage: survey <work order>, for example: survey WO-20261118-0001',
  'surveys.order_not_found': 'No work order "{order}" that you may see.',
  'surveys.order_not_completed': 'Work order {order} is not completed yet; its survey is sent once it is.',
  'surveys.invitation_not_found': 'That survey was not found, or you may not see it.',

  'surveys.decide.usage':
    'Usage: survey exclude <work order> <reason>, or survey count <work order> <reason> (HR only)',
  'surveys.decide.no_answer': 'Work order {order} has no customer answer yet.',
  'surveys.decide.excluded':
    'The answer on work order {order} ({engineer}, CSAT {csat}) no longer counts in the KPI. Reason: {reason}. The answer itself is kept; the decision is audited.',
  'surveys.decide.counted':
    'The answer on work order {order} ({engineer}, CSAT {csat}) counts in the KPI. Reason: {reason}. The decision is audited.',

  'surveys.card.title': 'Satisfaction survey · {order}',
  'surveys.card.intro': 'Work order completed. Let the customer scan the code, or forward them the link below.',
  'surveys.card.reminder': 'Reminder: the customer has not answered this survey yet; you can forward the link again.',
  'surveys.card.order': 'Work order',
  'surveys.card.job': 'Job',
  'surveys.card.customer': 'Customer',
  'surveys.card.expires': 'Link valid until',
  'surveys.card.answered': 'The customer has answered this survey. Thank you!',
  'surveys.card.qr_alt': 'QR code of the satisfaction survey for work order {order}',
  'surveys.card.forward': 'Ready to forward (WeChat/SMS):',
  'surveys.card.open': 'Open survey',
  'surveys.card.resend': 'Resend',
  'surveys.forward':
    'Hello, thank you for choosing our service (work order {order}). Please rate this visit, it takes one minute: {url}',

  'surveys.review.title': 'Satisfaction alert · {engineer}',
  'surveys.review.low': '{engineer} received a low rating on work order {order}.',
  'surveys.review.flagged': 'The rating of {engineer} on work order {order} looks suspicious; please check it.',
  'surveys.review.tags': 'Reasons',
  'surveys.review.comment': 'Comment',
  'surveys.review.evidence': 'Evidence:',
  'surveys.review.hr_decides':
    'The answer counts as usual; HR decides after checking whether it is excluded (audited).',

  'surveys.flag.too_fast': 'submitted only {seconds} s after the link was issued',
  'surveys.flag.engineer_device': 'submitted from the device the engineer checked in with at {at}',
  'surveys.flag.engineer_position':
    "submitted {meters} m from the engineer's check-in at {at}, {siteMeters} m from the customer site",

  'surveys.stats.title': 'Satisfaction · {scope} · {period}',
  'surveys.stats.usage': 'Usage: surveys [month], for example: surveys 2026-10',
  'surveys.stats.none': 'No surveys this month yet.',
  'surveys.stats.person': 'Person',
  'surveys.stats.response': 'Response rate',
  'surveys.stats.flagged': 'Flagged',
  'surveys.stats.of': '{answered} of {sent}',
  'surveys.stats.nps_small': '{promoters} promoters, {detractors} detractors (of {count})',
  'surveys.stats.flagged_answers': 'Flagged answers and their evidence:',
  'surveys.stats.excluded': 'excluded by HR',
  'surveys.stats.counted': 'counted after HR review',
  'surveys.stats.total': 'Total',
  'surveys.stats.comments': 'Latest comments:',
  'surveys.stats.scope_all': 'Company',
  'surveys.stats.scope_team': 'My teams',
  'surveys.stats.cherry_picking':
    '{name}: {rate}% response rate with {fiveStar}% five-star answers, against {scopeRate}% overall. Are surveys handed only to happy customers?',

  'surveys.page.title': 'How was our service?',
  'surveys.page.heading': 'Please rate this service visit',
  'surveys.page.subtitle': 'Work order {order}, engineer {engineer}. About one minute, no login.',
  'surveys.page.switch': '中文',
  'surveys.page.csat': 'How satisfied are you with this service? (1 = very unsatisfied, 5 = very satisfied)',
  'surveys.page.csat_low': 'Very unsatisfied',
  'surveys.page.csat_high': 'Very satisfied',
  'surveys.page.nps': 'How likely are you to recommend us to a friend? (0–10)',
  'surveys.page.nps_low': 'Not at all likely',
  'surveys.page.nps_high': 'Extremely likely',
  'surveys.page.tags': 'Reasons (pick any)',
  'surveys.page.comment': 'Anything you want to tell us (optional, up to 500 characters)',
  'surveys.page.position': 'Also send my current position (optional)',
  'surveys.page.submit': 'Send rating',
  'surveys.page.invalid_input': 'Please check: {fields}.',
  'surveys.page.list_sep': ', ',
  'surveys.page.thanks.title': 'Thank you for your rating!',
  'surveys.page.thanks.body': 'Your answer has been sent and helps us improve. You can close this page now.',
  'surveys.page.used.title': 'This survey was already answered',
  'surveys.page.used.body': 'Each survey can be answered once. We have your answer; there is nothing more to do.',
  'surveys.page.expired.title': 'This survey link has expired',
  'surveys.page.expired.body': 'The link is no longer valid. To rate the visit, ask the engineer to send it again.',
  'surveys.page.invalid.title': 'This link is not valid',
  'surveys.page.invalid.body':
    'This survey link was not recognised. Check that it is complete, or ask the engineer to send it again.',
  'surveys.page.rate_limited.title': 'Too many submissions',
  'surveys.page.rate_limited.body': 'Please wait a few minutes and try again.',

  'surveys.tag.punctual': 'On time',
  'surveys.tag.skilled': 'Skilled',
  'surveys.tag.friendly': 'Friendly',
  'surveys.tag.clean': 'Left it clean',
  'surveys.tag.slow': 'Waited too long',
  'surveys.tag.unresolved': 'Problem not solved',
  'surveys.tag.complaint': 'I want to complain',
};
