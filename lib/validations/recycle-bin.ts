// The recycle bin at the API boundary: which kinds of records it holds, the listing query and its items.
import { z } from "zod";

export const RECYCLE_BIN_TYPES = ["account", "contact", "opportunity"] as const;
export const recycleBinTypeSchema = z.enum(RECYCLE_BIN_TYPES, { error: "Use account, contact or opportunity." });
export type RecycleBinType = z.infer<typeof recycleBinTypeSchema>;

export const recycleBinQuerySchema = z.strictObject({
  type: recycleBinTypeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type RecycleBinQuery = z.output<typeof recycleBinQuerySchema>;

export const recycleBinItemSchema = z.object({
  type: recycleBinTypeSchema,
  id: z.uuid(),
  name: z.string(),
  /** The account a deal or contact belonged to. */
  accountName: z.string().nullable(),
  ownerName: z.string().nullable(),
  deletedAt: z.iso.datetime(),
  /** When the item is removed for good unless restored. */
  purgeAt: z.iso.datetime(),
}).meta({ id: "RecycleBinItem" });
export type RecycleBinItem = z.infer<typeof recycleBinItemSchema>;

export const recycleBinListSchema = z.object({ data: z.array(recycleBinItemSchema) }).meta({ id: "RecycleBinList" });
