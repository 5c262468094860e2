// The runs list: newest first; each row follows its run live while the run is not final.
import { api, isFinalRun, runWatcher } from './api.js';
import { clear, h, time } from './dom.js';
import { countChips, progressBar, stateBadge, tally } from './progress.js';

const PAGE = 25;
const LIST_REFRESH_MS = 10000;

export function renderRuns(main, { signal }) {
  const views = new Map(); // run id -> latest run view
  const tbody = h('tbody');
  const filter = h('input', { id: 'incident-filter', type: 'search', name: 'incident', autocomplete: 'off' });
  const message = h('p', { class: 'muted', role: 'status' });
  let items = [];

  clear(main,
    h('h2', {}, 'Runs'),
    h('form', {
      class: 'toolbar', role: 'search',
      onsubmit: (event) => { event.preventDefault(); load(); },
    },
    h('label', { for: 'incident-filter' }, 'Incident'), filter,
    h('button', { type: 'submit' }, 'Filter')),
    message,
    h('div', { class: 'table-wrap' },
      h('table', { class: 'runs stack', id: 'runs-table' },
        h('caption', { class: 'visually-hidden' }, 'Playbook runs, newest first, with progress per step'),
        h('thead', {}, h('tr', {},
          ['Incident', 'Playbook', 'Status', 'Started', 'Progress', 'Outcomes'].map((c) => h('th', { scope: 'col' }, c)))),
        tbody)));

  function row(item) {
    const view = views.get(item.id);
    const steps = view ? view.steps : [];
    const t = view ? tally(view.counts) : { ...tally({}), done: item.progress.done, total: item.progress.total };
    const incident = view ? view.incident : { id: item.incidentId };
    return h('tr', { dataset: { runId: item.id, state: view ? view.state : item.state } },
      h('td', { 'data-label': 'Incident' },
        h('a', { href: `#/runs/${encodeURIComponent(item.id)}` }, incident.id),
        incident.title ? h('div', { class: 'muted small' }, incident.title) : null),
      h('td', { 'data-label': 'Playbook' }, `${item.playbook.name} v${item.playbook.version}`),
      h('td', { 'data-label': 'Status' }, stateBadge(view ? view.state : item.state)),
      h('td', { 'data-label': 'Started' }, time(view ? view.startedAt || view.createdAt : item.createdAt)),
      h('td', { 'data-label': 'Progress', class: 'progress-cell' },
        progressBar(`Run ${incident.id} overall`, t.done, t.total, 'overall'),
        h('ul', { class: 'step-bars', 'aria-label': 'Progress per step' }, steps.map((step) => {
          const s = tally(step.counts);
          return h('li', { dataset: { step: step.id } },
            h('span', { class: 'step-name' }, step.id),
            progressBar(`Step ${step.id}`, s.done, s.total));
        }))),
      h('td', { 'data-label': 'Outcomes' }, countChips(t)));
  }

  function redraw() {
    // live updates redraw rows: keep a keyboard user's focus on the link they were on
    const focused = tbody.contains(document.activeElement) ? document.activeElement.getAttribute('href') : null;
    clear(tbody, items.map(row));
    if (focused) {
      const again = [...tbody.querySelectorAll('a')].find((link) => link.getAttribute('href') === focused);
      if (again) again.focus();
    }
  }

  // every run of the list that is not final, on the page's one event stream
  const watcher = runWatcher((view) => {
    views.set(view.id, view);
    const current = items.find((i) => i.id === view.id);
    if (current) current.state = view.state;
    redraw();
  }, signal);

  async function load() {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (filter.value.trim()) query.set('incident', filter.value.trim());
    try {
      const page = await api(`api/v1/runs?${query}`, { signal });
      items = page.items;
      message.textContent = items.length ? '' : 'No runs yet.';
      redraw();
      watcher.watch(items.filter((item) => !isFinalRun(item.state)).map((item) => item.id));
      for (const item of items) {
        const known = views.get(item.id);
        // final runs do not change: read once
        if (isFinalRun(item.state) && (!known || !isFinalRun(known.state))) {
          api(`api/v1/runs/${encodeURIComponent(item.id)}`, { signal })
            .then((view) => { views.set(item.id, view); redraw(); })
            .catch(() => {});
        }
      }
    } catch (error) {
      if (!signal.aborted) message.textContent = `Could not load runs: ${error.message}`;
    }
  }

  load();
  const timer = setInterval(load, LIST_REFRESH_MS);
  signal.addEventListener('abort', () => clearInterval(timer));
}
