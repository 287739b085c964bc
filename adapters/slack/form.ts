// Forms on Slack: a message button that opens a modal, and the modal's submission.
// https://docs.slack.dev/surfaces/modals  https://docs.slack.dev/reference/views
import { z } from 'zod';
import type { FormBlock } from '../../cards/card.js';
import type { Translate } from '../../src/i18n/index.js';
import { SLACK_LIMITS as L } from './limits.js';
import { clip } from './text.js';

/** The message button that opens a form; adapter-internal, so it never reaches the bot. */
export const FORM_OPEN_ACTION = 'form:open';
export const FORM_CALLBACK_ID = 'kaopu.form';
/** The input element's action id inside each input block (the block id is the field id). */
const INPUT_ACTION = 'input';

const short = z.string().min(1).max(255);

// The form travels in the button's value (≤ 2000 chars), in short keys, so pressing the button
// opens the modal without running the bot again.
const buttonSpec = z.object({
  t: z.string().max(300),
  a: short,
  l: z.string().max(300),
  v: z.string().max(1000).optional(),
  f: z
    .array(
      z.object({
        i: short,
        l: z.string().max(300),
        k: z.enum(['t', 'n']),
        n: z.string().max(300).optional(),
        r: z.literal(1).optional(),
        h: z.string().max(300).optional(),
      }),
    )
    .min(1)
    .max(50),
});
export type FormSpec = z.infer<typeof buttonSpec>;

/** What the modal carries back to us in `private_metadata` (≤ 3000 chars). */
const metadataSchema = z.object({
  a: short,
  v: z.string().max(1000).optional(),
  r: z.array(short).max(50),
  c: short.optional(),
});

/** The open-form button's value, or null when the form does not fit Slack's value limit. */
export function formButtonValue(title: string, block: FormBlock): string | null {
  const spec: FormSpec = {
    t: clip(title, L.modalTitle).text,
    a: block.submit.actionId,
    l: clip(block.submit.label, L.modalButton).text,
    ...(block.submit.value !== undefined ? { v: block.submit.value } : {}),
    f: block.fields.map((f) => ({
      i: f.id,
      l: clip(f.label, 300).text,
      k: f.kind === 'number' ? ('n' as const) : ('t' as const),
      ...(f.initial !== undefined ? { n: f.initial } : {}),
      ...(f.required ? { r: 1 as const } : {}),
      ...(f.hint ? { h: clip(f.hint, 300).text } : {}),
    })),
  };
  const value = JSON.stringify(spec);
  return buttonSpec.safeParse(spec).success && value.length <= L.buttonValue ? value : null;
}

export function parseFormButton(value: string | undefined): FormSpec | null {
  try {
    const parsed = buttonSpec.safeParse(JSON.parse(value ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: clip(text, max).text, emoji: true });

/** The modal for views.open; `channel` is where the confirmation goes (the DM the button was in). */
export function formModal(spec: FormSpec, t: Translate, channel?: string): Record<string, unknown> {
  const metadata = JSON.stringify({
    a: spec.a,
    ...(spec.v !== undefined ? { v: spec.v } : {}),
    r: spec.f.filter((f) => f.r).map((f) => f.i),
    ...(channel ? { c: channel } : {}),
  });
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    title: plain(spec.t || '—', L.modalTitle),
    submit: plain(spec.l || '—', L.modalButton),
    close: plain(t('slack.form.close'), L.modalButton),
    private_metadata: metadata,
    blocks: spec.f.map((f) => ({
      type: 'input',
      block_id: f.i,
      optional: !f.r,
      label: plain(f.l || f.i, L.inputLabel),
      ...(f.h ? { hint: plain(f.h, L.inputLabel) } : {}),
      element:
        f.k === 'n'
          ? {
              type: 'number_input',
              action_id: INPUT_ACTION,
              is_decimal_allowed: true,
              ...(f.n !== undefined && f.n !== '' ? { initial_value: f.n } : {}),
            }
          : {
              type: 'plain_text_input',
              action_id: INPUT_ACTION,
              ...(f.n ? { initial_value: f.n } : {}),
            },
    })),
  };
}

export const viewSubmissionPayload = z.looseObject({
  type: z.literal('view_submission'),
  user: z.looseObject({ id: short }),
  view: z.looseObject({
    id: short,
    hash: z.string().max(255).optional(),
    callback_id: z.string().max(255).optional(),
    private_metadata: z.string().max(3000),
    state: z.looseObject({
      values: z.record(z.string(), z.record(z.string(), z.looseObject({ value: z.string().max(3000).nullish() }))),
    }),
  }),
});

export type Submission =
  | { ok: true; actionId: string; value?: string; fields: Record<string, string>; channel?: string }
  | { ok: false; missing: string[] }
  | { ok: false; detail: string };

/** The submitted answers, or the required fields left empty (Slack shows those errors inline). */
export function readSubmission(view: z.infer<typeof viewSubmissionPayload>['view']): Submission {
  let metadata: z.infer<typeof metadataSchema>;
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(view.private_metadata));
    if (!parsed.success) return { ok: false, detail: 'private_metadata is not ours' };
    metadata = parsed.data;
  } catch {
    return { ok: false, detail: 'private_metadata is not JSON' };
  }
  const fields: Record<string, string> = {};
  for (const [blockId, inputs] of Object.entries(view.state.values)) {
    fields[blockId] = (inputs[INPUT_ACTION]?.value ?? '').trim();
  }
  const missing = metadata.r.filter((id) => !fields[id]);
  if (missing.length) return { ok: false, missing };
  return {
    ok: true,
    actionId: metadata.a,
    ...(metadata.v !== undefined ? { value: metadata.v } : {}),
    fields,
    ...(metadata.c ? { channel: metadata.c } : {}),
  };
}
