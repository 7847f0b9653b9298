// REST API v1 routes of the close-out review where it is not about one stored deal (a bulk move to LOST, a
// deal created at LOST); spliced into the one route table (lib/api/routes.ts).
import { closeOutReasonOptionsSchema } from "@/lib/validations/analysis";
import type { ApiRouteSpec } from "./routes";

export const CLOSE_OUT_API_ROUTES: readonly ApiRouteSpec[] = [
  {
    method: "GET", path: "/api/v1/close-out-reasons/options", operationId: "listCloseOutReasonOptions", tag: "Analysis",
    summary: "The org's active win and loss reasons in your language: the choices of a close-out review sent with a bulk move to LOST or a deal created at LOST",
    response: { status: 200, schema: closeOutReasonOptionsSchema, description: "The reason lists." },
  },
];
