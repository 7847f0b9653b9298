// A JSON request to the REST API from the dashboard's client components: the parsed body, or the problem's
// most useful message (the first field error, else the detail, else the title) to show the person.
export type SendResult<T> = { ok: true; body: T } | { ok: false; message: string };

type Problem = { title?: string; detail?: string; errors?: { path: string; message: string }[] };

export async function sendJson<T>(url: string, method: "POST" | "PUT", body: unknown): Promise<SendResult<T>> {
  try {
    const response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (response.ok) return { ok: true, body: parsed as T };
    const problem = (parsed ?? {}) as Problem;
    return { ok: false, message: problem.errors?.[0]?.message ?? problem.detail ?? problem.title ?? String(response.status) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
