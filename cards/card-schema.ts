// The Card model as a zod schema, for cards read back from the database (the outbox stores
// them as JSON). `satisfies` below keeps it in step with card.ts: a field added there and not
// here is a type error.
import { z } from 'zod';
import type { Block, Button, Card } from './card.js';

const buttonSchema = z.union([
  z.object({
    actionId: z.string(),
    label: z.string(),
    value: z.string().optional(),
    style: z.enum(['primary', 'danger']).optional(),
  }),
  z.object({ url: z.string(), label: z.string() }),
]) satisfies z.ZodType<Button>;

const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('fields'), fields: z.array(z.object({ label: z.string(), value: z.string() })) }),
  z.object({
    type: z.literal('progress'),
    label: z.string(),
    ratio: z.number(),
    display: z.string(),
    highlight: z.boolean().optional(),
  }),
  z.object({ type: z.literal('image'), url: z.string(), alt: z.string() }),
  z.object({ type: z.literal('table'), columns: z.array(z.string()), rows: z.array(z.array(z.string())) }),
  z.object({ type: z.literal('divider') }),
  z.object({ type: z.literal('actions'), buttons: z.array(buttonSchema) }),
  z.object({
    type: z.literal('form'),
    submit: z.object({ actionId: z.string(), label: z.string(), value: z.string().optional() }),
    fields: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        kind: z.enum(['text', 'number']),
        initial: z.string().optional(),
        required: z.boolean().optional(),
        hint: z.string().optional(),
      }),
    ),
    fallback: z.string(),
  }),
]) satisfies z.ZodType<Block>;

export const cardSchema = z.object({
  title: z.string(),
  tone: z.enum(['info', 'success', 'warning', 'danger']),
  blocks: z.array(blockSchema),
  text: z.string(),
  audience: z.literal('personal').optional(),
}) satisfies z.ZodType<Card>;
