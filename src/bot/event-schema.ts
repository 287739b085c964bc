import { z } from 'zod';
import { LOCALES } from '../i18n/index.js';
import { type BotEvent, PLATFORMS } from './event.js';

const hint = z.record(z.string(), z.string()).optional();

export const chatAddressSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.string().min(1), hint }),
  z.object({ kind: z.literal('group'), chatId: z.string().min(1), hint }),
  z.object({
    kind: z.literal('webhook'),
    groupChatId: z.string().min(1),
    url: z.string().min(1),
    secret: z.string().optional(),
  }),
]);

const payload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('action'), actionId: z.string().min(1), value: z.string().optional() }),
  z.object({
    kind: z.literal('location'),
    lat: z.number(),
    lng: z.number(),
    datum: z.enum(['WGS84', 'GCJ02', 'BD09']),
    accuracyM: z.number().optional(),
    label: z.string().optional(),
  }),
]);

/** A BotEvent as stored in `InboundEvent.payload` (JSON: the date is a string there). */
export const botEventSchema = z.object({
  id: z.string().min(1),
  platform: z.enum(PLATFORMS),
  user: z.object({
    platformUserId: z.string().min(1),
    employeeId: z.string().optional(),
    displayName: z.string().optional(),
  }),
  conversation: z.object({ kind: z.enum(['dm', 'group']), id: z.string() }),
  replyTo: chatAddressSchema,
  singleView: z.boolean().optional(),
  locale: z.enum(LOCALES).optional(),
  payload,
  receivedAt: z.coerce.date(),
}) satisfies z.ZodType<BotEvent, unknown>;
