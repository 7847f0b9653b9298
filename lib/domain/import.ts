// Import rules that need no I/O: which fields each kind of record takes, how a file's columns are matched
// to them, and how CSV text is read (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a leading BOM).

export const IMPORT_ENTITIES = ["account", "contact", "opportunity"] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export type ImportField = { key: string; isRequired: boolean; aliases: readonly string[] };

const field = (key: string, isRequired: boolean, ...aliases: string[]): ImportField => ({ key, isRequired, aliases });

/**
 * externalId is the row's key in the source system: importing the same file again finds the record by it and
 * updates it, so every entity requires it. A deal or contact names its account by externalId or by name.
 */
export const IMPORT_FIELDS: Record<ImportEntity, readonly ImportField[]> = {
  account: [
    field("externalId", true, "external id", "id", "外部编号", "编号"),
    field("name", true, "account", "account name", "company", "名称", "客户", "客户名称"),
    field("industry", false, "行业"),
    field("segment", false, "细分", "客户分类"),
    field("region", false, "区域", "地区"),
    field("isKeyAccount", false, "key account", "重点客户", "大客户"),
    field("ownerEmail", false, "owner", "owner email", "负责人", "负责人邮箱"),
  ],
  contact: [
    field("externalId", true, "external id", "id", "外部编号", "编号"),
    field("accountExternalId", false, "account external id", "account id", "客户编号"),
    field("accountName", false, "account", "company", "客户", "客户名称"),
    field("name", true, "contact", "contact name", "姓名", "联系人"),
    field("title", false, "job title", "position", "职务", "职位"),
    field("phone", false, "telephone", "mobile", "电话", "手机"),
    field("email", false, "e-mail", "mail", "邮箱"),
  ],
  opportunity: [
    field("externalId", true, "external id", "id", "外部编号", "编号"),
    field("name", true, "opportunity", "deal", "deal name", "商机", "商机名称"),
    field("accountExternalId", false, "account external id", "account id", "客户编号"),
    field("accountName", false, "account", "company", "客户", "客户名称"),
    field("ownerEmail", false, "owner", "owner email", "负责人", "负责人邮箱"),
    field("amount", true, "value", "金额"),
    field("currency", false, "币种"),
    field("expectedCloseDate", true, "close date", "expected close", "预计成交日期", "成交日期"),
    field("stage", false, "阶段"),
    field("productLine", false, "product", "product line", "产品线"),
    field("lossReason", false, "loss reason", "丢单原因"),
  ],
};

/** Field key → index of the file column that feeds it (absent: not imported). */
export type ImportMapping = Record<string, number>;

const normalise = (text: string) => text.toLowerCase().replace(/[\s_\-.:()（）]+/g, "");

/** Matches each field to the first header equal to its key or an alias, ignoring case, spaces and punctuation. */
export function suggestMapping(entity: ImportEntity, headers: readonly string[]): ImportMapping {
  const normalised = headers.map(normalise);
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  for (const { key, aliases } of IMPORT_FIELDS[entity]) {
    const index = [key, ...aliases].map(normalise).map((name) => normalised.findIndex((header, i) => header === name && !used.has(i)))
      .find((found) => found >= 0);
    if (index !== undefined) {
      mapping[key] = index;
      used.add(index);
    }
  }
  return mapping;
}

/** Fields the mapping must cover; a deal or contact also needs its account by external id or name. */
export function missingMappedFields(entity: ImportEntity, mapping: ImportMapping): string[] {
  const missing = IMPORT_FIELDS[entity].filter((f) => f.isRequired && mapping[f.key] === undefined).map((f) => f.key);
  if (entity !== "account" && mapping.accountExternalId === undefined && mapping.accountName === undefined) missing.push("accountName");
  return missing;
}

/** The mapped values of one row (trimmed; empty cells are absent). */
export function mapRow(mapping: ImportMapping, row: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, index] of Object.entries(mapping)) {
    const value = (row[index] ?? "").trim();
    if (value !== "") values[key] = value;
  }
  return values;
}

/** Whole-file CSV parse into rows of fields; blank lines are dropped. */
export function parseCsv(text: string): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let isQuoted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== "") rows.push(row);
    row = [];
    field = "";
  };
  while (i < input.length) {
    const char = input[i];
    if (isQuoted) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        isQuoted = false;
      } else {
        field += char;
      }
      i += 1;
      continue;
    }
    if (char === '"' && field === "") isQuoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n") endRow();
    else if (char === "\r") {
      if (input[i + 1] === "\n") i += 1;
      endRow();
    } else field += char;
    i += 1;
  }
  if (field !== "" || row.length) endRow();
  return rows;
}

/** "true", "yes", "1", "是", "y" → true; "false", "no", "0", "否", "n" → false; anything else is refused. */
export function parseYesNo(value: string): boolean | null {
  const text = value.trim().toLowerCase();
  if (["true", "yes", "y", "1", "是"].includes(text)) return true;
  if (["false", "no", "n", "0", "否"].includes(text)) return false;
  return null;
}
