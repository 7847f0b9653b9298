// The import wizard names every field a file's columns map to in the user's language, never by its code key,
// and shows the server's row errors in that language too.
import { describe, expect, it } from "vitest";
import { localizeFieldMessage } from "@/components/forms/localize";
import { IMPORT_ENTITIES, IMPORT_FIELDS } from "@/lib/domain/import";
import { en } from "@/messages/en";
import { zhCN } from "@/messages/zh-CN";

describe("import field labels", () => {
  for (const [locale, messages] of [["en", en], ["zh-CN", zhCN]] as const) {
    it(`names every import field in ${locale}`, () => {
      const { fields, nameField } = messages.trust.import;
      for (const entity of IMPORT_ENTITIES) {
        expect(nameField[entity]).toBeTruthy();
        for (const { key } of IMPORT_FIELDS[entity]) {
          if (key !== "name") expect(fields[key], `${entity}.${key}`).toBeTruthy();
        }
      }
    });
  }
});

describe("import row errors", () => {
  // What the server's row checks say (lib/data/import-apply.ts and the batch functions), in English.
  const sentences = [
    "No account has this external id.", "This account is in the recycle bin.", "Name the account (external id or name).",
    "No account has this name.", "Several accounts have this name; use the account's external id.", "No active user has this email.",
    "This deal is in the recycle bin; restore it first.", "Another record took this external id meanwhile.", "Use yes or no.",
  ];

  it("shows each of the import's row errors in Chinese", () => {
    for (const sentence of sentences) {
      const shown = localizeFieldMessage(sentence, zhCN);
      expect(shown, sentence).not.toBe(sentence);
      expect(shown, sentence).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(localizeFieldMessage("The same external id is in row 12.", zhCN)).toBe("第 12 行已使用同一外部编号。");
  });

  it("keeps them in English for English users, and passes an unknown sentence through", () => {
    expect(localizeFieldMessage("No account has this name.", en)).toBe("No account has this name.");
    expect(localizeFieldMessage("The same external id is in row 3.", en)).toBe("The same external id is in row 3.");
    expect(localizeFieldMessage("Something new went wrong.", zhCN)).toBe("Something new went wrong.");
  });
});
