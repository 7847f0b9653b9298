import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAllowedFileType, normalizeMimeType, sanitizeFileName } from "@/lib/domain/files";

describe("sanitizeFileName", () => {
  it("keeps the last path segment and drops characters unsafe in file systems and headers", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("C:\\Users\\rep\\方案 v2.pdf")).toBe("方案 v2.pdf");
    expect(sanitizeFileName('pro"po\u0000sal<1>.pdf')).toBe("proposal1.pdf");
    expect(sanitizeFileName("...hidden")).toBe("hidden");
    expect(sanitizeFileName("/")).toBe("file");
  });

  it("caps the length at 200 characters, keeping the extension", () => {
    const long = sanitizeFileName(`${"a".repeat(500)}.docx`);
    expect(long).toHaveLength(200);
    expect(long.endsWith(".docx")).toBe(true);
  });

  it("never returns a path, a control character or an empty name, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (name) => {
        const safe = sanitizeFileName(name);
        expect(safe.length).toBeGreaterThan(0);
        expect(safe.length).toBeLessThanOrEqual(200);
        expect(safe).not.toMatch(/[/\\\u0000-\u001f"]/);
        expect(safe.startsWith(".")).toBe(false);
      }),
    );
  });
});

describe("allowed file types", () => {
  it("accept documents and images, not HTML, SVG or scripts", () => {
    expect(isAllowedFileType("application/pdf")).toBe(true);
    expect(isAllowedFileType("Text/Plain; charset=utf-8")).toBe(true);
    expect(isAllowedFileType("text/html")).toBe(false);
    expect(isAllowedFileType("image/svg+xml")).toBe(false);
    expect(isAllowedFileType("application/javascript")).toBe(false);
    expect(normalizeMimeType("IMAGE/PNG ; x=1")).toBe("image/png");
  });
});
