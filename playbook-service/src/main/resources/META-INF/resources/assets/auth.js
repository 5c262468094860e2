// Who is signed in: a bearer token kept for this tab only (sessionStorage), from the OIDC provider
// (authorization code + PKCE, done here in the browser) or, on the local stack, from dev sign-in.

const SESSION = 'cordon.session';
const PENDING_OIDC = 'cordon.oidc.pending';

/** The session while its token is valid for at least a few more seconds, else null. */
export function currentSession() {
  const session = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
  if (!session) return null;
  if (session.expiresAt && session.expiresAt * 1000 < Date.now() + 5000) {
    signOut();
    return null;
  }
  return session;
}

export function signOut() {
  sessionStorage.removeItem(SESSION);
}

/** The claims of a JWT, read only to show who is signed in; the API verifies the token. */
export function claimsOf(token) {
  const part = token.split('.')[1] || '';
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/**
 * The identity the API compares for four eyes, never a name: Entra's tenant and object id, else
 * the issuer and subject (the same rule as the services' TokenIdentity).
 */
export function identityOf(claims) {
  if (claims.tid && claims.oid) return `entra:${claims.tid.toLowerCase()}/${claims.oid.toLowerCase()}`;
  if (claims.iss && claims.sub) return `iss:${claims.iss} ${claims.sub}`;
  return null;
}

/** The signed-in user's identity (computed from the token for sessions saved without it). */
export function sessionIdentity(session) {
  return session.id || identityOf(claimsOf(session.token));
}

export function saveSession(token, source) {
  const claims = claimsOf(token);
  const roles = [...new Set([...(claims.groups || []), ...(claims.roles || [])])];
  // the same name the API records as a run's starter or an approval's decider
  const name = claims.upn || claims.preferred_username || claims.sub;
  const session = { token, source, name, id: identityOf(claims), roles, expiresAt: claims.exp };
  sessionStorage.setItem(SESSION, JSON.stringify(session));
  return session;
}

export async function devSignIn(name, role) {
  const response = await fetch('dashboard/dev-sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ name, role }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const field = body.errors && body.errors[0];
    throw new Error(field ? `${field.field} ${field.message}` : body.detail || `HTTP ${response.status}`);
  }
  return saveSession(body.accessToken, 'dev');
}

function base64url(bytes) {
  let text = '';
  new Uint8Array(bytes).forEach((b) => { text += String.fromCharCode(b); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomToken(byteCount) {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

function redirectUri() {
  return `${window.location.origin}${window.location.pathname}`;
}

async function discover(authority) {
  const response = await fetch(`${authority}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`The sign-in provider answered ${response.status}`);
  return response.json();
}

/** Sends the browser to the provider; it comes back to this page with ?code=&state=. */
export async function beginOidcSignIn(oidc) {
  const provider = await discover(oidc.authority);
  const verifier = randomToken(48);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const pending = {
    verifier,
    state: randomToken(24),
    nonce: randomToken(24),
    tokenEndpoint: provider.token_endpoint,
    returnTo: window.location.hash,
  };
  sessionStorage.setItem(PENDING_OIDC, JSON.stringify(pending));
  const url = new URL(provider.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: oidc.clientId,
    redirect_uri: redirectUri(),
    scope: oidc.scopes,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

/** On the way back from the provider: trades the code for tokens. False when not returning. */
export async function completeOidcSignIn(oidc) {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('code') && !params.has('error')) return false;
  const pending = JSON.parse(sessionStorage.getItem(PENDING_OIDC) || 'null');
  sessionStorage.removeItem(PENDING_OIDC);
  // the code must not stay in the address bar or the history
  window.history.replaceState(null, '', window.location.pathname + ((pending && pending.returnTo) || ''));
  if (params.has('error')) {
    throw new Error(`Sign-in refused: ${params.get('error')} ${params.get('error_description') || ''}`);
  }
  if (!oidc || !pending || pending.state !== params.get('state')) {
    throw new Error('The sign-in answer does not match a sign-in started here; please sign in again.');
  }
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri(),
      client_id: oidc.clientId,
      code_verifier: pending.verifier,
    }).toString(),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    throw new Error(`The sign-in provider refused the code: ${body.error || response.status}`);
  }
  saveSession(body.access_token, 'oidc');
  return true;
}
