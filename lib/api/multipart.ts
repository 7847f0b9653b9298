// Reads one uploaded file from a multipart/form-data request, refusing oversized bodies while they stream
// in (the Content-Length header is not trusted and may be absent).
import "server-only";
import { MAX_FILE_BYTES } from "@/lib/domain/files";
import { AppError, invalid } from "@/lib/errors";
import type { FileUpload } from "@/lib/data/files";

/** The file plus the multipart framing (boundaries, part headers) of a small form. */
const MAX_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;

async function readLimitedBody(request: Request, maxBodyBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!request.body) throw new AppError("BAD_REQUEST", "The request has no body.");
  const tooLarge = `The file is larger than ${Math.round(maxBodyBytes / 1024 / 1024)} MB.`;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBodyBytes) throw invalid([{ path: "file", message: tooLarge }]);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBodyBytes) {
      await reader.cancel();
      throw invalid([{ path: "file", message: tooLarge }]);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** `maxBodyBytes`: imports accept larger files than evidence uploads. */
export async function readUploadedFile(request: Request, maxBodyBytes = MAX_BODY_BYTES): Promise<FileUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("BAD_REQUEST", 'Send the file as multipart/form-data in a field named "file".');
  }
  const body = await readLimitedBody(request, maxBodyBytes);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The multipart body could not be read.");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw invalid([{ path: "file", message: 'Attach the file in a field named "file".' }]);
  return { name: file.name, mime: file.type || "application/octet-stream", data: new Uint8Array(await file.arrayBuffer()) };
}
