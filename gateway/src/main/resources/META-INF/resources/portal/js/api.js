// The gateway's /api/v1 from the browser: bearer token, problem+json errors, and revalidation of reads by ETag.

/** An answer the gateway refused or failed: its problem+json document, or what we could make of it. */
export class Problem extends Error {
  constructor(status, body) {
    super(body?.detail || body?.title || `HTTP ${status}`);
    this.status = status;
    this.title = body?.title || (status === 0 ? 'Gateway unreachable' : `HTTP ${status}`);
    this.detail = body?.detail || '';
    this.violations = body?.violations || [];
  }
}

export class Gateway {
  constructor(baseUrl, token) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.token = token;
    this.known = new Map(); // path -> {etag, data}: the last good answer, revalidated with If-None-Match
  }

  /**
   * GET a JSON read. Answers {data, status, xCache, age, complete}: status 304 when the data we hold is still the
   * gateway's, in which case data is the held copy.
   */
  async read(path) {
    const held = this.known.get(path);
    const headers = { Accept: 'application/json', Authorization: `Bearer ${this.token}` };
    if (held) {
      headers['If-None-Match'] = held.etag;
    }
    let response;
    try {
      response = await fetch(this.baseUrl + path, { headers });
    } catch (e) {
      throw new Problem(0, { detail: `${this.baseUrl} did not answer (${e.message})` });
    }
    const meta = {
      status: response.status,
      xCache: response.headers.get('X-Cache'),
      age: response.headers.get('Age'),
      complete: response.headers.get('X-Complete'),
    };
    if (response.status === 304 && held) {
      return { ...meta, data: held.data };
    }
    if (!response.ok) {
      throw new Problem(response.status, await problemOf(response));
    }
    const data = await response.json();
    const etag = response.headers.get('ETag');
    if (etag) {
      this.known.set(path, { etag, data });
    }
    return { ...meta, data };
  }
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return { title: response.statusText || `HTTP ${response.status}` };
  }
}

/** A path segment, encoded. */
export const seg = (value) => encodeURIComponent(value);
