// Counts and progress bars shared by the runs list and the run detail.
import { h } from './dom.js';

const FINAL_STATES = ['SUCCEEDED', 'SKIPPED', 'REQUIRES_MANUAL', 'FAILED', 'CANCELLED'];

/** The five numbers the dashboard shows for a set of executions. */
export function tally(counts = {}) {
  const n = (state) => counts[state] || 0;
  const total = Object.values(counts).reduce((sum, value) => sum + value, 0);
  const done = FINAL_STATES.reduce((sum, state) => sum + n(state), 0);
  return {
    total,
    done,
    succeeded: n('SUCCEEDED'),
    manual: n('REQUIRES_MANUAL'),
    skipped: n('SKIPPED') + n('CANCELLED'),
    failed: n('FAILED'),
    // not final yet: held by an earlier step, an approval, due, or sent to account-service
    waiting: n('WAITING') + n('WAITING_APPROVAL') + n('PENDING') + n('IN_PROGRESS'),
    approval: n('WAITING_APPROVAL'),
  };
}

export function progressBar(label, done, total, extraClass = '') {
  const percent = total ? Math.round((done / total) * 100) : 0;
  return h('div', { class: `bar ${extraClass}` },
    h('progress', {
      max: Math.max(total, 1),
      value: done,
      'aria-label': `${label}: ${done} of ${total} done`,
      dataset: { done: String(done), total: String(total) },
    }),
    h('span', { class: 'bar-text', 'aria-hidden': 'true' }, `${done}/${total} (${percent} %)`));
}

export function countChips(t) {
  const chip = (name, value, css) => h('li', { class: `chip ${css}${value ? '' : ' zero'}`, dataset: { count: name } },
    h('span', { class: 'chip-label' }, name), ' ', h('strong', {}, String(value)));
  return h('ul', { class: 'chips', 'aria-label': 'Executions by outcome' },
    chip('succeeded', t.succeeded, 'ok'),
    chip('manual', t.manual, 'manual'),
    chip('skipped', t.skipped, 'skipped'),
    chip('failed', t.failed, 'failed'),
    chip('waiting', t.waiting, 'waiting'));
}

const STATE_LABELS = {
  PENDING: 'pending', RUNNING: 'running', WAITING_APPROVAL: 'waiting for approval',
  SUCCEEDED: 'succeeded', PARTIALLY_SUCCEEDED: 'partially succeeded', FAILED: 'failed',
  CANCELLED: 'cancelled', WAITING: 'waiting', IN_PROGRESS: 'in progress', SKIPPED: 'skipped',
  REQUIRES_MANUAL: 'manual follow-up', APPROVED: 'approved', REJECTED: 'rejected', EXPIRED: 'expired',
  DELIVERED: 'delivered', DISABLED: 'disabled',
  // incidents and the containment of their accounts
  OPEN: 'open', CONTAINED: 'contained', CLOSED: 'closed', PARTIAL: 'partial',
  UNCONTAINED: 'not contained', RELEASED: 'released',
};

export function stateBadge(state) {
  return h('span', { class: `badge state-${String(state).toLowerCase()}`, dataset: { state } },
    STATE_LABELS[state] || String(state).toLowerCase());
}
