import { json, publicRoute } from "@/lib/api/http";
import { getOpenApiDocument } from "@/lib/api/openapi";

// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the route table and zod schemas;
// public, because it is documentation and reveals no data
export const GET = publicRoute(async () => json(getOpenApiDocument()));
