// Builds the OpenAPI 3.1 document of REST API v1 from the route table (lib/api/routes.ts) and the zod
// schemas it names, with zod 4's JSON Schema generator — the schemas that validate requests are the
// ones documented, never a second hand-written copy.
import { z } from "zod";
import { API_ROUTES, type ApiRouteSpec } from "./routes";
import { problemSchema } from "./schemas";

type JsonSchema = Record<string, unknown>;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed JSON body.",
  401: "Missing, invalid or revoked credentials.",
  403: "Authenticated, but not allowed to do this.",
  404: "Missing, or not visible to the caller (a malformed id is 404 too).",
  409: "Stale version or a conflicting state; `currentVersion` carries the version the record has now.",
  422: "Invalid input: one `errors` entry per bad field; unknown fields are refused.",
};

/** Session cookie set by next-auth at sign-in ("__Secure-" prefixed over HTTPS). */
const SESSION_COOKIE = "next-auth.session-token";

/** "/api/v1/opportunities/:id" → "/api/v1/opportunities/{id}" */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, "{$1}");
}

function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]);
}

function pathParameterSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input" }) as JsonSchema;
  return rest;
}

function errorStatuses(route: ApiRouteSpec): number[] {
  const statuses = new Set(route.errors ?? []);
  if (!route.isPublic) statuses.add(401);
  // A cookie-authenticated write from another origin is refused, whatever the route.
  if (!route.isPublic && route.method !== "GET") statuses.add(403);
  if (pathParameterNames(route.path).length) statuses.add(404);
  if (route.body) {
    statuses.add(400);
    statuses.add(422);
  }
  if (route.query) statuses.add(422);
  return [...statuses].sort((a, b) => a - b);
}

function queryParameters(query: z.ZodObject): JsonSchema[] {
  const schema = z.toJSONSchema(query, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

function buildOperation(route: ApiRouteSpec, ref: (schema: z.ZodType) => JsonSchema): JsonSchema {
  const parameters = [
    ...pathParameterNames(route.path).map((name) => ({
      name, in: "path", required: true,
      schema: route.pathParams?.[name] ? pathParameterSchema(route.pathParams[name]) : { type: "string", format: "uuid" },
    })),
    ...(route.query ? queryParameters(route.query) : []),
  ];
  const success: JsonSchema = { description: route.response.description };
  if (route.response.schema) success.content = { [route.response.mediaType ?? "application/json"]: { schema: ref(route.response.schema) } };
  if (route.response.hasLocation) {
    success.headers = { Location: { description: "URL of the new resource.", schema: { type: "string" } } };
  }
  const responses: Record<string, JsonSchema> = { [String(route.response.status)]: success };
  for (const status of errorStatuses(route)) {
    responses[String(status)] = { $ref: `#/components/responses/Error${status}` };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    ...(route.isPublic ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { "application/json": { schema: ref(route.body) } } } }
      : {}),
    responses,
  };
}

const SHARED = "__shared";

/**
 * Components are embedded in the document, so each loses its standalone $schema / $id; schemas with an id
 * that zod met only nested (e.g. StageChange inside StageHistory) land in its "__shared" bucket and are
 * lifted to components of their own.
 */
function flattenComponents(generated: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const { [SHARED]: shared, ...named } = generated;
  const lifted = ((shared?.$defs ?? {}) as Record<string, JsonSchema>);
  const schemas: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries({ ...lifted, ...named })) {
    const { $schema: _dialect, $id: _id, ...rest } = schema;
    schemas[id] = rest;
  }
  const sharedRef = `"#/components/schemas/${SHARED}#/$defs/`;
  return JSON.parse(JSON.stringify(schemas).replaceAll(sharedRef, '"#/components/schemas/')) as Record<string, JsonSchema>;
}

function buildDocument(): JsonSchema {
  const registry = z.registry<{ id: string }>();
  // Every documented schema carries its id in its own .meta(); the components reuse that id.
  const ref = (schema: z.ZodType): JsonSchema => {
    const id = z.globalRegistry.get(schema)?.id;
    if (!id) throw new Error("A schema in the API route table has no .meta({ id }).");
    if (!registry.has(schema)) registry.add(schema, { id });
    return { $ref: `#/components/schemas/${id}` };
  };
  const problemRef = ref(problemSchema);

  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of API_ROUTES) {
    const key = toOpenApiPath(route.path);
    paths[key] ??= {};
    paths[key][route.method.toLowerCase()] = buildOperation(route, ref);
  }

  const generated = z.toJSONSchema(registry, {
    io: "input",
    target: "draft-2020-12",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  const schemas = flattenComponents(generated.schemas);

  const responses = Object.fromEntries(
    Object.entries(ERROR_DESCRIPTIONS).map(([status, description]) => [
      `Error${status}`,
      { description, content: { "application/problem+json": { schema: problemRef } } },
    ]),
  );

  return {
    openapi: "3.1.0",
    info: {
      title: "Key-account CRM REST API",
      version: "1.0.0",
      description:
        "REST API v1 of the key-account CRM. Authenticate with `Authorization: Bearer <token>` (create a personal " +
        "token with POST /api/v1/tokens or on the settings page) or the session cookie of a signed-in browser. " +
        "Money travels as decimal strings with two places; dates as YYYY-MM-DD. Errors are application/problem+json.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: "/" }],
    security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    tags: [...new Set(API_ROUTES.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      responses,
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A personal API token (crm_…)." },
        cookieAuth: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: "The browser session after sign-in." },
      },
    },
  };
}

let cached: JsonSchema | undefined;

/** The document is a pure function of the code, so it is built once per process. */
export function getOpenApiDocument(): JsonSchema {
  cached ??= buildDocument();
  return cached;
}
