// Partner notices of an incident, read by the browser from notification-service (its base URL
// comes from /dashboard/config; that service allows this origin by CORS).
import { api } from './api.js';
import { clear, h, time } from './dom.js';
import { stateBadge } from './progress.js';

const REFRESH_MS = 10000;

function lastError(delivery) {
  const attempts = delivery.attempts || [];
  const failed = [...attempts].reverse().find((a) => a.error);
  return delivery.finalReason || (failed ? failed.error : null);
}

export function renderNotices(container, { settings, signal }) {
  let incident = null;
  let timer = null;
  let last = 0;
  if (!settings.notificationsUrl) {
    clear(container, h('p', { class: 'muted' },
      'Partner notices are not shown: cordon.dashboard.notifications-url is not set.'));
  } else {
    clear(container, h('p', { class: 'muted' }, 'Loading partner notices…'));
  }

  async function load() {
    if (!incident || !settings.notificationsUrl || signal.aborted) return;
    last = Date.now();
    try {
      const page = await api(`/api/v1/notifications?${new URLSearchParams({ incident, limit: '200' })}`,
        { base: settings.notificationsUrl, signal });
      const rows = page.items.flatMap((notice) => notice.deliveries.map((delivery) => h('tr',
        { dataset: { notice: notice.id, partner: notice.partner.name } },
        h('th', { scope: 'row', 'data-label': 'Partner' }, notice.partner.name,
          h('div', { class: 'muted small' }, `notice ${notice.sequence}${notice.followUpOf ? ' (follow-up)' : ''} · ${notice.tlp}`)),
        h('td', { 'data-label': 'Channel' }, delivery.channel, delivery.recipient ? h('div', { class: 'muted small' }, delivery.recipient) : null),
        h('td', { 'data-label': 'Status' }, stateBadge(delivery.status)),
        h('td', { 'data-label': 'Attempts' }, String(delivery.attemptCount)),
        h('td', { 'data-label': 'Last error', class: 'reason' }, lastError(delivery) || '—'),
        h('td', { 'data-label': 'Next attempt' }, time(delivery.nextAttemptAt)))));
      clear(container, rows.length
        ? h('div', { class: 'table-wrap' }, h('table', { class: 'notices stack', id: 'notices-table' },
          h('caption', { class: 'visually-hidden' }, `Partner notices for ${incident}`),
          h('thead', {}, h('tr', {}, ['Partner', 'Channel', 'Status', 'Attempts', 'Last error', 'Next attempt']
            .map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, rows)))
        : h('p', { class: 'muted' }, 'No partner notices for this incident (yet).'));
    } catch (error) {
      if (!signal.aborted) {
        clear(container, h('p', { class: 'error' }, `Could not read partner notices: ${error.message}`));
      }
    }
  }

  signal.addEventListener('abort', () => clearInterval(timer));
  return {
    incident(id) {
      incident = id;
      load();
      timer = setInterval(load, REFRESH_MS);
    },
    /** The run moved: notices may have too; read again, at most every few seconds. */
    changed() {
      if (Date.now() - last > 3000) load();
    },
  };
}
