// Evidence files (checklist ticks): what may be uploaded and how a file name is made safe to store and
// to send back in a Content-Disposition header. Pure rules; lib/storage keeps the bytes.

/** 10 MB: a proposal PDF or a signed scan fits; a video does not belong in a CRM. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Documents and images only. Nothing a browser would execute when opened from our origin (HTML, SVG,
 * JavaScript), and downloads are sent as attachments with nosniff anyway.
 */
export const ALLOWED_FILE_TYPES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  "application/pdf": [".pdf"],
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/gif": [".gif"],
  "image/webp": [".webp"],
  "text/plain": [".txt"],
  "text/csv": [".csv"],
  "application/msword": [".doc"],
  "application/vnd.ms-excel": [".xls"],
  "application/vnd.ms-powerpoint": [".ppt"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": [".pptx"],
  "application/zip": [".zip"],
});

/** The media type without parameters, lower-cased ("Text/Plain; charset=utf-8" → "text/plain"). */
export function normalizeMimeType(value: string): string {
  return value.split(";")[0].trim().toLowerCase();
}

export function isAllowedFileType(mime: string): boolean {
  return Object.hasOwn(ALLOWED_FILE_TYPES, normalizeMimeType(mime));
}

const MAX_NAME_LENGTH = 200;

/**
 * The last path segment only, without control characters, quotes and characters that are unsafe in file
 * systems or headers; at most 200 characters keeping the extension; "file" if nothing is left. Unicode
 * letters (e.g. 中文) stay.
 */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f"*:<>?|;]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "")
    .trim();
  if (!cleaned) return "file";
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
}
