import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodedError } from '../../../domain/errors.ts';
import type { MeetingPack } from '../../../domain/marac/meeting-pack.ts';
import type { PackRecipient } from '../../../domain/marac/meeting-pack-copy.ts';
import {
  buildMeetingPack, buildPackAgencies, buildRecipient, buildResearch, type PackAgency,
} from '../../../test/support/meeting-pack-factories.ts';
import { packPrintData, watermarkText } from './pack-print-data.ts';
import { checkedTemplate } from './pack-template.ts';
import { renderMeetingPack, type RenderedPack } from './render-meeting-pack.ts';
import { meetingPackDiagnostics } from './typst-engine.ts';
import { copyForRecipient } from '../../../domain/marac/meeting-pack-copy.ts';

const AT = new Date('2026-12-10T09:30:00.000Z');
const MARKUP = '#sys.exit() *bold* <script> [x](y) $ \\ `code` @ref = _x_';
const POLICE_ONLY = 'Intelligence marker Quelvor held by police alone';
const HOUSING_ONLY = 'Housing note Tasmirel shared with nobody else';

let dir: string;

/** The text of each page, as poppler's pdftotext extracts it (`raw`: content-stream order). */
function pagesOf(pdf: Uint8Array, mode: 'layout' | 'raw' = 'layout'): string[] {
  const file = join(dir, `pack-${String(Math.random()).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', [`-${mode}`, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return text.split('\f').slice(0, -1);
}

function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const file = join(dir, `info-${String(Math.random()).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

const squash = (s: string): string => s.replace(/\s+/g, '');

describe('renderMeetingPack (Typst, checked with pdftotext)', () => {
  let agencies: PackAgency[];
  let police: PackAgency;
  let council: PackAgency;
  let housing: PackAgency;
  let pack: MeetingPack;
  const copies = new Map<string, { recipient: PackRecipient; rendered: RenderedPack }>();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'marac-pack-'));
    agencies = buildPackAgencies();
    [police, council, housing] = agencies as [PackAgency, PackAgency, PackAgency];
    pack = buildMeetingPack(agencies, { cases: 20, sentences: 4 });
    const [first, second] = pack.cases;
    if (first === undefined || second === undefined) {
      throw new Error('20 cases expected');
    }
    first.referral.victimName = MARKUP;
    first.children = [{ name: 'Lina <b>Kas</b> #let x = 1', dateOfBirth: '2019-04-02', relationshipToVictim: 'Daughter', relationshipToPerpetrator: null, school: null }];
    first.research.push(buildResearch(police, { sharingLevel: 'owner_agency', text: POLICE_ONLY }));
    second.research.push(buildResearch(housing, { sharingLevel: 'owner_agency', nature: 'opinion', text: HOUSING_ONLY }));
    for (const [agency, name] of [[police, 'Tormar Kasel'], [council, `Junsel ${MARKUP} Farrow`], [housing, 'Renvel Dorwyn']] as const) {
      const recipient = buildRecipient(agency, name);
      copies.set(agency.name, { recipient, rendered: renderMeetingPack(pack, recipient, AT) });
    }
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function copyOf(agency: PackAgency): { recipient: PackRecipient; rendered: RenderedPack } {
    const copy = copies.get(agency.name);
    if (copy === undefined) {
      throw new Error(`no copy for ${agency.name}`);
    }
    return copy;
  }

  it('every page carries OFFICIAL-SENSITIVE at the top and the bottom, and the recipient\'s watermark', () => {
    for (const agency of [police, council, housing]) {
      const { recipient, rendered } = copyOf(agency);
      const layout = pagesOf(rendered.pdf);
      const raw = pagesOf(rendered.pdf, 'raw');
      expect(layout).toHaveLength(rendered.pages);
      const mark = squash(watermarkText({ meeting: pack.meeting, recipient: { userId: recipient.user.id, name: recipient.name, agencyName: recipient.agencyName }, generatedAt: AT.toISOString(), cases: [] }));
      expect(mark).toContain(squash(recipient.name));
      layout.forEach((page, index) => {
        const lines = page.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
        expect(lines[0], `page ${String(index + 1)} top`).toBe('OFFICIAL-SENSITIVE');
        expect(lines.at(-1), `page ${String(index + 1)} bottom`).toContain('OFFICIAL-SENSITIVE');
        // The diagonal watermark comes out one glyph per line; in content order it is whole.
        expect(squash(raw[index] ?? ''), `page ${String(index + 1)} watermark`).toContain(mark);
      });
    }
  });

  it('research restricted to one agency appears in that agency\'s copy and in no other', () => {
    const text = (agency: PackAgency) => squash(pagesOf(copyOf(agency).rendered.pdf).join('\n'));
    expect(text(police)).toContain(squash(POLICE_ONLY));
    expect(text(council)).not.toContain(squash(POLICE_ONLY));
    expect(text(housing)).not.toContain(squash(POLICE_ONLY));
    expect(text(housing)).toContain(squash(HOUSING_ONLY));
    expect(text(police)).not.toContain(squash(HOUSING_ONLY));
    expect(text(council)).not.toContain(squash(HOUSING_ONLY));
  });

  it('markup characters in names come out literally', () => {
    const pages = pagesOf(copyOf(council).rendered.pdf);
    const all = pages.join('\n');
    expect(all).toContain(MARKUP);
    // A table cell may wrap the name; in content order its characters still come out as typed.
    expect(squash(pagesOf(copyOf(council).rendered.pdf, 'raw').join(''))).toContain(squash('Lina <b>Kas</b> #let x = 1'));
    expect(pages[0]).toContain(`Junsel ${MARKUP} Farrow`);
  });

  it('holds the cover, the agenda, one section per case and the action plan, in a sane number of A4 pages', () => {
    const { rendered } = copyOf(police);
    const pages = pagesOf(rendered.pdf);
    const info = pdfInfo(rendered.pdf);
    expect(Number(info.Pages)).toBe(rendered.pages);
    expect(info['Page size']).toContain('(A4)');
    expect(rendered.pages).toBeGreaterThanOrEqual(2 + 20 + 1);
    expect(rendered.pages).toBeLessThan(200);
    expect(pages[0]).toContain('MARAC meeting pack');
    expect(pages[0]).toContain(pack.meeting.confidentialityStatement.slice(0, 60));
    expect(pages[1]).toContain('Agenda');
    for (const c of pack.cases) {
      expect(pages.filter((p) => p.includes(`: ${c.reference}`))).toHaveLength(1);
    }
    expect(pages.some((p) => p.includes('Action plan'))).toBe(true);
    expect(rendered.caseIds).toEqual(pack.cases.map((c) => c.caseId));
  });

  it('writes a tagged PDF/UA-1 file dated when the copy was made, with the SHA-256 of its bytes', () => {
    const { rendered } = copyOf(housing);
    const info = pdfInfo(rendered.pdf);
    expect(info.Tagged).toBe('yes');
    expect(Buffer.from(rendered.pdf).toString('latin1')).toMatch(/pdfuaid:part>1</);
    expect(new Date(info.CreationDate ?? '').toISOString()).toBe(AT.toISOString());
    expect(rendered.sha256).toMatch(/^[0-9a-f]{64}$/);
    const file = join(dir, 'hash.pdf');
    writeFileSync(file, rendered.pdf);
    expect(execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0]).toBe(rendered.sha256);
    expect(new Set([...copies.values()].map((c) => c.rendered.sha256)).size).toBe(copies.size);
  });

  it('typesets with no warning: the shipped fonts are found, nothing is substituted', () => {
    const { recipient } = copyOf(police);
    expect(meetingPackDiagnostics(packPrintData(copyForRecipient(pack, recipient, AT.toISOString()), { watermark: true }))).toEqual({ errors: [], warnings: [] });
  });

  it('refuses a malformed pack with validation_error and typesets nothing', () => {
    const [first] = pack.cases;
    if (first === undefined) {
      throw new Error('a case expected');
    }
    const bad = { ...pack, cases: [{ ...first, dash: { ...first.dash, score: 99 } }] };
    expect(() => renderMeetingPack(bad, copyOf(police).recipient, AT)).toThrow(CodedError);
    try {
      renderMeetingPack(bad, copyOf(police).recipient, AT);
    } catch (error) {
      expect(error).toMatchObject({ code: 'validation_error' });
    }
  });
});

describe('the pack template', () => {
  it('imports nothing, so the compiler never fetches a package', () => {
    const source = readFileSync(new URL('./meeting-pack.typ', import.meta.url), 'utf8');
    expect(checkedTemplate(source)).toBe(source);
  });

  it('a template that imports a package, includes a file, reads a file or evaluates text is refused', () => {
    expect(() => checkedTemplate('#import "@preview/cetz:0.3.0"')).toThrow(/an import/);
    expect(() => checkedTemplate('#include "other.typ"')).toThrow(/an include/);
    expect(() => checkedTemplate('#let t = read("/etc/passwd")')).toThrow(/a file read/);
    expect(() => checkedTemplate('#eval(sys.inputs.x)')).toThrow(/an eval/);
    expect(checkedTemplate('// we never import anything\nHello')).toContain('Hello');
  });
});
