/**
 * An XLSX export opens in LibreOffice (headless, converted to CSV) with every row, and its
 * formula-looking cells come out as the text they hold, not as computed results. Needs
 * `libreoffice` (Debian: libreoffice-calc-nogui, installed by .ci/run); in CI its absence fails.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AUDIT_EXPORT_COLUMNS, EXPORT_MARKING } from '../../domain/audit/audit-export.ts';
import type { ExportRow } from '../../server/audit-exports/export-rows.ts';
import { createXlsxExportWriter } from '../../server/audit-exports/xlsx-export-writer.ts';

const haveLibreOffice = spawnSync('libreoffice', ['--version'], { stdio: 'ignore' }).status === 0;
const RISKY = ['=1+1', '+2+2', '-3+4', '@SUM(A1)', '=HYPERLINK("http://evil.example","open")'];
const ROWS = 1200;

function row(i: number): ExportRow {
  return {
    seq: ROWS - i, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, at: '2026-12-01T09:00:00.000Z', user_id: null, agency_id: null,
    team_id: null, device_id: null, ip: '10.0.0.1', action: 'record.view', category: 'consultation', entity_type: 'case', entity_id: null,
    outcome: 'success', justification: RISKY[i % RISKY.length]!, details: JSON.stringify({ note: `Ünïcödé ${i} & <b>` }), prev_hash: null, hash: 'h',
  } as unknown as ExportRow;
}

describe.runIf(haveLibreOffice || process.env.CI)('an XLSX export in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cb-xlsx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens with the same row count, and formula-looking cells stay text', async () => {
    const path = join(dir, 'export.xlsx');
    const out = createWriteStream(path);
    const writer = createXlsxExportWriter(out);
    for (let start = 0; start < ROWS; start += 500) {
      await writer.writeRows(Array.from({ length: Math.min(500, ROWS - start) }, (_, k) => row(start + k)));
    }
    await writer.finish();
    await finished(out);

    execFileSync('libreoffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless',
      '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, path], { stdio: 'pipe', timeout: 120_000 });
    const lines = readFileSync(join(dir, 'export.csv'), 'utf8').split(/\r?\n/).filter((l) => l !== '');
    expect(lines).toHaveLength(ROWS + 2);
    expect(lines[0]!.replace(/,+$/, '')).toBe(EXPORT_MARKING);
    expect(lines[1]).toBe(AUDIT_EXPORT_COLUMNS.join(','));
    const justifications = lines.slice(2, 2 + RISKY.length).map((l) => l.split(',')[13]);
    expect(justifications.slice(0, 4)).toEqual(RISKY.slice(0, 4));
    expect(lines[2 + 4]).toContain('"=HYPERLINK(""http://evil.example"",""open"")"');
    expect(lines[2]).toContain('Ünïcödé 0 & <b>');
  }, 180_000);
});
