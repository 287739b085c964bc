import type { Card } from '../../cards/card.js';
import type { Audit } from '../audit/audit.js';
import type { CommandContext } from '../bot/registry.js';
import type { Db } from '../db/client.js';
import type { FileService } from '../files/index.js';
import type { Access } from '../kit/index.js';
import type { ReportKind } from './rules.js';

export interface ReportDeps {
  db: Db;
  audit: Audit;
  files: FileService;
  access: Access;
  /** The payroll feature's answer to `report payroll <period>`, once access is checked; undefined without one. */
  payrollReport(ctx: CommandContext, period: string): Promise<Card[]> | undefined;
}

export interface ParsedReport {
  kind: ReportKind;
  subject: string;
  period: string;
}
