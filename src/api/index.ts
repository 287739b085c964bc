// The inbound HR API (/api/v1): business systems push work orders, CRM orders, tickets,
// training, people, departments and leave through kit.records, and read KPI results and the
// payroll export back. Every route is behind a scoped API key (npm run apikey); the document
// is GET /api/v1/openapi.json, generated from the same zod schemas.
import type { Feature } from '../bot/feature.js';
import { registerPushRoutes } from './push.js';
import { registerReadRoutes } from './reads.js';

export { PUSH_EXAMPLES, READ_EXAMPLES } from './examples.js';
export { PUSH_ROUTES } from './push.js';
export { MAX_BATCH } from './schemas.js';

/** How long a spent request signature is kept: past it the timestamp alone refuses a replay. */
const SIGNATURE_KEEP_MS = 15 * 60_000;

export const api: Feature = (kit) => {
  registerPushRoutes(kit);
  registerReadRoutes(kit);
  kit.jobs.register({
    name: 'api.signatures.sweep',
    cron: '7 * * * *',
    timeZone: kit.config.timeZone,
    runKey: (now) => now.toISOString().slice(0, 13),
    run: async (now) => {
      await kit.db.inboundEvent.deleteMany({
        where: { source: 'api.signature', receivedAt: { lt: new Date(now.getTime() - SIGNATURE_KEEP_MS) } },
      });
    },
  });
};
