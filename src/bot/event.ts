import type { Locale } from '../i18n/index.js';

export type PlatformName = 'slack' | 'wecom' | 'dingtalk' | 'console';
export const PLATFORMS: readonly PlatformName[] = ['slack', 'wecom', 'dingtalk', 'console'];

/**
 * Where a message goes, fully resolved: adapters send to it without reading the database.
 * JSON-serialisable: the outbox stores it. `userId`/`chatId` are the platform's own ids (the
 * console's are employee and GroupChat ids). `hint` carries what one platform needs to reply in
 * place (a DingTalk sessionWebhook, a Slack response_url, a WeCom response_code); features never
 * read it. A group robot's URL and signing secret are copied from its GroupChat row when the
 * message is queued (src/kit/recipients.ts), so a retry does not depend on the row still matching.
 */
export type ChatAddress =
  | { kind: 'user'; userId: string; hint?: Record<string, string> }
  | { kind: 'group'; chatId: string; hint?: Record<string, string> }
  | { kind: 'webhook'; groupChatId: string; url: string; secret?: string };

export type EventPayload =
  | { kind: 'text'; text: string }
  | { kind: 'action'; actionId: string; value?: string }
  | {
      kind: 'location';
      lat: number;
      lng: number;
      datum: 'WGS84' | 'GCJ02' | 'BD09';
      accuracyM?: number;
      label?: string;
    };

/** One inbound chat event, normalised by an adapter; the raw platform payload never leaves it. */
export interface BotEvent {
  /** The platform's id for this event, used to ignore repeats. */
  id: string;
  platform: PlatformName;
  user: {
    platformUserId: string;
    /** Set only by adapters that authenticate the employee themselves (the console). */
    employeeId?: string;
    displayName?: string;
  };
  conversation: { kind: 'dm' | 'group'; id: string };
  /**
   * Where replies go. When this is a group, personal cards still go to the sender privately
   * (`{ kind: 'user', userId: user.platformUserId }`); the inbound pipeline decides that.
   */
  replyTo: ChatAddress;
  /**
   * The replies replace one view (Slack's App Home) rather than being posted as messages,
   * so they are joined into one card.
   */
  singleView?: boolean;
  /** A locale the platform or client asked for; the employee's own setting wins otherwise. */
  locale?: Locale;
  payload: EventPayload;
  receivedAt: Date;
}
