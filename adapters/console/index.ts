import type { Card } from '../../cards/card.js';
import { mapCardText } from '../../cards/map-card-text.js';
import type { Audit } from '../../src/audit/audit.js';
import type { Adapter } from '../../src/bot/adapter.js';
import { stripInvisible } from '../../src/bot/strip-invisible.js';
import type { Db } from '../../src/db/client.js';
import type { ConsoleAccess } from './auth.js';
import { consoleRoutes } from './routes.js';

export interface ConsoleAdapterOptions {
  db: Db;
  audit: Audit;
  access: ConsoleAccess;
  token?: string;
  now: () => Date;
}

/**
 * The web console: a real adapter for trying Kaopu without a platform account and for
 * end-to-end tests. Replies come back in the HTTP response; messages the bot posts to a
 * console group chat stay in the outbox, where the group view reads them.
 */
export function createConsoleAdapter(options: ConsoleAdapterOptions): Adapter<Card> {
  return {
    platform: 'console',
    capabilities: { maxButtons: 20, canUpdateCard: true, canShowImages: true, canUploadFiles: false },
    mount(server, context) {
      if (options.access === 'off') return;
      consoleRoutes(server, context, options);
    },
    // The page shows card text with textContent (page-script.ts), so only invisible characters go.
    render(card: Card) {
      return mapCardText(card, stripInvisible);
    },
    async send(_to, _card, meta) {
      // Nothing to transmit: the outbox row itself is the console's message store, so its id is
      // the message's id.
      return meta ? { platformMessageId: meta.messageId } : {};
    },
    async update(_to, platformMessageId, card) {
      // In place: the group and direct views read the original row, which now holds the new card.
      await options.db.outboxMessage.update({ where: { id: platformMessageId }, data: { card: card as never } });
      return { platformMessageId };
    },
  };
}
