// Sign-in through the user pool's hosted sign-in: the OAuth 2.0 authorization code grant with
// PKCE (RFC 7636). The ID token lives in this module's memory only, never in localStorage: a
// script injected into the page finds no stored token, and a reload signs in again (the hosted
// sign-in remembers the browser, so that is a redirect, not a password).

const PENDING = 'mmn.intern.signin';   // verifier, state and the page to return to, across the redirect
let settings = null;
let session = null;                    // { idToken, expiresAt, caller }

/** The sign-in settings: /intern/config.json, written from the stack's outputs (locally served by the runner). */
async function config() {
  if (!settings) {
    const response = await fetch('/intern/config.json', { cache: 'no-store' });
    if (!response.ok) {
      throw new SignInProblem('Inloggen is niet ingesteld', 'Deze omgeving mist /intern/config.json met de inlogpagina en de app client.');
    }
    settings = await response.json();
  }
  return settings;
}

export class SignInProblem extends Error {
  constructor(title, detail) {
    super(title);
    this.title = title;
    this.detail = detail;
  }
}

const redirectUri = () => `${location.origin}/intern/`;

/** Sends the browser to the hosted sign-in; it comes back to /intern/ with a code. */
export async function signIn(returnTo = location.hash) {
  const { signInUrl, clientId } = await config();
  const verifier = randomString(48);
  const state = randomString(24);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(`${signInUrl}/oauth2/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri(),
    scope: 'openid email profile',
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  });
  location.assign(url);
}

/**
 * Finishes a sign-in when the hosted sign-in sent the browser back: checks the state, trades the
 * code and verifier for tokens, and takes the code out of the address bar. Resolves to false when
 * the address carries no sign-in.
 */
export async function completeSignIn() {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) {
    return false;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `/intern/${pending?.returnTo ?? ''}`);
  if (query.has('error')) {
    throw new SignInProblem('Inloggen is niet gelukt', query.get('error_description') ?? 'De inlogpagina weigerde de aanmelding.');
  }
  if (!pending || query.get('state') !== pending.state) {
    // Not the sign-in this tab started (an old or forged link): start a fresh one instead.
    throw new SignInProblem('Inloggen is niet afgerond', 'Deze aanmelding hoort niet bij dit venster. Log opnieuw in.');
  }
  const { signInUrl, clientId } = await config();
  const response = await fetch(`${signInUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: clientId,
      code: query.get('code'),
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) {
    throw new SignInProblem('Inloggen is niet afgerond', 'De inlogcode was niet meer geldig. Log opnieuw in.');
  }
  const { id_token: idToken } = await response.json();
  const claims = JSON.parse(new TextDecoder().decode(base64UrlBytes(idToken.split('.')[1])));
  session = {
    idToken,
    expiresAt: claims.exp * 1000,
    caller: { sub: claims.sub, email: claims.email ?? '', groups: claims['cognito:groups'] ?? [] },
  };
  return true;
}

/** The signed-in person, or null when nobody is (any more). */
export function current() {
  return session && Date.now() < session.expiresAt ? session : null;
}

/** Whether a sign-in happened in this page and has since run out. */
export function expired() {
  return session !== null && Date.now() >= session.expiresAt;
}

/** Forgets the token here and ends the hosted sign-in's session too, then lands on the signed-out page. */
export async function signOut() {
  const { signInUrl, clientId } = await config();
  session = null;
  const url = new URL(`${signInUrl}/logout`);
  url.search = new URLSearchParams({ client_id: clientId, logout_uri: `${location.origin}/intern/afgemeld.html` });
  location.assign(url);
}

/** Marks the session as over (the API answered 401 although the clock here thought it valid). */
export function endSession() {
  if (session) {
    session.expiresAt = 0;
  }
}

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

function randomString(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlBytes(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(base64 + '='.repeat((4 - base64.length % 4) % 4)), c => c.charCodeAt(0));
}
