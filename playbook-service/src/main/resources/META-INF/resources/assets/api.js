// Calls to the Cordon APIs with the session's bearer token, and a Server-Sent Events reader built
// on fetch(): EventSource cannot send an Authorization header, and tokens never go in URLs.
import { currentSession, signOut } from './auth.js';

/** A refused call: status and the RFC 9457 problem body when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

let onSignedOut = () => {};
/** What to do when the API says the token is no longer good (expired, revoked, forged). */
export function whenSignedOut(handler) {
  onSignedOut = handler;
}

function headers(accept, extra = {}) {
  const session = currentSession();
  if (!session) {
    onSignedOut();
    throw new ApiError(401, { detail: 'Not signed in' });
  }
  return { Authorization: `Bearer ${session.token}`, Accept: accept, ...extra };
}

async function refusal(response) {
  if (response.status === 401) {
    signOut();
    onSignedOut();
  }
  const problem = await response.json().catch(() => null);
  return new ApiError(response.status, problem);
}

/** GET or POST JSON; base is another service's URL (notification-service), else this one. */
export async function api(path, { method = 'GET', body, base = '', signal } = {}) {
  const extra = body === undefined ? {} : { 'Content-Type': 'application/json' };
  const response = await fetch(`${base}${path}`, {
    method,
    headers: headers('application/json', extra),
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  if (!response.ok) throw await refusal(response);
  return response.json();
}

/** GET a file (e.g. the evidence export) as a Blob, with the session's token in the header. */
export async function download(path, accept, { signal } = {}) {
  const response = await fetch(path, { headers: headers(accept), signal });
  if (!response.ok) throw await refusal(response);
  return response.blob();
}

/**
 * Reads a text/event-stream, calling onEvent({event, data, id}) per event, until the server ends
 * the stream or signal aborts. Resolves when the stream ends.
 */
export async function readEvents(path, onEvent, signal) {
  const response = await fetch(path, {
    headers: headers('text/event-stream', { 'Cache-Control': 'no-cache' }),
    signal,
  });
  if (!response.ok) throw await refusal(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { event: 'message', data: [], id: null };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    // a line ends at CRLF, LF or CR (the SSE grammar); keep an unfinished last line for later
    const lines = buffer.split(/\r\n|\n|\r/);
    buffer = lines.pop();
    for (const line of lines) {
      if (line === '') {
        if (event.data.length) onEvent({ event: event.event, data: event.data.join('\n'), id: event.id });
        event = { event: 'message', data: [], id: null };
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let text = colon < 0 ? '' : line.slice(colon + 1);
        if (text.startsWith(' ')) text = text.slice(1);
        if (field === 'event') event.event = text;
        else if (field === 'data') event.data.push(text);
        else if (field === 'id') event.id = text;
      }
    }
  }
}

const FINAL = new Set(['SUCCEEDED', 'PARTIALLY_SUCCEEDED', 'FAILED', 'CANCELLED']);
export const isFinalRun = (state) => FINAL.has(state);

/**
 * Follows a run's progress: onRun(run) for each 'progress' event; reconnects after a dropped
 * stream until the run is final or signal aborts.
 */
export async function followRun(runId, onRun, signal) {
  let last = null;
  let delay = 1000;
  while (!signal.aborted) {
    try {
      await readEvents(`api/v1/runs/${encodeURIComponent(runId)}/events`, (message) => {
        if (message.event !== 'progress') return;
        last = JSON.parse(message.data);
        delay = 1000;
        onRun(last);
      }, signal);
    } catch (error) {
      if (signal.aborted || (error instanceof ApiError && error.status < 500)) return;
    }
    if (last && isFinalRun(last.state)) return;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 15000);
  }
}

/**
 * Follows several runs on one stream (GET /runs/events?run=): onRun(run) for each 'progress'
 * event; reconnects for the runs not final yet after a dropped stream, until all are final or
 * signal aborts.
 */
export async function followRuns(runIds, onRun, signal) {
  const open = new Set(runIds);
  let delay = 1000;
  while (!signal.aborted && open.size) {
    try {
      const query = new URLSearchParams({ run: [...open].join(',') });
      await readEvents(`api/v1/runs/events?${query}`, (message) => {
        if (message.event !== 'progress') return;
        const run = JSON.parse(message.data);
        delay = 1000;
        if (isFinalRun(run.state)) open.delete(run.id);
        onRun(run);
      }, signal);
    } catch (error) {
      if (signal.aborted || (error instanceof ApiError && error.status < 500)) return;
    }
    if (!open.size) return;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 15000);
  }
}

const MAX_RUNS_PER_STREAM = 50; // the server's cordon.engine.max-runs-per-event-stream

/**
 * A page's one event stream for the runs it shows: watch(ids) makes sure every run named is
 * followed, reopening the stream (never a second one) only when a run not followed yet appears;
 * runs that turn final leave the stream by themselves. Browsers give a host six connections over
 * HTTP/1.1: one stream per run would leave the page's own calls waiting for a free one.
 */
export function runWatcher(onRun, signal) {
  let following = new Set();
  let controller = null;
  return {
    /** runIds newest first: beyond the stream's bound, the oldest move with the page's re-reads. */
    watch(runIds) {
      if (signal.aborted) return;
      const wanted = new Set(runIds.slice(0, MAX_RUNS_PER_STREAM));
      if (controller && [...wanted].every((id) => following.has(id))) return;
      if (controller) controller.abort();
      controller = null;
      following = wanted;
      if (!wanted.size) return;
      const own = new AbortController();
      controller = own;
      signal.addEventListener('abort', () => own.abort(), { once: true });
      followRuns([...wanted], (run) => {
        // the server follows a run no more once it is final; a retry makes it a new one to watch
        if (isFinalRun(run.state)) wanted.delete(run.id);
        onRun(run);
      }, own.signal).finally(() => {
        if (controller === own) {
          controller = null;
          following = new Set();
        }
      });
    },
  };
}
