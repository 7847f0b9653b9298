// Reads the text back out of a PDF that pdfkit wrote (test helper): inflates the streams, maps each font
// resource to its ToUnicode CMap, and decodes the hex strings shown with Tj/TJ in the current font. Enough
// for pdfkit's own output (Identity-H fonts, hex strings); not a general PDF parser.
import { inflateSync } from "node:zlib";

type PdfObject = { dict: string; stream: Buffer | null };

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  const pattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const body = match[2];
    const streamAt = body.indexOf("stream");
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const start = match.index + match[0].indexOf(body) + streamAt + "stream".length + (body[streamAt + 6] === "\r" ? 2 : 1);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const raw = pdf.subarray(start, start + length);
    objects.set(Number(match[1]), { dict, stream: dict.includes("/FlateDecode") ? inflateSync(raw) : raw });
  }
  return objects;
}

function parseCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  // A ligature glyph maps to several code units: "<0066 0069>" is "fi".
  const hexToText = (hex: string) => String.fromCharCode(...(hex.replace(/\s+/g, "").match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));
  for (const block of cmap.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
    for (const [, src, dst] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(src.toLowerCase(), hexToText(dst));
  }
  for (const block of cmap.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
    for (const [, lo, hi, rest] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const from = parseInt(lo, 16);
      const to = parseInt(hi, 16);
      const targets = rest.startsWith("[") ? [...rest.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((item) => item[1]) : null;
      for (let code = from; code <= to; code += 1) {
        const key = code.toString(16).padStart(lo.length, "0");
        if (targets) map.set(key, hexToText(targets[code - from] ?? ""));
        else map.set(key, String.fromCodePoint(parseInt(rest.slice(1, -1), 16) + code - from));
      }
    }
  }
  return map;
}

/** The PDF's text, page by page in drawing order; words drawn separately are joined by nothing. */
export function extractPdfText(pdf: Buffer): { pages: number; text: string } {
  const objects = readObjects(pdf);
  const fonts = new Map<string, Map<string, string>>();
  for (const object of objects.values()) {
    for (const [, name, ref] of object.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(Number(ref));
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(font?.dict ?? "")?.[1];
      const cmap = toUnicode ? objects.get(Number(toUnicode))?.stream : null;
      if (cmap) fonts.set(name, parseCMap(cmap.toString("latin1")));
    }
  }
  const pageCount = [...objects.values()].filter((object) => /\/Type \/Page\b/.test(object.dict)).length;
  let text = "";
  for (const object of objects.values()) {
    if (!object.stream || !/\bTf\b/.test(object.stream.toString("latin1"))) continue;
    let current: Map<string, string> | undefined;
    const content = object.stream.toString("latin1");
    for (const [, font, shown] of content.matchAll(/\/(F\d+) [\d.]+ Tf|(\[[^\]]*\]\s*TJ|<[0-9a-fA-F]*>\s*Tj)/g)) {
      if (font) {
        current = fonts.get(font);
        continue;
      }
      for (const [, hex] of shown.matchAll(/<([0-9a-fA-F]*)>/g)) {
        for (const code of hex.match(/.{4}/g) ?? []) text += current?.get(code.toLowerCase()) ?? "";
      }
      text += "\n";
    }
  }
  return { pages: pageCount, text };
}
