// REST API v1 routes of the buying center (issue 6): contacts with org-chart fields, relationships, the
// org chart, the fishing-net map, a deal's buying center and the key-account profile; spliced into the one
// route table (lib/api/routes.ts), from which the OpenAPI document is generated.
import { z } from "zod";
import { contactOutputSchema } from "@/lib/validations/account";
import {
  accountProfileSaveSchema, accountProfileSchema, buyingCenterReplaceSchema, buyingCenterSchema, contactRelationshipsSchema,
  contactUpdateSchema, fishingNetQuerySchema, fishingNetSchema, orgChartSchema, profileTemplateSchema, profileVersionQuerySchema,
  relationshipSetSchema,
} from "@/lib/validations/buying-center";
import type { ApiRouteSpec } from "./routes";

const profileTemplateOutputSchema = z
  .object({
    sections: z.array(z.object({
      key: z.string(), title: z.object({ en: z.string(), "zh-CN": z.string() }), hint: z.object({ en: z.string(), "zh-CN": z.string() }),
    })),
  })
  .meta({ id: "ProfileTemplateOutput" });

export const BUYING_CENTER_API_ROUTES: readonly ApiRouteSpec[] = [
  {
    method: "GET", path: "/api/v1/contacts/:id", operationId: "getContact", tag: "Accounts",
    summary: "One contact with reports-to, department, level, roles, stance and the strongest relationship degree held",
    response: { status: 200, schema: contactOutputSchema, description: "The contact." },
  },
  {
    method: "PATCH", path: "/api/v1/contacts/:id", operationId: "updateContact", tag: "Accounts",
    summary: "Edit a contact; reportsToId must be a contact of the same account and may not close a reports-to cycle (422)",
    body: contactUpdateSchema, errors: [403],
    response: { status: 200, schema: contactOutputSchema, description: "The contact as stored." },
  },
  {
    method: "GET", path: "/api/v1/contacts/:id/relationships", operationId: "listContactRelationships", tag: "Accounts",
    summary: "Relationship degrees (0–5) our users hold with the contact, and their append-only history",
    response: { status: 200, schema: contactRelationshipsSchema, description: "Holders strongest first; history newest first." },
  },
  {
    method: "PUT", path: "/api/v1/contacts/:id/relationships", operationId: "setContactRelationship", tag: "Accounts",
    summary: "Set the degree one user of the org holds with the contact, with an optional note; every change is kept",
    body: relationshipSetSchema, errors: [403],
    response: { status: 200, schema: contactRelationshipsSchema, description: "The relationships after the change." },
  },
  {
    method: "GET", path: "/api/v1/accounts/:id/org-chart", operationId: "getOrgChart", tag: "Accounts",
    summary: "The account's contacts as a nested reports-to tree, each with stance, roles, level and degree",
    response: { status: 200, schema: orgChartSchema, description: "Roots alphabetical, reports nested." },
  },
  {
    method: "GET", path: "/api/v1/accounts/:id/fishing-net", operationId: "getFishingNet", tag: "Accounts",
    summary: "The fishing-net map: our people × their people, edges weighted by degree, and coverage gaps (?opportunityId= for one deal)",
    query: fishingNetQuerySchema,
    response: { status: 200, schema: fishingNetSchema, description: "Nodes, edges and gaps." },
  },
  {
    method: "GET", path: "/api/v1/accounts/:id/profile", operationId: "getAccountProfile", tag: "Accounts",
    summary: "The key-account profile (latest or ?version=) in the org's template, with every saved version",
    query: profileVersionQuerySchema,
    response: { status: 200, schema: accountProfileSchema, description: "The profile." },
  },
  {
    method: "PUT", path: "/api/v1/accounts/:id/profile", operationId: "saveAccountProfile", tag: "Accounts",
    summary: "Save profile sections as a new version (account owner, managers, admins); a stale baseVersion → 409",
    body: accountProfileSaveSchema, errors: [403, 409],
    response: { status: 200, schema: accountProfileSchema, description: "The profile as now saved." },
  },
  {
    method: "GET", path: "/api/v1/opportunities/:id/buying-center", operationId: "getBuyingCenter", tag: "Opportunities",
    summary: "The deal's buying center: contacts involved, their roles in this deal, the degree the deal's people hold, and red flags",
    response: { status: 200, schema: buyingCenterSchema, description: "The buying center." },
  },
  {
    method: "PUT", path: "/api/v1/opportunities/:id/buying-center", operationId: "replaceBuyingCenter", tag: "Opportunities",
    summary: "Replace the deal's buying center; contacts must belong to the deal's account, roles default to the contact's",
    body: buyingCenterReplaceSchema,
    response: { status: 200, schema: buyingCenterSchema, description: "The buying center as stored." },
  },
  {
    method: "GET", path: "/api/v1/admin/profile-template", operationId: "getProfileTemplate", tag: "Administration",
    summary: "The key-account profile template (default: basics; business and strategy; organisation and decision chain; history; competitors; our plan)",
    response: { status: 200, schema: profileTemplateOutputSchema, description: "The sections in order." },
  },
  {
    method: "PUT", path: "/api/v1/admin/profile-template", operationId: "updateProfileTemplate", tag: "Administration",
    summary: "Replace the profile template's sections (admins); audited",
    body: profileTemplateSchema, errors: [403],
    response: { status: 200, schema: profileTemplateOutputSchema, description: "The template as stored." },
  },
];
