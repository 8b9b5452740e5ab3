// Builds small .docx files for reader tests: headings, bulleted lists (with levels), tables and paragraphs, zipped with fflate.

import { strToU8, zipSync } from 'fflate';

export type DocxPart =
  | { h: string; level: 1 | 2 }
  | { p: string }
  | { li: string; level?: number }
  | { table: string[][] };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (t: string) => `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;

function body(parts: DocxPart[]): string {
  return parts
    .map((x) => {
      if ('h' in x) return `<w:p><w:pPr><w:pStyle w:val="Heading${x.level}"/></w:pPr>${run(x.h)}</w:p>`;
      if ('p' in x) return `<w:p>${run(x.p)}</w:p>`;
      if ('li' in x) return `<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="${x.level ?? 0}"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(x.li)}</w:p>`;
      const rows = x.table.map((r) => `<w:tr>${r.map((c) => `<w:tc><w:p>${run(c)}</w:p></w:tc>`).join('')}</w:tr>`).join('');
      return `<w:tbl><w:tblPr/>${rows}</w:tbl>`;
    })
    .join('');
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx holding `parts`, as bytes. */
export function makeDocx(parts: DocxPart[]): Uint8Array {
  const levels = [0, 1, 2]
    .map((l) => `<w:lvl w:ilvl="${l}"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>`)
    .join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
    ),
    'word/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>` +
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style></w:styles>',
    ),
    'word/numbering.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0">${levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body(parts)}</w:body></w:document>`),
  });
}

/** The shared sample report (test/fixtures/read/formats/same.*) as a Word document. */
export const SAME_DOCX: DocxPart[] = [
  { h: '仓配平台组周报 2027-05-14', level: 1 },
  { h: '本周进展', level: 2 },
  { li: '库存中心重构，进度 60%' },
  { li: '前端进度 40%', level: 1 },
  { li: '运单查询提速，进度 35%' },
  { h: '迁移', level: 2 },
  {
    table: [
      ['项目', '上周', '本周'],
      ['对账服务迁移', '50%', '55%'],
      ['仓内调度', '20%', '30%'],
    ],
  },
];
