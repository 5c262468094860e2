// Approval cards: decide with a comment; the four-eyes rule is shown before the API enforces it. A
// decision names the number of accounts the card showed: when more joined since, the API answers
// 409 and the card is drawn again with the new list for the approver to review.
import { api } from './api.js';
import { announce, clear, h, time } from './dom.js';
import { currentSession, sessionIdentity } from './auth.js';
import { stateBadge } from './progress.js';

// approval id -> { message, comment } of a decision refused because the list had grown
const outdated = new Map();

/** Whether the signed-in user started the run: by identity, as the API compares (names change). */
function startedTheRun(approval, session) {
  return approval.startedById
    ? approval.startedById === sessionIdentity(session)
    : approval.startedBy === session.name;
}

/** Why the signed-in user may not decide this approval, or null when they may. */
export function whyCannotDecide(approval, session) {
  if (startedTheRun(approval, session)) {
    return `Four eyes: you (${session.name}) started this run, so someone else with the role `
      + `"${approval.role}" must decide. The API refuses a decision from the run's starter.`;
  }
  if (!session.roles.includes(approval.role)) {
    return `Deciding needs the role "${approval.role}"; you have: ${session.roles.join(', ') || 'none'}.`;
  }
  return null;
}

/**
 * One approval. onOutdated({ message, comment }) is called when the API refused the decision
 * because accounts joined the approval after this card was drawn; note is such a refusal to show.
 */
export function approvalCard(approval, onDecided, onOutdated = () => {}, note = null) {
  const session = currentSession();
  const id = approval.id;
  const blocked = whyCannotDecide(approval, session);
  const error = h('p', { class: 'error', role: 'alert', hidden: !note }, note
    ? `Not decided: ${note.message} The list below is the new one.` : '');
  const comment = h('textarea', { id: `comment-${id}`, name: 'comment', rows: 2, maxLength: 2000 });
  if (note && note.comment) comment.value = note.comment;
  const noteId = `why-${id}`;

  async function decide(decision, button) {
    button.disabled = true;
    error.hidden = true;
    try {
      const decided = await api(
        `api/v1/runs/${encodeURIComponent(approval.runId)}/approvals/${encodeURIComponent(id)}`,
        {
          method: 'POST',
          // the accounts this card shows: the API refuses the decision when more joined since
          body: { decision, comment: comment.value.trim() || undefined, accountCount: approval.accountCount },
        },
      );
      announce(`${decided.state.toLowerCase()}: ${approval.stepId} of ${approval.incidentId}`);
      onDecided(decided);
    } catch (failure) {
      if (failure.status === 409 && failure.problem && (failure.problem.errors || [])
        .some((e) => e.field === 'accountCount')) {
        onOutdated({ message: failure.message, comment: comment.value });
        return;
      }
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
      ? page.items.map((approval) => {
        const note = outdated.get(approval.id) || null;
        outdated.delete(approval.id);
        return approvalCard(approval, () => {
          page.items = page.items.filter((a) => a.id !== approval.id);
          redraw();
          onChange();
        }, (refusal) => {
          // read the approvals again and draw them, whatever changed: the approver must see the new list
          outdated.set(approval.id, refusal);
          delete container.dataset.ids;
          loadApprovals(container, { runId, signal, onChange });
        }, note);
      })
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
