import { z } from "zod";

export const tokenCreateSchema = z
  .strictObject({
    name: z.string().trim().min(1, { error: "Name is required." }).max(100, { error: "At most 100 characters." }),
  })
  .meta({ id: "TokenCreate" });

export const tokenOutputSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });

export type TokenCreate = z.output<typeof tokenCreateSchema>;
