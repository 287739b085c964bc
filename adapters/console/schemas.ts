import { z } from 'zod';

const locale = z.enum(['zh-CN', 'en']).optional();

/** A shared location, as a WeCom location message becomes: the console's "share location". */
export const locationBody = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracyM: z.number().min(0).max(100_000).optional(),
  datum: z.enum(['WGS84', 'GCJ02', 'BD09']).default('WGS84'),
  label: z.string().max(200).optional(),
});

export const messageBody = z
  .object({
    userId: z.string().min(1).max(64),
    /** Text, or a shared location instead. */
    text: z.string().max(2000).optional(),
    location: locationBody.optional(),
    /** Said in this console group chat rather than in the direct chat. */
    groupId: z.string().min(1).max(64).optional(),
    locale,
  })
  .refine((b) => (b.text === undefined) !== (b.location === undefined), {
    message: 'send either text or location',
    path: ['text'],
  });

export const actionBody = z.object({
  userId: z.string().min(1).max(64),
  actionId: z.string().min(1).max(100),
  value: z.string().max(2000).optional(),
  /** Pressed on a card in a group chat rather than in the direct chat. */
  groupId: z.string().min(1).max(64).optional(),
  locale,
});

export const groupParams = z.object({ id: z.string().min(1).max(64) });
export const userParams = z.object({ id: z.string().min(1).max(64) });
