// Building the page from data without HTML strings: every value is text, never markup.

export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  return fill(element, ...children);
}

/** Replaces an element's content: nested lists flattened, null and false left out, everything else as text. */
export function fill(element, ...children) {
  element.replaceChildren(...children.flat(Infinity).filter((c) => c !== undefined && c !== null && c !== false)
    .map((c) => (c instanceof Node ? c : String(c))));
  return element;
}

export function table(headings, rows) {
  return h('table', {}, h('thead', {}, h('tr', {}, headings.map((title) => h('th', {}, title)))),
    h('tbody', {}, rows));
}

/** A status as a coloured badge: green when serving, blue while building, red when failed. */
export function statusBadge(status) {
  const kind = { available: 'ok', success: 'ok', completed: 'ok', building: 'info', processing: 'info',
    pending: 'info', queued: 'info', failed: 'bad', unavailable: 'warn' }[status] || '';
  return h('span', { class: `badge ${kind}`, 'data-status': status }, status ?? 'unknown');
}

export function formatTime(date) {
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** Quota amounts in their resource's unit: bytes for memory and storage, a count otherwise. */
export function quotaAmount(resource, limit) {
  if (/memory|storage/.test(resource) && limit >= 1024 ** 2) {
    const gib = limit / 1024 ** 3;
    return gib >= 1 ? `${+gib.toFixed(1)} GiB` : `${Math.round(limit / 1024 ** 2)} MiB`;
  }
  return limit.toLocaleString();
}
