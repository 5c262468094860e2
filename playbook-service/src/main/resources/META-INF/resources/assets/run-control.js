// A responder's hands on a run: pause and resume it, retry a failed step, exclude an account or
// mark it done by hand. Every action takes the reason typed in the one field of the panel; the API
// records it and refuses an action without one.
import { api, isFinalRun } from './api.js';
import { announce, clear, h } from './dom.js';
import { currentSession } from './auth.js';

const CONTROL_ROLES = ['responder', 'admin'];

/** Whether the signed-in user may control runs (the API allows responder and admin). */
export function mayControl() {
  const session = currentSession();
  return Boolean(session) && session.roles.some((role) => CONTROL_ROLES.includes(role));
}

/**
 * The control panel of a run; returns { element, draw(run), retryButton(step), accountButtons(account) }.
 * onChanged(run) gets the run as the API answered.
 */
export function runControls(runId, onChanged) {
  const reason = h('input', { id: 'control-reason', name: 'reason', type: 'text', maxLength: 1000,
    placeholder: 'Why (recorded with the action)', size: 50 });
  const pause = h('button', { type: 'button', id: 'pause-run' }, 'Pause run');
  const status = h('p', { role: 'status', id: 'control-status', class: 'muted' });
  const error = h('p', { class: 'error', role: 'alert', id: 'control-error', hidden: true });
  const element = h('section', { 'aria-labelledby': 'control-title', id: 'run-control', hidden: true },
    h('h3', { id: 'control-title' }, 'Run control'),
    h('div', { class: 'toolbar' }, h('label', { for: 'control-reason' }, 'Reason'), reason, pause),
    status, error);
  let current = null;

  async function act(path, what, button) {
    error.hidden = true;
    if (!reason.value.trim()) {
      error.textContent = `${what}: give a reason first; it is recorded with the action.`;
      error.hidden = false;
      reason.focus();
      return;
    }
    if (button) button.disabled = true;
    try {
      const run = await api(`api/v1/runs/${encodeURIComponent(runId)}/${path}`,
        { method: 'POST', body: { reason: reason.value.trim() } });
      reason.value = '';
      announce(`${what}: done`);
      status.textContent = `${what}: done.`;
      onChanged(run);
    } catch (failure) {
      error.textContent = `${what}: ${failure.message}`;
      error.hidden = false;
    } finally {
      if (button) button.disabled = false;
    }
  }

  pause.addEventListener('click', () => (current && current.paused
    ? act('resume', 'Resume run', pause) : act('pause', 'Pause run', pause)));

  function draw(run) {
    current = run;
    // a finished run can still have a step retried or an account marked done; a cancelled one not
    element.hidden = !mayControl() || run.state === 'CANCELLED';
    pause.hidden = isFinalRun(run.state);
    pause.textContent = run.paused ? 'Resume run' : 'Pause run';
    pause.dataset.paused = String(Boolean(run.paused));
  }

  function retryButton(step) {
    const failed = (step.counts.FAILED || 0) + (step.counts.REQUIRES_MANUAL || 0);
    if (!mayControl() || step.scope === 'run' || failed === 0 || (current && current.state === 'CANCELLED')) {
      return null;
    }
    const button = h('button', { type: 'button', class: 'small', dataset: { retry: step.id } },
      `Retry (${failed})`);
    button.addEventListener('click', () => act(`steps/${encodeURIComponent(step.id)}/retry`,
      `Retry step ${step.id}`, button));
    return button;
  }

  function accountButtons(account) {
    if (!mayControl() || account.settled || (current && current.state === 'CANCELLED')) {
      return account.settled
        ? h('div', { class: 'muted small' }, `${account.settled.as.replace('_', ' ').toLowerCase()} by `
          + `${account.settled.by}: ${account.settled.reason}`)
        : null;
    }
    const target = `accounts/${encodeURIComponent(account.objectId)}`;
    const exclude = h('button', { type: 'button', class: 'small', dataset: { exclude: account.objectId } }, 'Exclude');
    const done = h('button', { type: 'button', class: 'small', dataset: { markDone: account.objectId } }, 'Mark done');
    exclude.addEventListener('click', () => act(`${target}/exclude`, `Exclude ${account.userPrincipalName}`, exclude));
    done.addEventListener('click', () => act(`${target}/mark-done`, `Mark ${account.userPrincipalName} done`, done));
    return h('div', { class: 'buttons small' }, exclude, ' ', done);
  }

  return { element, draw, retryButton, accountButtons, clearStatus: () => clear(status) };
}
