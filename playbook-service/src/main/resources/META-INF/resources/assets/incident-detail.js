// One incident: its state and how far its accounts are contained, the accounts filtered by
// containment state, its runs with their controls, release, close, the evidence export and the
// timeline. Follows its runs that are not final on one event stream, so nothing needs a reload.
import { api, download, isFinalRun, runWatcher } from './api.js';
import { currentSession } from './auth.js';
import { announce, clear, h, tenantLine, showsTenants, time } from './dom.js';
import { countChips, progressBar, stateBadge, tally } from './progress.js';

export const CONTAINMENT_FILTERS = [
  { value: '', label: 'All accounts' },
  { value: 'IN_PROGRESS', label: 'Being contained' },
  { value: 'CONTAINED', label: 'Contained' },
  { value: 'PARTIAL', label: 'Partly contained' },
  { value: 'REQUIRES_MANUAL', label: 'Manual follow-up' },
  { value: 'UNCONTAINED', label: 'Not contained' },
  { value: 'RELEASED', label: 'Released' },
];
// an incident is CONTAINED when every account is in one of these (docs/api.md)
const SETTLED = ['CONTAINED', 'PARTIAL', 'REQUIRES_MANUAL', 'RELEASED'];
const RELEASABLE = ['CONTAINED', 'PARTIAL', 'REQUIRES_MANUAL'];
const ACCOUNT_PAGE = 50;
const TIMELINE_PAGE = 100;
const REFRESH_MS = 10000;

const hasRole = (...roles) => {
  const session = currentSession();
  return Boolean(session) && session.roles.some((role) => roles.includes(role));
};
// each control only for the roles the API allows it (docs/api.md)
const mayControlRuns = () => hasRole('responder', 'admin');
const mayRespond = () => hasRole('responder'); // close, release, contain again
const mayExport = () => hasRole('viewer', 'responder', 'admin');

