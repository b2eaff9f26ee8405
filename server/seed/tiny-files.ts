/**
 * Small demo documents built in code (a few hundred bytes each): a plain-text note, a one-page PDF
 * and a tiny PNG, each a well-formed file that passes the upload's content check.
 */
import { crc32, deflateSync } from 'node:zlib';

/** A file to attach: name, declared type and content. */
export interface TinyFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** A plain-text note. */
export function textNote(fileName: string, lines: readonly string[]): TinyFile {
  return { fileName, contentType: 'text/plain', content: Buffer.from(`${lines.join('\n')}\n`, 'utf8') };
}

/** A one-page PDF showing one line of text (Helvetica), with a correct cross-reference table. */
export function onePagePdf(fileName: string, line: string): TinyFile {
  const text = line.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '-');
  const stream = `BT /F1 12 Tf 56 780 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { fileName, contentType: 'application/pdf', content: Buffer.from(body, 'latin1') };
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A small RGB PNG of two colour bands (a stand-in for a photo of a door or a letter). */
export function bandedPng(fileName: string, size: number, top: readonly [number, number, number], bottom: readonly [number, number, number]): TinyFile {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, default compression, filter and no interlace
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y += 1) {
    const [r, g, b] = y < size / 2 ? top : bottom;
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x += 1) {
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const content = Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(Buffer.concat(rows))), pngChunk('IEND', Buffer.alloc(0))]);
  return { fileName, contentType: 'image/png', content };
}
