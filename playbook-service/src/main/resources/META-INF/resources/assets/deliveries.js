// What each partner got of this run's notices, as notification-service reported it back to the
// run (GET /api/v1/runs/{id}/partner-deliveries): delivered, or failed with the reason.
import { api } from './api.js';
import { clear, h, time } from './dom.js';
import { stateBadge } from './progress.js';

const REFRESH_MS = 10000;

export function renderDeliveries(container, runId, { signal }) {
  let timer = null;
  let last = 0;
  clear(container, h('p', { class: 'muted' }, 'Loading delivery results…'));

  async function load() {
    if (signal.aborted) return;
    last = Date.now();
    try {
      // one row per partner and channel: a page of 1,000 holds every partner of a run
      const page = await api(`api/v1/runs/${encodeURIComponent(runId)}/partner-deliveries?limit=1000`, { signal });
      const rows = page.items.map((d) => h('tr', { dataset: { partner: d.partnerId, state: d.state } },
        h('th', { scope: 'row', 'data-label': 'Partner' }, d.partnerId),
        h('td', { 'data-label': 'Channel' }, d.channel),
        h('td', { 'data-label': 'Result' }, stateBadge(d.state)),
        h('td', { 'data-label': 'Attempts' }, String(d.attempts)),
        h('td', { 'data-label': 'At' }, time(d.at)),
        h('td', { 'data-label': 'Reason', class: 'reason' }, d.reason || '—')));
      clear(container, rows.length
        ? h('div', { class: 'table-wrap' }, h('table', { class: 'deliveries stack', id: 'deliveries-table' },
          h('caption', { class: 'visually-hidden' }, 'What each partner got of this run\'s notices'),
          h('thead', {}, h('tr', {}, ['Partner', 'Channel', 'Result', 'Attempts', 'At', 'Reason']
            .map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, rows)))
        : h('p', { class: 'muted' }, 'No delivery results reported for this run (yet).'));
    } catch (error) {
      if (!signal.aborted) {
        clear(container, h('p', { class: 'error' }, `Could not read delivery results: ${error.message}`));
      }
    }
  }

  signal.addEventListener('abort', () => clearInterval(timer));
  return {
    /** The run is known; a run whose playbook has no notify step has nothing to show. */
    start(run) {
      if (!run.steps.some((step) => step.action === 'NOTIFY_PARTNERS')) {
        clear(container, h('p', { class: 'muted' }, 'This run\'s playbook notifies no partners.'));
        return;
      }
      load();
      // results arrive until long after the run is final, when its event stream has ended
      timer = setInterval(load, REFRESH_MS);
    },
    /** The run moved: re-read, at most every few seconds. */
    changed() {
      if (timer && Date.now() - last > 3000) load();
    },
  };
}
