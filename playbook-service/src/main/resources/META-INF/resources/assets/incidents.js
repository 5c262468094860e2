// The incidents list: newest first, filterable by state; each links to the incident's page.
import { api } from './api.js';
import { clear, h, time } from './dom.js';
import { stateBadge } from './progress.js';

const PAGE = 50;
const LIST_REFRESH_MS = 10000;
const STATE_FILTERS = [
  { value: '', label: 'All incidents' },
  { value: 'OPEN', label: 'Open' },
  { value: 'CONTAINED', label: 'Contained' },
  { value: 'CLOSED', label: 'Closed' },
];

export function renderIncidents(main, { signal }) {
  const tbody = h('tbody');
  const message = h('p', { class: 'muted', role: 'status', id: 'incidents-status' });
  const filter = h('select', { id: 'incident-state-filter', name: 'state' },
    STATE_FILTERS.map((f) => h('option', { value: f.value }, f.label)));
  const more = h('button', { type: 'button', id: 'more-incidents', hidden: true }, 'Show more incidents');
  let items = [];
  let next = null;

  clear(main,
    h('h2', {}, 'Incidents'),
    h('div', { class: 'toolbar' }, h('label', { for: 'incident-state-filter' }, 'Show'), filter),
    message,
    h('div', { class: 'table-wrap' },
      h('table', { class: 'incidents stack', id: 'incidents-table' },
        h('caption', { class: 'visually-hidden' }, 'Incidents, newest first'),
        h('thead', {}, h('tr', {},
          ['Incident', 'Severity', 'State', 'Opened', 'Contained', 'Closed'].map((c) => h('th', { scope: 'col' }, c)))),
        tbody)),
    more);

  function row(item) {
    return h('tr', { dataset: { incident: item.id, state: item.state } },
      h('td', { 'data-label': 'Incident' },
        h('a', { href: `#/incidents/${encodeURIComponent(item.id)}` }, item.id),
        item.title ? h('div', { class: 'muted small' }, item.title) : null),
      h('td', { 'data-label': 'Severity' }, item.severity || '—'),
      h('td', { 'data-label': 'State' }, stateBadge(item.state)),
      h('td', { 'data-label': 'Opened' }, time(item.openedAt)),
      h('td', { 'data-label': 'Contained' }, time(item.containedAt)),
      h('td', { 'data-label': 'Closed' }, time(item.closedAt)));
  }

  async function load({ append = false } = {}) {
    // a refresh re-reads as many as are shown, so the list does not shrink under the reader
    const query = new URLSearchParams({
      limit: String(append ? PAGE : Math.max(PAGE, Math.min(items.length, 1000))),
    });
    if (filter.value) query.set('state', filter.value);
    if (append && next) query.set('cursor', next);
    const requested = filter.value;
    try {
      const page = await api(`api/v1/incidents?${query}`, { signal });
      if (requested !== filter.value) return;
      items = append ? items.concat(page.items) : page.items;
      next = page.next;
      more.hidden = !next;
      message.textContent = items.length ? '' : 'No incidents.';
      clear(tbody, items.map(row));
    } catch (error) {
      if (!signal.aborted) message.textContent = `Could not load incidents: ${error.message}`;
    }
  }

  filter.addEventListener('change', () => { items = []; next = null; load(); });
  more.addEventListener('click', () => load({ append: true }));
  load();
  const timer = setInterval(load, LIST_REFRESH_MS);
  signal.addEventListener('abort', () => clearInterval(timer));
}
