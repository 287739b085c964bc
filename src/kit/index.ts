// What features import from the kit: its types and service tokens. The kit itself is built by
// src/kit/build-kit.ts in src/app.ts; features only ever receive it.
export type { Access, AccessActor, AccessScope } from './access.js';
export type { EventName, EventPayload } from './event-map.js';
export type { Events, Tx } from './events.js';
export type { ActiveLinkCheck, ConsumeResult, Links } from './links.js';
export { type Services, type ServiceToken, serviceToken } from './services.js';
