// A vlog goes straight from the browser to S3, never through the API: one presigned POST for a
// small file, or S3 multipart (a presigned PUT per part) from the size the API calls resumable.
// XMLHttpRequest, not fetch: only it reports upload progress.

/** Why an upload stopped: the line dropped (`connection`), or S3 refused it (`refused`, with its status). */
export class UploadStopped extends Error {
  constructor(reason, status = 0) {
    super(reason);
    this.reason = reason;
    this.status = status;
  }
}

/** Sends `body` and reports the bytes sent so far; resolves when S3 answers 2xx. */
function send(method, url, body, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.upload.addEventListener('progress', e => onProgress(e.loaded));
    xhr.addEventListener('load', () => (xhr.status >= 200 && xhr.status < 300
      ? resolve() : reject(new UploadStopped('refused', xhr.status))));
    for (const failure of ['error', 'timeout', 'abort']) {
      xhr.addEventListener(failure, () => reject(new UploadStopped('connection')));
    }
    xhr.send(body);
  });
}

/** The presigned POST: the policy's fields first, the file last (S3 ignores fields after the file). */
export function postFile(upload, file, onProgress) {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', file);
  return send('POST', upload.url, form, loaded => onProgress(Math.min(loaded, file.size)));
}

/**
 * Sends the parts S3 does not have yet (`progress.missing`, each with its presigned URL), one
 * after the other, and reports the bytes S3 has in all: the parts it already had count as sent.
 */
export async function putMissingParts(progress, file, onProgress) {
  let stored = progress.uploaded.reduce((sum, part) => sum + part.size, 0);
  onProgress(stored);
  for (const part of progress.missing) {
    const start = (part.partNumber - 1) * progress.partBytes;
    const blob = file.slice(start, Math.min(start + progress.partBytes, file.size));
    await send('PUT', part.url, blob, loaded => onProgress(stored + Math.min(loaded, blob.size)));
    stored += blob.size;
    onProgress(stored);
  }
}
