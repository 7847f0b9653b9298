// Same-origin calls to REST API v1 from client components (the session cookie authenticates them); a
// problem document's detail becomes the thrown message.
export async function apiRequest<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: "application/json", ...init.headers } });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { detail?: string; title?: string; errors?: { path: string; message: string }[] } | null;
    const fields = problem?.errors?.map((error) => `${error.path}: ${error.message}`).join("; ");
    throw new Error([problem?.detail ?? problem?.title ?? response.statusText, fields].filter(Boolean).join(" — "));
  }
  return (response.status === 204 ? null : await response.json()) as T;
}