export function renderIncidentDetail(main, incidentId, { signal }) {
  const path = `api/v1/incidents/${encodeURIComponent(incidentId)}`;
  const summary = h('section', { class: 'summary', 'aria-labelledby': 'incident-title' });
  const reason = h('input', { id: 'incident-reason', name: 'reason', type: 'text', maxLength: 1000,
    placeholder: 'Why (recorded with the action)', size: 50 });
  const closeButton = h('button', { type: 'button', id: 'close-incident', hidden: true }, 'Close incident');
  const controlStatus = h('p', { role: 'status', id: 'incident-control-status', class: 'muted' });
  const controlError = h('p', { class: 'error', role: 'alert', id: 'incident-control-error', hidden: true });
  const control = h('section', { 'aria-labelledby': 'incident-control-title', id: 'incident-control', hidden: true },
    h('h3', { id: 'incident-control-title' }, 'Response'),
    h('p', { class: 'muted small' }, 'Every action below takes this reason; it is recorded with the action.'),
    h('div', { class: 'toolbar' }, h('label', { for: 'incident-reason' }, 'Reason'), reason, closeButton),
    controlStatus, controlError);
  const exportStatus = h('span', { class: 'muted small', role: 'status', id: 'export-status' });
  const exportJson = h('button', { type: 'button', id: 'export-json' }, 'Evidence (JSON)');
  const exportCsv = h('button', { type: 'button', id: 'export-csv' }, 'Timeline (CSV)');
  const exportBar = h('div', { class: 'toolbar', id: 'incident-export', hidden: true },
    h('span', {}, 'Download:'), exportJson, exportCsv, exportStatus);
  const runsBody = h('tbody');
  const accountsBody = h('tbody');
  const accountsStatus = h('p', { class: 'muted', role: 'status', id: 'incident-accounts-status' });
  const filter = h('select', { id: 'containment-filter', name: 'state' },
    CONTAINMENT_FILTERS.map((f) => h('option', { value: f.value }, f.label)));
  const moreAccounts = h('button', { type: 'button', id: 'more-incident-accounts', hidden: true }, 'Show more accounts');
  const timelineBody = h('tbody');
  const moreTimeline = h('button', { type: 'button', id: 'more-timeline', hidden: true }, 'Show more of the timeline');
  let incident = null;
  const runs = new Map(); // run id -> latest run view (steps, counts, paused)
  let accounts = [];
  let accountsNext = null;
  let timeline = [];
  let timelineNext = null;
  let refreshTimer = null;

  clear(main,
    h('p', {}, h('a', { href: '#/incidents' }, '← All incidents')),
    summary,
    exportBar,
    control,
    h('section', { 'aria-labelledby': 'incident-runs-title' },
      h('h3', { id: 'incident-runs-title' }, 'Runs'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'runs stack', id: 'incident-runs' },
        h('caption', { class: 'visually-hidden' }, 'Runs of the incident, newest first, with progress per step'),
        h('thead', {}, h('tr', {}, ['Run', 'Status', 'Started', 'Progress', 'Outcomes', 'Control']
          .map((c) => h('th', { scope: 'col' }, c)))),
        runsBody))),
    h('section', { 'aria-labelledby': 'incident-accounts-title' },
      h('h3', { id: 'incident-accounts-title' }, 'Accounts'),
      h('div', { class: 'toolbar' }, h('label', { for: 'containment-filter' }, 'Show'), filter),
      accountsStatus,
      h('div', { class: 'table-wrap' }, h('table', { class: 'accounts stack', id: 'incident-accounts' },
        h('caption', { class: 'visually-hidden' }, 'Accounts of the incident and their containment'),
        h('thead', {}, h('tr', {}, ['Account', 'Containment', 'Since', 'Contained', 'Run', 'Control']
          .map((c) => h('th', { scope: 'col' }, c)))),
        accountsBody)),
      moreAccounts),
    h('section', { 'aria-labelledby': 'timeline-title' },
      h('h3', { id: 'timeline-title' }, 'Timeline'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'timeline stack', id: 'incident-timeline' },
        h('caption', { class: 'visually-hidden' }, 'Who did what when in the incident, oldest first'),
        h('thead', {}, h('tr', {}, ['When', 'Who', 'What', 'Account', 'Result', 'Reason']
          .map((c) => h('th', { scope: 'col' }, c)))),
        timelineBody)),
      moreTimeline));

  // ---- actions: all take the one reason; the API records it and refuses an action without one

  async function act(url, what, button, method = 'POST') {
    controlError.hidden = true;
    if (!reason.value.trim()) {
      controlError.textContent = `${what}: give a reason first; it is recorded with the action.`;
      controlError.hidden = false;
      reason.focus();
      return null;
    }
    if (button) button.disabled = true;
    try {
      const answer = await api(url, { method, body: { reason: reason.value.trim() } });
      reason.value = '';
      announce(`${what}: done`);
      controlStatus.textContent = `${what}: done.`;
      refreshSoon(0);
      return answer;
    } catch (failure) {
      controlError.textContent = `${what}: ${failure.message}`;
      controlError.hidden = false;
      return null;
    } finally {
      if (button) button.disabled = false;
    }
  }

  const runUrl = (runId, rest) => `api/v1/runs/${encodeURIComponent(runId)}/${rest}`;

  async function runAction(runId, rest, what, button) {
    const view = await act(runUrl(runId, rest), what, button);
    if (view && view.id) {
      runs.set(view.id, view);
      drawRuns();
    }
  }

  closeButton.addEventListener('click', () => act(`${path}/close`, `Close incident ${incidentId}`, closeButton));

  async function exportEvidence(accept, extension, button) {
    button.disabled = true;
    exportStatus.textContent = 'Preparing…';
    try {
      const blob = await download(`${path}/evidence`, accept, { signal });
      const link = h('a', { href: URL.createObjectURL(blob),
        download: `evidence-${incidentId.replace(/[^A-Za-z0-9._-]/g, '_')}.${extension}` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      exportStatus.textContent = `Downloaded (${blob.size} bytes).`;
    } catch (failure) {
      if (!signal.aborted) exportStatus.textContent = `Could not export: ${failure.message}`;
    } finally {
      button.disabled = false;
    }
  }
  exportJson.addEventListener('click', () => exportEvidence('application/json', 'json', exportJson));
  exportCsv.addEventListener('click', () => exportEvidence('text/csv', 'csv', exportCsv));

  // ---- drawing

  function drawSummary() {
    const counts = incident.accounts || {};
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    const settled = SETTLED.reduce((sum, state) => sum + (counts[state] || 0), 0);
    clear(summary,
      h('h2', { id: 'incident-title' }, `Incident ${incident.id}`,
        incident.title ? h('span', { class: 'subtitle' }, ` — ${incident.title}`) : null),
      h('dl', { class: 'facts' },
        h('dt', {}, 'State'), h('dd', { id: 'incident-state' }, stateBadge(incident.state),
          incident.closedBy ? h('span', { class: 'muted' }, ` by ${incident.closedBy}: ${incident.closeReason || ''}`) : null),
        h('dt', {}, 'Severity'), h('dd', {}, incident.severity || '—'),
        h('dt', {}, 'Opened'), h('dd', {}, time(incident.openedAt)),
        h('dt', {}, 'Contained'), h('dd', {}, time(incident.containedAt)),
        h('dt', {}, 'Closed'), h('dd', {}, time(incident.closedAt)),
        h('dt', {}, 'Reports'), h('dd', {}, String((incident.reports || []).length))),
      progressBar('Accounts contained', settled, total, 'overall'),
      h('ul', { class: 'chips', 'aria-label': 'Accounts by containment state', id: 'containment-counts' },
        CONTAINMENT_FILTERS.filter((f) => f.value).map((f) => {
          const n = counts[f.value] || 0;
          return h('li', { class: `chip state-${f.value.toLowerCase()}${n ? '' : ' zero'}`, dataset: { count: f.value } },
            h('span', { class: 'chip-label' }, f.label.toLowerCase()), ' ', h('strong', {}, String(n)));
        })));
    control.hidden = !(mayControlRuns() || mayRespond());
    closeButton.hidden = !mayRespond() || incident.state === 'CLOSED';
    exportBar.hidden = !mayExport();
  }

  function runControls(item, view) {
    if (!mayControlRuns() || !view || view.state === 'CANCELLED') return null;
    const buttons = [];
    if (!isFinalRun(view.state)) {
      const pause = h('button', { type: 'button', class: 'small', dataset: { pause: view.id, paused: String(Boolean(view.paused)) } },
        view.paused ? 'Resume run' : 'Pause run');
      pause.addEventListener('click', () => (view.paused
        ? runAction(view.id, 'resume', `Resume run ${view.id}`, pause)
        : runAction(view.id, 'pause', `Pause run ${view.id}`, pause)));
      buttons.push(pause);
    }
    for (const step of view.steps) {
      const failed = (step.counts.FAILED || 0) + (step.counts.REQUIRES_MANUAL || 0);
      if (step.scope === 'run' || failed === 0) continue;
      const retry = h('button', { type: 'button', class: 'small', dataset: { retry: step.id, run: view.id } },
        `Retry ${step.id} (${failed})`);
      retry.addEventListener('click', () => runAction(view.id, `steps/${encodeURIComponent(step.id)}/retry`,
        `Retry step ${step.id}`, retry));
      buttons.push(retry);
    }
    return buttons.length ? h('div', { class: 'buttons' }, buttons) : null;
  }

  function drawRuns() {
    if (!incident) return;
    clear(runsBody, incident.runs.map((item) => {
      const view = runs.get(item.id);
      const state = view ? view.state : item.state;
      const t = view ? tally(view.counts) : { ...tally({}), done: item.progress.done, total: item.progress.total };
      return h('tr', { dataset: { run: item.id, state } },
        h('td', { 'data-label': 'Run' },
          h('a', { href: `#/runs/${encodeURIComponent(item.id)}` }, `${item.playbook.name} v${item.playbook.version}`),
          h('div', { class: 'muted small' }, `${item.source} · ${item.startedBy} · ${item.accounts} accounts`)),
        h('td', { 'data-label': 'Status' }, stateBadge(state),
          view && view.paused ? h('div', { class: 'note small', dataset: { pausedRun: item.id } },
            `Paused by ${view.paused.by}: ${view.paused.reason}`) : null),
        h('td', { 'data-label': 'Started' }, time(item.createdAt)),
        h('td', { 'data-label': 'Progress', class: 'progress-cell' },
          progressBar(`Run ${item.id} overall`, t.done, t.total, 'overall'),
          view ? h('ul', { class: 'step-bars', 'aria-label': 'Progress per step' }, view.steps.map((step) => {
            const s = tally(step.counts);
            return h('li', { dataset: { step: step.id } },
              h('span', { class: 'step-name' }, step.id), progressBar(`Step ${step.id}`, s.done, s.total));
          })) : null),
        h('td', { 'data-label': 'Outcomes' }, countChips(t)),
        h('td', { 'data-label': 'Control', class: 'control-cell' }, runControls(item, view)));
    }));
  }

  function accountControls(account) {
    const buttons = [];
    const run = account.runId ? runs.get(account.runId) : null;
    if (mayControlRuns() && account.runId && !(run && run.state === 'CANCELLED')
      && ['IN_PROGRESS', 'PARTIAL', 'REQUIRES_MANUAL'].includes(account.state)) {
      const target = `accounts/${encodeURIComponent(account.objectId)}`;
      const exclude = h('button', { type: 'button', class: 'small', dataset: { exclude: account.objectId } }, 'Exclude');
      const done = h('button', { type: 'button', class: 'small', dataset: { markDone: account.objectId } }, 'Mark done');
      exclude.addEventListener('click', () => runAction(account.runId, `${target}/exclude`,
        `Exclude ${account.userPrincipalName}`, exclude));
      done.addEventListener('click', () => runAction(account.runId, `${target}/mark-done`,
        `Mark ${account.userPrincipalName} done`, done));
      buttons.push(exclude, done);
    }
    if (mayRespond() && RELEASABLE.includes(account.state)) {
      const release = h('button', { type: 'button', class: 'small', dataset: { release: account.objectId } }, 'Release');
      release.addEventListener('click', async () => {
        const view = await act(`${path}/accounts/${encodeURIComponent(account.objectId)}/release`,
          `Release ${account.userPrincipalName} (an approver must agree)`, release);
        if (view) controlStatus.textContent += ` Release run ${view.id} waits for an approver.`;
      });
      buttons.push(release);
    }
    if (mayRespond() && account.runId && account.state !== 'IN_PROGRESS') {
      // new evidence of activity after containment: a new run with the playbook that contained it
      const again = h('button', { type: 'button', class: 'small', dataset: { recontain: account.objectId } }, 'Contain again');
      again.addEventListener('click', async () => {
        const view = await act(`${path}/accounts/${encodeURIComponent(account.objectId)}/recontain`,
          `Contain ${account.userPrincipalName} again`, again);
        if (view) controlStatus.textContent += ` Run ${view.id} contains it again.`;
      });
      buttons.push(again);
    }
    return buttons.length ? h('div', { class: 'buttons' }, buttons) : null;
  }

  function drawAccounts() {
    const tenants = showsTenants(accounts);
    clear(accountsBody, accounts.map((account) => h('tr', { dataset: { account: account.objectId, state: account.state } },
      h('th', { scope: 'row', 'data-label': 'Account' }, account.userPrincipalName || account.objectId,
        h('div', { class: 'muted small' }, account.objectId), tenantLine(account, tenants)),
      h('td', { 'data-label': 'Containment' }, stateBadge(account.state),
        account.reason ? h('div', { class: 'reason' }, h('code', {}, account.reason)) : null),
      h('td', { 'data-label': 'Since' }, time(account.since)),
      h('td', { 'data-label': 'Contained' }, time(account.containedAt)),
      h('td', { 'data-label': 'Run' }, account.runId
        ? h('a', { href: `#/runs/${encodeURIComponent(account.runId)}` }, account.runId.slice(0, 8)) : '—'),
      h('td', { 'data-label': 'Control', class: 'control-cell' }, accountControls(account)))));
    moreAccounts.hidden = !accountsNext;
    const label = CONTAINMENT_FILTERS.find((f) => f.value === filter.value).label.toLowerCase();
    accountsStatus.textContent = accounts.length
      ? `${accounts.length}${accountsNext ? '+' : ''} accounts (${label})`
      : `No accounts (${label}).`;
  }

  function drawTimeline() {
    clear(timelineBody, timeline.map((entry) => h('tr', { dataset: { seq: String(entry.seq), action: entry.action } },
      h('td', { 'data-label': 'When' }, time(entry.at)),
      h('td', { 'data-label': 'Who' }, entry.actor || '—'),
      h('td', { 'data-label': 'What' }, h('code', {}, entry.action)),
      h('td', { 'data-label': 'Account' }, entry.accountUpn || entry.accountId || '—'),
      h('td', { 'data-label': 'Result' }, entry.result || '—'),
      h('td', { 'data-label': 'Reason' }, entry.reason || ''))));
    moreTimeline.hidden = !timelineNext;
  }

  // ---- loading

  async function loadAccounts({ append = false } = {}) {
    const query = new URLSearchParams();
    query.set('limit', String(append ? ACCOUNT_PAGE : Math.max(ACCOUNT_PAGE, Math.min(accounts.length, 1000))));
    if (filter.value) query.set('state', filter.value);
    if (append && accountsNext) query.set('cursor', accountsNext);
    const requested = filter.value;
    const page = await api(`${path}/accounts?${query}`, { signal });
    if (requested !== filter.value) return; // the filter changed meanwhile
    accounts = append ? accounts.concat(page.items) : page.items;
    accountsNext = page.next;
    drawAccounts();
  }

  async function loadTimeline({ append = false } = {}) {
    const query = new URLSearchParams();
    query.set('limit', String(append ? TIMELINE_PAGE : Math.max(TIMELINE_PAGE, Math.min(timeline.length, 1000))));
    if (append && timelineNext) query.set('cursor', timelineNext);
    const page = await api(`${path}/timeline?${query}`, { signal });
    timeline = append ? timeline.concat(page.items) : page.items;
    timelineNext = page.next;
    drawTimeline();
  }

  // the incident's runs that are not final, on the page's one event stream
  const watcher = runWatcher((view) => {
    const before = runs.get(view.id);
    runs.set(view.id, view);
    drawRuns();
    // the accounts' containment and the timeline move with the run's counts and state
    if (!before || JSON.stringify(before.counts) !== JSON.stringify(view.counts)
      || before.state !== view.state || Boolean(before.paused) !== Boolean(view.paused)) {
      refreshSoon();
    }
  }, signal);

  async function loadIncident() {
    incident = await api(path, { signal });
    drawSummary();
    drawRuns();
    watcher.watch(incident.runs.filter((item) => !isFinalRun(item.state)).map((item) => item.id));
    for (const item of incident.runs) {
      const known = runs.get(item.id);
      // a final run changes only by a control (which answers with the run): read it once
      if (isFinalRun(item.state) && (!known || known.state !== item.state)) {
        api(`api/v1/runs/${encodeURIComponent(item.id)}`, { signal })
          .then((view) => { runs.set(item.id, view); drawRuns(); if (accounts.length) drawAccounts(); })
          .catch(() => {});
      }
    }
  }

  async function refresh() {
    try {
      await loadIncident();
      await Promise.all([loadAccounts(), loadTimeline()]);
    } catch (error) {
      if (signal.aborted) return;
      if (!incident) {
        clear(summary, h('h2', { id: 'incident-title' }, 'Incident not available'), h('p', { role: 'alert' }, error.message));
      } else {
        accountsStatus.textContent = `Could not refresh: ${error.message}`;
      }
    }
  }

  function refreshSoon(delay = 500) {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      refresh();
    }, delay);
  }

  filter.addEventListener('change', () => {
    accounts = [];
    accountsNext = null;
    loadAccounts().catch((error) => { accountsStatus.textContent = `Could not load accounts: ${error.message}`; });
  });
  moreAccounts.addEventListener('click', () => loadAccounts({ append: true }).catch(() => {}));
  moreTimeline.addEventListener('click', () => loadTimeline({ append: true }).catch(() => {}));

  refresh();
  // new reports and runs join the incident at any time
  const timer = setInterval(() => refreshSoon(0), REFRESH_MS);
  signal.addEventListener('abort', () => {
    clearInterval(timer);
    if (refreshTimer) clearTimeout(refreshTimer);
  });
}
