import { z } from 'zod';

const locale = z.enum(['zh-CN', 'en']).optional();

export const messageBody = z.object({
  userId: z.string().min(1).max(64),
  text: z.string().max(2000),
  /** Said in this console group chat rather than in the direct chat. */
  groupId: z.string().min(1).max(64).optional(),
  locale,
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
