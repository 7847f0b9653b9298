// The import wizard names every field a file's columns map to in the user's language, never by its code key.
import { describe, expect, it } from "vitest";
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
