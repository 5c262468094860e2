// Approval cards: decide with a comment; the four-eyes rule is shown before the API enforces it.
import { api } from './api.js';
import { announce, clear, h, time } from './dom.js';
import { currentSession } from './auth.js';
import { stateBadge } from './progress.js';

/** Why the signed-in user may not decide this approval, or null when they may. */
export function whyCannotDecide(approval, session) {
  if (approval.startedBy === session.name) {
    return `Four eyes: you (${session.name}) started this run, so someone else with the role `
      + `"${approval.role}" must decide. The API refuses a decision from the run's starter.`;
  }
  if (!session.roles.includes(approval.role)) {
    return `Deciding needs the role "${approval.role}"; you have: ${session.roles.join(', ') || 'none'}.`;
  }
  return null;
}

export function approvalCard(approval, onDecided) {
  const session = currentSession();
  const id = approval.id;
  const blocked = whyCannotDecide(approval, session);
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const comment = h('textarea', { id: `comment-${id}`, name: 'comment', rows: 2, maxLength: 2000 });
  const noteId = `why-${id}`;

  async function decide(decision, button) {
    button.disabled = true;
    error.hidden = true;
    try {
      const decided = await api(
        `api/v1/runs/${encodeURIComponent(approval.runId)}/approvals/${encodeURIComponent(id)}`,
        { method: 'POST', body: { decision, comment: comment.value.trim() || undefined } },
      );
      announce(`${decided.state.toLowerCase()}: ${approval.stepId} of ${approval.incidentId}`);
      onDecided(decided);
    } catch (failure) {
      error.textContent = `Not decided: ${failure.message}`;
      error.hidden = false;
      button.disabled = false;
    }
  }

  const buttons = ['approve', 'reject'].map((decision) => {
    const button = h('button', {
      type: 'button',
      class: decision,
      disabled: Boolean(blocked),
      'aria-describedby': blocked ? noteId : null,
      dataset: { decision },
    }, decision === 'approve' ? 'Approve' : 'Reject');
    button.addEventListener('click', () => decide(decision, button));
    return button;
  });

  const preview = approval.accounts.slice(0, 10).map((account) => h('li', {},
    account.userPrincipalName,
    account.privilegedRoles.length ? h('span', { class: 'muted small' }, ` (${account.privilegedRoles.join(', ')})`) : null));
  const more = approval.accountCount - preview.length;

  return h('article', { class: 'card approval', dataset: { approvalId: id, runId: approval.runId }, 'aria-labelledby': `title-${id}` },
    h('h3', { id: `title-${id}` },
      `${approval.action} (step ${approval.stepId}) for ${approval.accountCount} account${approval.accountCount === 1 ? '' : 's'}`),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Run'), h('dd', {}, h('a', { href: `#/runs/${encodeURIComponent(approval.runId)}` }, approval.incidentId), ` · ${approval.playbook}`),
      h('dt', {}, 'State'), h('dd', {}, stateBadge(approval.state)),
      h('dt', {}, 'Needs role'), h('dd', {}, approval.role),
      h('dt', {}, 'Started by'), h('dd', {}, approval.startedBy),
      h('dt', {}, 'Requested'), h('dd', {}, time(approval.requestedAt)),
      h('dt', {}, 'Expires'), h('dd', {}, time(approval.expiresAt), ` (then ${approval.onTimeout})`)),
    preview.length ? h('ul', { class: 'accounts-preview', 'aria-label': 'Accounts it covers' }, preview,
      more > 0 ? h('li', { class: 'muted' }, `and ${more} more`) : null) : null,
    blocked ? h('p', { class: 'note', id: noteId }, blocked) : null,
    h('div', { class: 'decide' },
      h('label', { for: `comment-${id}` }, 'Comment'), comment,
      h('div', { class: 'buttons' }, buttons)),
    error);
}

/** The pending approvals, optionally of one run, into container; returns how many. */
export async function loadApprovals(container, { runId, signal, onChange = () => {} }) {
  const query = new URLSearchParams({ state: 'pending', limit: '100' });
  if (runId) query.set('run', runId);
  const page = await api(`api/v1/approvals?${query}`, { signal });
  const redraw = () => {
    clear(container, page.items.length
      ? page.items.map((approval) => approvalCard(approval, () => {
        page.items = page.items.filter((a) => a.id !== approval.id);
        redraw();
        onChange();
      }))
      : h('p', { class: 'muted empty' }, 'No approvals waiting.'));
  };
  // keep a half-typed comment: redraw only when the set of approvals changed
  const ids = page.items.map((a) => a.id).join(',');
  if (container.dataset.ids !== ids || !container.firstChild) {
    container.dataset.ids = ids;
    redraw();
  }
  return page.items.length;
}

export function renderApprovals(main, { signal, onChange }) {
  const list = h('div', { class: 'cards', id: 'approvals' });
  const message = h('p', { class: 'muted', role: 'status' });
  clear(main, h('h2', {}, 'Approvals waiting for a decision'), message, list);
  const refresh = () => loadApprovals(list, { signal, onChange }).then(() => { message.textContent = ''; })
    .catch((error) => { if (!signal.aborted) message.textContent = `Could not load approvals: ${error.message}`; });
  refresh();
  const timer = setInterval(refresh, 5000);
  signal.addEventListener('abort', () => clearInterval(timer));
}
