// The dashboard: signs in, then shows incidents, an incident, runs, a run, or the approvals inbox
// by the address's #hash.
import { api, whenSignedOut } from './api.js';
import { beginOidcSignIn, completeOidcSignIn, currentSession, devSignIn, signOut } from './auth.js';
import { clear, h } from './dom.js';
import { renderApprovals } from './approvals.js';
import { renderIncidentDetail } from './incident-detail.js';
import { renderIncidents } from './incidents.js';
import { renderRunDetail } from './run-detail.js';
import { renderRuns } from './runs.js';

const main = document.getElementById('main');
let settings = { notificationsUrl: null, oidc: null, devSignIn: null };
let current = null; // AbortController of the view on screen

function signInScreen(problem) {
  document.getElementById('nav').hidden = true;
  document.getElementById('user').hidden = true;
  const parts = [h('h2', {}, 'Sign in'),
    h('p', {}, 'Remediation status is shown to signed-in viewers, responders, approvers and admins only.')];
  if (problem) parts.push(h('p', { class: 'error', role: 'alert', id: 'sign-in-error' }, problem));
  if (settings.oidc) {
    parts.push(h('button', {
      type: 'button', id: 'oidc-sign-in', class: 'primary',
      onclick: () => beginOidcSignIn(settings.oidc).catch((error) => signInScreen(error.message)),
    }, 'Sign in with your organisation'));
  }
  if (settings.devSignIn) {
    const name = h('input', { id: 'dev-name', name: 'name', autocomplete: 'username', required: true, value: 'responder@cordon.local' });
    const role = h('select', { id: 'dev-role', name: 'role' },
      settings.devSignIn.roles.map((r) => h('option', { value: r }, r)));
    parts.push(h('form', {
      class: 'card dev-sign-in', 'aria-labelledby': 'dev-title',
      onsubmit: (event) => {
        event.preventDefault();
        devSignIn(name.value.trim(), role.value).then(start).catch((error) => signInScreen(error.message));
      },
    },
    h('h3', { id: 'dev-title' }, 'Dev sign-in (local stack only)'),
    h('p', { class: 'muted small' }, 'This service signs a short-lived token for the name and role you pick.'),
    h('label', { for: 'dev-name' }, 'Name'), name,
    h('label', { for: 'dev-role' }, 'Role'), role,
    h('button', { type: 'submit', class: 'primary', id: 'dev-sign-in' }, 'Sign in')));
  }
  if (!settings.oidc && !settings.devSignIn) {
    parts.push(h('p', { class: 'note' }, 'No sign-in is configured: set cordon.dashboard.oidc.authority and '
      + 'cordon.dashboard.oidc.client-id (or, on the local stack, cordon.dashboard.dev-sign-in.enabled).'));
  }
  clear(main, parts);
  main.focus();
}

async function refreshApprovalCount() {
  const badge = document.getElementById('approval-count');
  try {
    const page = await api('api/v1/approvals?state=pending&limit=1000');
    badge.textContent = page.items.length ? String(page.items.length) : '';
  } catch {
    badge.textContent = '';
  }
}

function route() {
  const session = currentSession();
  if (current) current.abort();
  if (!session) {
    signInScreen();
    return;
  }
  document.getElementById('nav').hidden = false;
  document.getElementById('user').hidden = false;
  document.getElementById('user-name').textContent = `${session.name} (${session.roles.join(', ') || 'no role'})`;
  current = new AbortController();
  const { signal } = current;
  const hash = window.location.hash || '#/runs';
  const runMatch = hash.match(/^#\/runs\/([^/]+)$/);
  const incidentMatch = hash.match(/^#\/incidents\/([^/]+)$/);
  const section = hash.replace(/^#\//, '').split('/')[0];
  document.querySelectorAll('#nav a').forEach((link) => {
    if (link.dataset.route === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
  if (incidentMatch) {
    renderIncidentDetail(main, decodeURIComponent(incidentMatch[1]), { signal });
  } else if (section === 'incidents') {
    renderIncidents(main, { signal });
  } else if (runMatch) {
    renderRunDetail(main, decodeURIComponent(runMatch[1]), { settings, signal, onChange: refreshApprovalCount });
  } else if (section === 'approvals') {
    renderApprovals(main, { signal, onChange: refreshApprovalCount });
  } else {
    renderRuns(main, { signal });
  }
  refreshApprovalCount();
}

function start() {
  route();
  main.focus();
}

async function boot() {
  try {
    const response = await fetch('dashboard/config', { headers: { Accept: 'application/json' } });
    settings = await response.json();
  } catch {
    // without settings only an existing session works
  }
  document.getElementById('sign-out').addEventListener('click', () => {
    signOut();
    route();
  });
  whenSignedOut(() => {
    if (current) current.abort();
    signInScreen('Your session ended; please sign in again.');
  });
  window.addEventListener('hashchange', () => { route(); main.focus(); });
  // a page left for another address or kept in the back-forward cache stops its stream and timers:
  // its open stream would otherwise hold one of the host's six connections the next page needs
  window.addEventListener('pagehide', () => {
    if (current) current.abort();
    current = null;
  });
  window.addEventListener('pageshow', (event) => { if (event.persisted) route(); });
  try {
    await completeOidcSignIn(settings.oidc);
  } catch (error) {
    signInScreen(error.message);
    return;
  }
  route();
}

boot();
