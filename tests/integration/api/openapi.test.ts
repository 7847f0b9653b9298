// REST API v1: the OpenAPI document is public, valid-looking 3.1, generated from the zod schemas, and
// lists exactly the routes that exist under app/api/v1 — so code and documentation cannot drift.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import { opportunityCreateSchema } from "@/lib/validations/opportunity";
import { call } from "./helpers";

type Operation = {
  operationId: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: { $ref: string } }> }>;
};
type Document = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { properties?: Record<string, unknown>; required?: string[]; additionalProperties?: boolean }>;
    responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }>;
    securitySchemes: Record<string, { type: string; scheme?: string; in?: string }>;
  };
};

const API_DIR = path.resolve(__dirname, "../../../app/api/v1");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

function findRouteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findRouteFiles(full);
    return /^route\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** app/api/v1/opportunities/[id]/stage/route.ts → /api/v1/opportunities/:id/stage */
function routePathOf(file: string): string {
  const relative = path.relative(API_DIR, path.dirname(file)).split(path.sep).filter(Boolean);
  return ["/api/v1", ...relative.map((segment) => segment.replace(/^\[(\w+)\]$/, ":$1"))].join("/");
}

async function fetchDocument() {
  const result = await call<Document>(openapiRoute.GET, { url: "/api/v1/openapi.json", token: null });
  expect(result.status).toBe(200);
  expect(result.headers.get("content-type")).toMatch(/^application\/json/);
  return result.body;
}

describe("GET /api/v1/openapi.json", () => {
  it("is public and looks like a valid OpenAPI 3.1 document", async () => {
    const doc = await fetchDocument();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.securitySchemes.cookieAuth).toMatchObject({ type: "apiKey", in: "cookie" });
    expect(doc.components.schemas.Problem.required).toEqual(["type", "title", "status"]);
    expect(Object.keys(doc.components.schemas.Problem.properties ?? {})).toEqual(
      expect.arrayContaining(["type", "title", "status", "detail", "errors", "currentVersion"]),
    );

    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const [, kind, name] = /"#\/components\/(schemas|responses)\/([^"]+)"/.exec(ref.slice(7)) ?? [];
      expect(kind, `unresolvable ${ref}`).toBeDefined();
      expect(doc.components[kind as "schemas" | "responses"][name], `dangling ${ref}`).toBeDefined();
    }
    const operationIds = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((operation) => operation.operationId));
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it("documents exactly the methods that every route file under app/api/v1 exports, each with its header comment", async () => {
    const doc = await fetchDocument();
    const files = findRouteFiles(API_DIR);
    expect(files.length).toBeGreaterThanOrEqual(12);
    const implemented: string[] = [];
    for (const file of files) {
      const routePath = routePathOf(file);
      const source = readFileSync(file, "utf8");
      const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const method of HTTP_METHODS.filter((name) => typeof module[name] === "function")) {
        implemented.push(`${method} ${routePath}`);
        expect(source, `${file} lacks "// ${method} ${routePath} — …"`).toContain(`// ${method} ${routePath} — `);
      }
    }
    const documented = Object.entries(doc.paths).flatMap(([openApiPath, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${openApiPath.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    expect(documented.sort()).toEqual(implemented.sort());
  });

  it("describes auth, path ids, bodies and problem+json errors on every operation", async () => {
    const doc = await fetchDocument();
    for (const [openApiPath, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const where = `${method.toUpperCase()} ${openApiPath}`;
        const statuses = Object.keys(operation.responses);
        // The public operations: the documentation itself and organization sign-up.
        if (openApiPath === "/api/v1/openapi.json" || openApiPath === "/api/v1/signup") {
          expect(operation.security, where).toEqual([]);
        } else {
          expect(statuses, where).toContain("401");
        }
        if (openApiPath.includes("{id}")) {
          expect(statuses, where).toContain("404");
          expect(operation.parameters?.find((parameter) => parameter.in === "path" && parameter.name === "id"), where).toMatchObject({ name: "id", required: true });
        }
        if (operation.requestBody) {
          expect(statuses, where).toEqual(expect.arrayContaining(["400", "422"]));
          expect(operation.requestBody.content["application/json"].schema.$ref, where).toMatch(/^#\/components\/schemas\//);
        }
        for (const status of statuses.filter((code) => Number(code) >= 400)) {
          const name = operation.responses[status].$ref?.replace("#/components/responses/", "") ?? "";
          expect(doc.components.responses[name]?.content["application/problem+json"].schema.$ref, where).toBe("#/components/schemas/Problem");
        }
      }
    }
    expect(Object.keys(doc.paths["/api/v1/opportunities/{id}"].patch.responses)).toContain("409");
    expect(Object.keys(doc.paths["/api/v1/opportunities/{id}/stage"].post.responses)).toContain("409");
  });

  it("generates request bodies and query parameters from the zod schemas that validate them", async () => {
    const doc = await fetchDocument();
    const create = doc.paths["/api/v1/opportunities"].post;
    expect(create.requestBody?.content["application/json"].schema.$ref).toBe("#/components/schemas/OpportunityCreate");
    const schema = doc.components.schemas.OpportunityCreate;
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(Object.keys(opportunityCreateSchema.shape).sort());
    expect(schema.required?.sort()).toEqual(["accountId", "amount", "expectedCloseDate", "name"]);
    expect(schema.additionalProperties).toBe(false);
    expect(create.responses["201"]).toMatchObject({ content: { "application/json": { schema: { $ref: "#/components/schemas/Opportunity" } } } });
    expect(doc.components.schemas.StageMove.required?.sort()).toEqual(["to", "version"]);

    const list = doc.paths["/api/v1/opportunities"].get;
    expect(list.parameters?.filter((parameter) => parameter.in === "query").map((parameter) => parameter.name).sort())
      .toEqual(["accountId", "cursor", "limit", "ownerId", "q", "stage", "teamId"]);
    expect(Object.keys(doc.components.schemas.OpportunityPage.properties ?? {})).toEqual(["data", "nextCursor"]);
  });
});
