// Small DOM helpers: every value from the API goes in as text, never as HTML.

/** h('a', {href: '#'}, 'text', child) builds an element; attributes starting with "on" are listeners. */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name in element && !name.includes('-') && name !== 'list' && name !== 'form') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const pad = (n) => String(n).padStart(2, '0');

/** A <time> in the browser's zone, as YYYY-MM-DD HH:MM:SS; a dash when absent. */
export function time(iso) {
  if (!iso) return h('span', { class: 'muted' }, '—');
  const d = new Date(iso);
  const text = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} `
    + `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return h('time', { datetime: iso }, text);
}

export function duration(ms) {
  if (ms === null || ms === undefined) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** Tells screen readers what changed without moving focus. */
export function announce(text) {
  const region = document.getElementById('announce');
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}

/**
 * Whether a list of accounts shows their tenants: when they are in several, or in a named one. A
 * single-tenant deployment's one tenant is named "default" and stays out of the way.
 */
export function showsTenants(accounts) {
  const ids = new Set(accounts.map((a) => a.tenantId).filter(Boolean));
  return ids.size > 1 || accounts.some((a) => a.tenantName && a.tenantName !== 'default');
}

/** An account's tenant as "name (directory id)", or what of it is known. */
export function tenantLabel(account) {
  if (account.tenantName && account.tenantId) return `${account.tenantName} (${account.tenantId})`;
  return account.tenantName || account.tenantId || '—';
}

/** The tenant line under an account's name, or null when the list does not show tenants. */
export function tenantLine(account, shown) {
  return shown
    ? h('div', { class: 'muted small tenant', dataset: { tenant: account.tenantId || '' } },
      `Tenant ${tenantLabel(account)}`)
    : null;
}
