import { z } from 'zod';

/** An API key scope: a hyphenated resource and an access level, e.g. `work-orders:write`, `kpi:read`. */
export type ApiScope = `${string}:${'read' | 'write'}`;

export const apiScope = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*:(read|write)$/, 'expected resource:read or resource:write, e.g. kpi:read')
  .transform((v) => v as ApiScope);
