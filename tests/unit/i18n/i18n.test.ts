import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, interpolate, isLocale, localeFromAcceptLanguage } from "@/lib/i18n/config";
import { formatDate, formatMoney } from "@/lib/i18n/format";

describe("localeFromAcceptLanguage", () => {
  it("falls back to English without a header or a supported language", () => {
    expect(DEFAULT_LOCALE).toBe("en");
    for (const header of [undefined, null, "", "fr-FR,de;q=0.8", "*"]) expect(localeFromAcceptLanguage(header)).toBe("en");
  });

  it("maps any Chinese variant to zh-CN", () => {
    for (const header of ["zh-CN,zh;q=0.9,en;q=0.8", "zh", "zh-TW", "ZH-hk", "zh-Hans-CN"]) expect(localeFromAcceptLanguage(header)).toBe("zh-CN");
  });

  it("takes the first supported language in the order given", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,zh-CN;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR, zh;q=0.5, en;q=0.4")).toBe("zh-CN");
  });

  it("always answers a supported locale", () => {
    fc.assert(fc.property(fc.string(), (header) => {
      expect(isLocale(localeFromAcceptLanguage(header))).toBe(true);
    }));
  });
});

describe("interpolate", () => {
  it("fills named placeholders with strings and numbers", () => {
    expect(interpolate("{count} deals for {name}", { count: 3, name: "Liu Yang" })).toBe("3 deals for Liu Yang");
    expect(interpolate("{a}{a}", { a: "x" })).toBe("xx");
  });

  it("leaves unknown placeholders visible rather than blank", () => {
    expect(interpolate("Hello {name}", {})).toBe("Hello {name}");
  });

  it("returns a template without placeholders unchanged", () => {
    fc.assert(fc.property(fc.string().filter((text) => !/[{}]/.test(text)), (text) => {
      expect(interpolate(text, { x: 1 })).toBe(text);
    }));
  });
});

describe("locale formatting", () => {
  it("formats the exact decimal string, not a float of it", () => {
    expect(formatMoney("9007199254740993.01", "CNY", "en")).toContain("9,007,199,254,740,993.01");
    expect(formatMoney("1234.50", "CNY", "zh-CN")).toBe("¥1,234.50");
  });

  it("formats a calendar date without shifting it through the local time zone", () => {
    expect(formatDate("2027-03-31", "en")).toBe("Mar 31, 2027");
    expect(formatDate("2027-03-31", "zh-CN")).toBe("2027年3月31日");
  });
});
