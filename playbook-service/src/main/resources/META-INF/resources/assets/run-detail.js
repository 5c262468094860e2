// One run: per-step progress, its approvals, its accounts with filters, what partners got of the
// run's notices and the incident's partner notices; follows the run's event stream so nothing needs a reload.
import { api, followRun } from './api.js';
import { clear, duration, h, tenantLine, showsTenants, time } from './dom.js';
import { loadApprovals } from './approvals.js';
import { countChips, progressBar, stateBadge, tally } from './progress.js';
import { renderNotices } from './notices.js';
import { renderDeliveries } from './deliveries.js';
import { runControls } from './run-control.js';

const ACCOUNT_PAGE = 50;
export const ACCOUNT_FILTERS = [
  { value: '', label: 'All accounts' },
  { value: 'FAILED', label: 'Failed' },
  { value: 'REQUIRES_MANUAL', label: 'Manual follow-up' },
  { value: 'WAITING_APPROVAL', label: 'Waiting for approval' },
  { value: 'WAITING,PENDING,IN_PROGRESS', label: 'Pending (not done yet)' },
];

export function renderRunDetail(main, runId, { settings, signal, onChange }) {
  const summary = h('section', { class: 'summary', 'aria-labelledby': 'run-title' });
  const steps = h('tbody');
  const approvals = h('div', { class: 'cards', id: 'run-approvals' });
  const accountsBody = h('tbody');
  const accountsHead = h('thead');
  const accountsStatus = h('p', { class: 'muted', role: 'status', id: 'accounts-status' });
  const more = h('button', { type: 'button', id: 'more-accounts', hidden: true }, 'Show more accounts');
  const filter = h('select', { id: 'account-filter', name: 'state' },
    ACCOUNT_FILTERS.map((f) => h('option', { value: f.value }, f.label)));
  const notices = h('div', { id: 'notices' });
  const deliveries = h('div', { id: 'partner-deliveries' });
  let run = null;
  let accounts = [];
  let next = null;
  let accountsTimer = null;
  let lastApprovalCount = null;
  const controls = runControls(runId, (view) => {
    run = view;
    drawSummary();
    loadAccounts().catch(showError);
  });

  clear(main,
    h('p', {}, h('a', { href: '#/runs' }, '← All runs')),
    summary,
    controls.element,
    h('section', { 'aria-labelledby': 'steps-title' },
      h('h3', { id: 'steps-title' }, 'Steps'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'steps stack', id: 'steps-table' },
        h('thead', {}, h('tr', {}, ['Step', 'Action', 'Progress', 'Outcomes', 'Started', 'Finished', 'Took', '']
          .map((c) => h('th', { scope: 'col' }, c)))),
        steps))),
    h('section', { 'aria-labelledby': 'run-approvals-title' },
      h('h3', { id: 'run-approvals-title' }, 'Approvals'), approvals),
    h('section', { 'aria-labelledby': 'accounts-title' },
      h('h3', { id: 'accounts-title' }, 'Accounts'),
      h('div', { class: 'toolbar' }, h('label', { for: 'account-filter' }, 'Show'), filter),
      accountsStatus,
      h('div', { class: 'table-wrap' }, h('table', { class: 'accounts stack', id: 'accounts-table' },
        h('caption', { class: 'visually-hidden' }, 'Accounts of the run and the outcome of each step'),
        accountsHead, accountsBody)),
      more),
    h('section', { 'aria-labelledby': 'notices-title' },
      h('h3', { id: 'notices-title' }, 'Partner notices'),
      h('h4', { id: 'deliveries-title' }, 'Delivered to partners (this run)'), deliveries,
      h('h4', { id: 'incident-notices-title' }, 'Notices of the incident'), notices));

  function drawSummary() {
    const t = tally(run.counts);
    clear(summary,
      h('h2', { id: 'run-title' }, 'Run for ',
        h('a', { href: `#/incidents/${encodeURIComponent(run.incident.id)}`, id: 'run-incident' }, run.incident.id),
        run.incident.title ? h('span', { class: 'subtitle' }, ` — ${run.incident.title}`) : null),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Status'), h('dd', { id: 'run-state' }, stateBadge(run.state),
          run.stateReason ? h('span', { class: 'muted' }, ` ${run.stateReason}`) : null,
          run.paused ? h('span', { class: 'note', id: 'run-paused' },
            ` Paused by ${run.paused.by}: ${run.paused.reason}`) : null),
        h('dt', {}, 'Playbook'), h('dd', {}, `${run.playbook.name} v${run.playbook.version}`),
        h('dt', {}, 'Severity'), h('dd', {}, run.incident.severity || '—'),
        h('dt', {}, 'Started by'), h('dd', {}, `${run.startedBy} (${run.source})`),
        h('dt', {}, 'Accounts'), h('dd', {}, String(run.accounts),
          run.chunks && run.chunks.received < run.chunks.expected
            ? ` (report chunks ${run.chunks.received} of ${run.chunks.expected})` : ''),
        h('dt', {}, 'Started'), h('dd', {}, time(run.startedAt || run.createdAt)),
        h('dt', {}, 'Finished'), h('dd', {}, time(run.finishedAt), ` (${duration(run.durationMs)})`)),
      progressBar('Whole run', t.done, t.total, 'overall'),
      countChips(t));
    clear(steps, run.steps.map((step) => {
      const s = tally(step.counts);
      return h('tr', { dataset: { step: step.id } },
        h('th', { scope: 'row', 'data-label': 'Step' }, step.id, step.scope === 'run' ? h('span', { class: 'muted small' }, ' (once per run)') : null),
        h('td', { 'data-label': 'Action' }, step.action),
        h('td', { 'data-label': 'Progress' }, progressBar(`Step ${step.id}`, s.done, s.total)),
        h('td', { 'data-label': 'Outcomes' }, countChips(s), runStepOutcome(step)),
        h('td', { 'data-label': 'Started' }, time(step.startedAt)),
        h('td', { 'data-label': 'Finished' }, time(step.finishedAt)),
        h('td', { 'data-label': 'Took' }, duration(step.durationMs)),
        h('td', { 'data-label': 'Control' }, controls.retryButton(step)));
    }));
    controls.draw(run);
  }

  // a once-per-run step's own word: a notify step waiting for its partners' deliveries says until
  // when and for whom; once it ended, why (which partners failed or were still retrying)
  function runStepOutcome(step) {
    const outcome = step.outcome;
    if (!outcome) return null;
    if (outcome.state === 'IN_PROGRESS' && step.action === 'NOTIFY_PARTNERS') {
      return h('div', { class: 'reason delivery-wait', dataset: { waiting: 'true' } },
        h('strong', {}, 'Waiting for delivery'),
        outcome.waitingUntil ? h('span', {}, ' until ', time(outcome.waitingUntil)) : null,
        outcome.reason ? h('div', { class: 'small' }, outcome.reason) : null);
    }
    if (!outcome.reason) return null;
    return outcome.reasonCode && outcome.reasonCode !== 'OK'
      ? h('div', { class: 'reason' }, h('code', {}, outcome.reasonCode), `: ${outcome.reason}`)
      : h('div', { class: 'reason small' }, outcome.reason);
  }

  function stepCell(step) {
    if (!step) return h('td', { class: 'muted' }, '—');
    const reason = step.reasonCode && step.reasonCode !== 'OK'
      ? h('div', { class: 'reason' }, h('code', {}, step.reasonCode), step.reasonMessage ? `: ${step.reasonMessage}` : '')
      : (step.reasonMessage ? h('div', { class: 'reason' }, step.reasonMessage) : null);
    return h('td', { 'data-label': step.stepId, dataset: { step: step.stepId, state: step.state } },
      stateBadge(step.state),
      step.attempt > 1 ? h('span', { class: 'muted small' }, ` attempt ${step.attempt}`) : null,
      reason,
      step.startedAt || step.finishedAt
        ? h('div', { class: 'times small' }, time(step.startedAt), ' → ', time(step.finishedAt)) : null);
  }

  function drawAccounts() {
    const stepIds = run.steps.filter((s) => s.scope !== 'run').map((s) => s.id);
    clear(accountsHead, h('tr', {}, h('th', { scope: 'col' }, 'Account'),
      stepIds.map((id) => h('th', { scope: 'col' }, id))));
    const tenants = showsTenants(accounts);
    clear(accountsBody, accounts.map((account) => h('tr', { dataset: { account: account.objectId } },
      h('th', { scope: 'row', 'data-label': 'Account' }, account.userPrincipalName,
        h('div', { class: 'muted small' }, account.objectId,
          account.onPremisesSynced ? ' · synced' : '', account.userType === 'GUEST' ? ' · guest' : '',
          account.privileged ? ' · privileged' : ''),
        tenantLine(account, tenants),
        controls.accountButtons(account)),
      stepIds.map((id) => stepCell(account.steps.find((s) => s.stepId === id))))));
    more.hidden = !next;
    const label = ACCOUNT_FILTERS.find((f) => f.value === filter.value).label.toLowerCase();
    accountsStatus.textContent = accounts.length
      ? `${accounts.length}${next ? '+' : ''} accounts (${label})`
      : `No accounts (${label}).`;
  }

  async function loadAccounts({ append = false } = {}) {
    const query = new URLSearchParams();
    // a live refresh re-reads as many as are shown, so the table does not shrink under the reader
    query.set('limit', String(append ? ACCOUNT_PAGE : Math.max(ACCOUNT_PAGE, Math.min(accounts.length, 1000))));
    if (filter.value) query.set('state', filter.value);
    if (append && next) query.set('cursor', next);
    const requested = filter.value;
    const page = await api(`api/v1/runs/${encodeURIComponent(runId)}/accounts?${query}`, { signal });
    if (requested !== filter.value) return; // the filter changed meanwhile
    accounts = append ? accounts.concat(page.items) : page.items;
    next = page.next;
    if (run) drawAccounts();
  }

  function refreshAccountsSoon() {
    if (accountsTimer) return;
    accountsTimer = setTimeout(() => {
      accountsTimer = null;
      loadAccounts().catch(() => {});
    }, 500);
  }

  const refreshApprovals = () => loadApprovals(approvals, { runId, signal, onChange: () => { onChange(); } })
    .catch(() => {});

  filter.addEventListener('change', () => { accounts = []; next = null; loadAccounts().catch(showError); });
  more.addEventListener('click', () => loadAccounts({ append: true }).catch(showError));

  function showError(error) {
    if (!signal.aborted) accountsStatus.textContent = `Could not load accounts: ${error.message}`;
  }

  const stopNotices = renderNotices(notices, { settings, signal });
  const runDeliveries = renderDeliveries(deliveries, runId, { signal });

  api(`api/v1/runs/${encodeURIComponent(runId)}`, { signal }).then((view) => {
    run = run || view;
    drawSummary();
    loadAccounts().catch(showError);
    refreshApprovals();
    stopNotices.incident(run.incident.id);
    runDeliveries.start(run);
    followRun(runId, (view) => {
      run = view;
      drawSummary();
      refreshAccountsSoon();
      const waiting = tally(view.counts).approval;
      if (waiting !== lastApprovalCount) {
        lastApprovalCount = waiting;
        refreshApprovals();
      }
      stopNotices.changed();
      runDeliveries.changed();
    }, signal);
  }).catch((error) => {
    if (!signal.aborted) clear(summary, h('h2', { id: 'run-title' }, 'Run not available'), h('p', { role: 'alert' }, error.message));
  });
}
