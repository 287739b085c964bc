// The demo company's generated records: one Generator holds the rows, one function per kind fills it.
import type { Prisma } from '../db/client.js';
import type { Random } from './random.js';
import type { DemoSite } from './sites.js';

type Tx = Prisma.TransactionClient;

export const pad = (n: number, width = 4) => String(n).padStart(width, '0');
export const idFor = (prefix: string, key: string) => `${prefix}_${key}`;

export type Row = Record<string, unknown>;

/** Collects the generated rows of every kind; the generate* functions fill it. */
export class Generator {
  workOrderRows: Row[] = [];
  invitationRows: Row[] = [];
  answerRows: Row[] = [];
  checkInRows: Row[] = [];
  crmRows: Row[] = [];
  ticketRows: Row[] = [];
  trainingRows: Row[] = [];
  errorRows: Row[] = [];
  private seq = 0;

  constructor(
    readonly rnd: Random,
    readonly at: (date: string, minute: number) => Date,
    readonly now: Date,
  ) {}

  next(prefix: string) {
    this.seq += 1;
    return `${prefix}_${pad(this.seq, 6)}`;
  }

  /** A fix near a site: within `meters` of it, in the site's own datum. */
  near(site: DemoSite, meters: number) {
    const angle = this.rnd.next() * 2 * Math.PI;
    const d = this.rnd.next() * meters;
    return {
      lat: site.lat + (d * Math.cos(angle)) / 111_320,
      lng: site.lng + (d * Math.sin(angle)) / (111_320 * Math.cos((site.lat * Math.PI) / 180)),
      datum: site.datum,
    };
  }

  async flush(db: Tx) {
    const chunks = <T>(rows: T[], size = 500) =>
      Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, i * size + size));
    for (const c of chunks(this.workOrderRows)) await db.workOrder.createMany({ data: c as never });
    for (const c of chunks(this.invitationRows)) await db.surveyInvitation.createMany({ data: c as never });
    for (const c of chunks(this.answerRows)) await db.surveyAnswer.createMany({ data: c as never });
    for (const c of chunks(this.checkInRows)) await db.checkIn.createMany({ data: c as never });
    for (const c of chunks(this.crmRows)) await db.crmOrder.createMany({ data: c as never });
    for (const c of chunks(this.ticketRows)) await db.helpdeskTicket.createMany({ data: c as never });
    for (const c of chunks(this.trainingRows)) await db.trainingRecord.createMany({ data: c as never });
    for (const c of chunks(this.errorRows)) await db.qualityError.createMany({ data: c as never });
  }
}
