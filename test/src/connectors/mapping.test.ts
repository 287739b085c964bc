// The field mapping a source is configured with: nested paths, dates in formats and zones, money
// to cents, enum maps, and errors that name the field and the source.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapRecord } from '../../../src/connectors/mapping.js';
import { parseSource, SourceConfigError } from '../../../src/connectors/source-config.js';
import { readSourceFiles } from '../../../src/connectors/sources.js';
import { ROOT } from '../../helpers/test-db.js';

const crm = parseSource(
  {
    code: 'crm-east',
    recordType: 'crmOrder',
    baseUrl: 'https://crm.example.com',
    request: { path: '/deals' },
    mapping: {
      externalId: { path: 'deal.no', transform: 'string' },
      employeeNo: 'owner.staff_no',
      amountCents: { path: 'deal.amount', transform: 'cents' },
      orderedAt: { path: 'deal.signed', transform: 'date', format: 'yyyy/MM/dd HH:mm', zone: 'Asia/Shanghai' },
      status: { path: 'deal.stage', transform: 'enum', map: { 赢单: 'won', 输单: 'lost' } },
      collectedCents: { path: 'deal.paid', transform: 'cents', default: 0 },
    },
  },
  'crm-east.yaml',
);

describe('field mapping', () => {
  it('maps nested paths, a local date in its zone, money to exact cents and an enum', () => {
    const mapped = mapRecord(
      {
        deal: { no: 9001, amount: '12,345.67', signed: '2026/11/18 09:30', stage: '赢单' },
        owner: { staff_no: 'E042' },
      },
      crm,
    );
    expect(mapped).toEqual({
      ok: true,
      externalId: '9001',
      item: {
        externalId: '9001',
        employeeNo: 'E042',
        amountCents: 1234567,
        orderedAt: '2026-11-18T01:30:00.000Z',
        status: 'won',
        collectedCents: 0,
      },
    });
    expect(
      mapRecord({ deal: { no: 1, amount: 0.1, signed: '2026/1/2 00:00', stage: '输单' }, owner: {} }, crm),
    ).toMatchObject({
      ok: true,
      item: { amountCents: 10, orderedAt: '2026-01-01T16:00:00.000Z', status: 'lost' },
    });
  });

  it('names every bad field and the source, and keeps the external id for the error row', () => {
    const mapped = mapRecord({ deal: { no: 'D7', amount: 'lots', signed: '18.11.2026', stage: '洽谈' } }, crm);
    expect(mapped.ok).toBe(false);
    if (mapped.ok) return;
    expect(mapped.externalId).toBe('D7');
    expect(mapped.errors.map((e) => e.field)).toEqual(['amountCents', 'orderedAt', 'status']);
    expect(mapped.errors[0]?.message).toBe(
      'amountCents (from "deal.amount" of source "crm-east") is not an amount (got "lots")',
    );
    expect(mapped.errors[1]?.message).toContain('does not match the format yyyy/MM/dd HH:mm');
    expect(mapped.errors[2]?.message).toContain('has a value the mapping does not list (got "洽谈")');
  });

  it('rejects a record without its external id', () => {
    const mapped = mapRecord({ deal: { amount: 1, signed: '2026/11/18 09:30', stage: '赢单' } }, crm);
    expect(mapped).toMatchObject({ ok: false, externalId: null, errors: [{ field: 'externalId' }] });
  });

  it('stops a bad configuration at load, naming the source file and each field', () => {
    let error: unknown;
    try {
      parseSource(
        {
          code: 'Bad Code',
          recordType: 'invoice',
          baseUrl: 'not a url',
          request: { path: 'orders' },
          auth: { type: 'bearer', token: 'plain-secret' },
          mapping: { title: { path: 'x', transform: 'date', zone: 'Mars/Base' } },
        },
        'bad.yaml',
      );
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SourceConfigError);
    const problems = (error as SourceConfigError).problems.join('\n');
    expect((error as Error).message).toContain('source "bad.yaml" is invalid');
    for (const field of ['code', 'recordType', 'baseUrl', 'request.path', 'auth.tokenEnv', 'mapping']) {
      expect(problems).toContain(`${field}:`);
    }
    expect(problems).toContain('IANA time zone');
  });

  it('the README example is a valid source', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /```yaml\n(# sources\/[\s\S]*?)```/.exec(readme)?.[1];
    expect(example, 'README has a sources/ YAML example').toBeTruthy();
    const dir = mkdtempSync(join(tmpdir(), 'kaopu-sources-'));
    writeFileSync(join(dir, 'helpdesk.yaml'), example as string);
    const [source] = readSourceFiles(dir);
    expect(source).toMatchObject({ kind: 'rest', recordType: 'ticket' });
  });

  it('names the file of a source that is not YAML, or that repeats another code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kaopu-sources-'));
    writeFileSync(join(dir, 'broken.yaml'), 'code: [unclosed');
    expect(() => readSourceFiles(dir)).toThrow(/source "broken.yaml" is invalid:\n {2}- not valid YAML/);
    const twin = mkdtempSync(join(tmpdir(), 'kaopu-sources-'));
    const body =
      'code: crm\nrecordType: crmOrder\nbaseUrl: https://crm.example.com\nrequest: { path: /d }\nmapping: { externalId: id }\n';
    writeFileSync(join(twin, 'a.yaml'), body);
    writeFileSync(join(twin, 'b.yml'), body);
    expect(() => readSourceFiles(twin)).toThrow('two files define this code');
  });
});
