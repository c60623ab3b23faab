// The reference portal: sign in, the projects a token may see, a project's overview (polled and revalidated), and
// a deployment's versions with their effective variables.
import { Gateway, Problem, seg } from './api.js';
import { fill, formatTime, h, quotaAmount, statusBadge, table } from './dom.js';

const SESSION = 'ubiops-gateway-portal';
const params = new URLSearchParams(location.search);
/** Seconds between two reads of an overview; ?poll=N for another pace. */
const POLL_SECONDS = Math.max(1, Number(params.get('poll')) || 10);

const $ = (id) => document.getElementById(id);
let gateway = null;
let poller = null;

function start() {
  const saved = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
  $('api-url').value = params.get('api') || saved?.api || location.origin;
  $('signin-form').addEventListener('submit', signIn);
  $('signout').addEventListener('click', signOut);
  window.addEventListener('hashchange', route);
  if (saved) {
    connect(saved.api, saved.token).catch(showSignIn);
  } else {
    showSignIn();
  }
}

async function signIn(event) {
  event.preventDefault();
  try {
    await connect($('api-url').value.trim(), $('token').value.trim());
  } catch (problem) {
    showProblem(problem);
  }
}

async function connect(api, token) {
  const candidate = new Gateway(api, token);
  const me = (await candidate.read('/api/v1/me')).data;
  gateway = candidate;
  sessionStorage.setItem(SESSION, JSON.stringify({ api, token }));
  $('who-name').textContent = me.name || me.subject;
  $('who').hidden = false;
  $('signin').hidden = true;
  clearProblem();
  route();
}

function signOut() {
  sessionStorage.removeItem(SESSION);
  gateway = null;
  stopPolling();
  $('who').hidden = true;
  fill($('view'));
  $('token').value = '';
  showSignIn();
}

function showSignIn() {
  $('signin').hidden = false;
  fill($('crumbs'));
}

function showProblem(problem) {
  const box = $('problem');
  if (problem instanceof Problem) {
    fill(box, h('strong', {}, problem.status ? `${problem.status} ${problem.title}` : problem.title),
      problem.detail,
      problem.violations.length ? h('ul', {}, problem.violations.map((v) => h('li', {}, `${v.field}: ${v.message}`))) : null);
    box.dataset.status = problem.status;
  } else {
    fill(box, h('strong', {}, 'Something went wrong'), String(problem?.message || problem));
    delete box.dataset.status;
  }
  box.hidden = false;
}

function clearProblem() {
  $('problem').hidden = true;
}

function stopPolling() {
  clearTimeout(poller);
  poller = null;
}

/** #/ → projects; #/projects/p → overview; #/projects/p/deployments/d → versions and variables. */
function route() {
  if (!gateway) return;
  stopPolling();
  clearProblem();
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  let view;
  if (parts[0] === 'projects' && parts.length === 2) {
    view = showOverview(parts[1]);
  } else if (parts[0] === 'projects' && parts[2] === 'deployments' && parts.length === 4) {
    view = showDeployment(parts[1], parts[3]);
  } else {
    view = showProjects();
  }
  view.catch((problem) => {
    fill($('view'));
    showProblem(problem);
  });
}

function crumbs(...links) {
  fill($('crumbs'), links.map((link, i) => [i ? ' / ' : '', link]));
}

async function showProjects() {
  crumbs(h('a', { href: '#/' }, 'Projects'));
  const projects = (await gateway.read('/api/v1/projects')).data;
  fill($('view'), h('div', { class: 'card' }, h('h1', {}, 'Projects'),
    projects.length ? h('ul', { class: 'projects', id: 'projects' }, projects.map((p) =>
      h('li', {}, h('a', { href: `#/projects/${seg(p.name)}` }, p.name), ' ',
        h('span', { class: 'muted' }, p.description || ''))))
      : h('p', { class: 'muted' }, 'This token may see no project.')));
}

async function showOverview(project) {
  crumbs(h('a', { href: '#/' }, 'Projects'), h('a', { href: `#/projects/${seg(project)}` }, project));
  const path = `/api/v1/projects/${seg(project)}/overview`;
  let shown = null;
  const poll = async () => {
    try {
      const answer = await gateway.read(path);
      if (answer.status !== 304 || !shown) {
        shown = answer.data;
        renderOverview(project, shown);
      }
      clearProblem();
      renderFreshness(answer);
    } catch (problem) {
      if (!shown) throw problem;
      showProblem(problem); // keep the last overview on screen, and say why it is not refreshed
    }
    if (location.hash.startsWith(`#/projects/${seg(project)}`) && gateway) {
      poller = setTimeout(() => poll().catch(showProblem), POLL_SECONDS * 1000);
    }
  };
  await poll();
}

function renderFreshness(answer) {
  const stale = answer.xCache === 'STALE';
  const box = $('freshness');
  box.dataset.status = answer.status;
  box.dataset.cache = answer.xCache || '';
  fill(box,
    stale ? h('span', { class: 'badge warn', id: 'stale' }, `Stale · ${answer.age ?? '?'} s old`) : null,
    answer.status === 304 ? `Checked ${formatTime(new Date())}: unchanged (304)` : `Updated ${formatTime(new Date())}`,
    answer.xCache && !stale ? h('span', { class: 'muted' }, `· cache ${answer.xCache.toLowerCase()}${answer.age ? `, ${answer.age} s old` : ''}`) : null,
    stale ? h('span', {}, 'UbiOps did not answer; showing the last known state.') : null);
}

function renderOverview(project, o) {
  const missing = new Map((o.missing || []).map((m) => [m.part, m.reason]));
  const unavailable = (part) => h('span', { class: 'unavailable' }, `unavailable (${missing.get(part) || 'missing'})`);
  fill($('view'),
    h('div', { class: 'pagehead' },
      h('div', {}, h('h1', {}, o.project?.name || project), h('div', { class: 'muted' }, o.project?.description || '')),
      h('div', { class: 'freshness', id: 'freshness' })),
    o.complete ? null : h('div', { class: 'banner partial', id: 'missing' },
      h('strong', {}, 'Partial overview. '), 'UbiOps did not give: ',
      (o.missing || []).map((m, i) => [i ? ', ' : '', h('code', { 'data-part': m.part }, m.part), ` (${m.reason})`])),
    h('div', { class: 'grid' },
      stat('Deployments', o.resources ? o.resources.deployments : unavailable('resources'),
        o.resources ? `${o.resources.deploymentVersions} versions` : ''),
      stat('Requests, last 24 h', o.requests ? o.requests.total + (o.requests.truncated ? '+' : '') : unavailable('requests'),
        o.requests ? Object.entries(o.requests.byStatus).map(([s, n]) => `${n} ${s}`).join(' · ') : '', 'requests'),
      stat('Credits this period', o.credits ? o.credits.total.toLocaleString(undefined, { maximumFractionDigits: 2 }) : unavailable('credits'),
        o.credits?.periodStart ? `since ${o.credits.periodStart.slice(0, 10)}` : '', 'credits'),
      stat('Failed builds', o.failedBuilds.length, o.failedBuilds.length ? 'need attention' : 'none', 'failed-count')),
    h('div', { class: 'card section', id: 'deployments' }, h('h2', {}, 'Deployments'),
      o.deployments ? table(['Deployment', 'Versions', 'Credits'], o.deployments.map((d) => h('tr', { 'data-deployment': d.name },
        h('td', {}, h('a', { href: `#/projects/${seg(project)}/deployments/${seg(d.name)}` }, d.name),
          h('div', { class: 'muted' }, d.description || '')),
        h('td', {}, d.versions ? h('div', { class: 'versions' }, d.versions.map((v) => h('span', { class: 'version-chip' },
          v.version, v.default ? h('span', { class: 'default' }, 'DEFAULT') : null, statusBadge(v.status))))
          : unavailable(`deployments/${d.name}/versions`)),
        h('td', { class: 'mono' }, credits(o, d.name)))))
        : unavailable('deployments')),
    h('div', { class: 'card section', id: 'failed-builds' }, h('h2', {}, 'Failed builds'),
      o.failedBuilds.length ? table(['Deployment', 'Version', 'Revision', 'Message'], o.failedBuilds.map((f) => h('tr', {},
        h('td', {}, f.deployment), h('td', {}, f.version), h('td', { class: 'mono' }, (f.revision || '').slice(0, 8)),
        h('td', {}, f.errorMessage || ''))))
        : h('p', { class: 'muted' }, 'No version has a failed latest build.')),
    h('div', { class: 'card section', id: 'quotas' }, h('h2', {}, 'Quotas'),
      o.quotas ? table(['Resource', 'Limit'], o.quotas.map((q) => h('tr', {}, h('td', { class: 'mono' }, q.resource),
        h('td', {}, quotaAmount(q.resource, q.limit)))))
        : unavailable('quotas')));
}

function stat(label, value, sub, id) {
  return h('div', { class: 'card stat', id: id ? `stat-${id}` : null },
    h('h2', {}, label), h('div', { class: 'value' }, value), h('div', { class: 'sub' }, sub));
}

function credits(o, deployment) {
  const used = o.credits?.deployments.find((c) => c.deployment === deployment);
  return used ? used.credits.toLocaleString(undefined, { maximumFractionDigits: 2 }) : '–';
}

async function showDeployment(project, deployment) {
  crumbs(h('a', { href: '#/' }, 'Projects'), h('a', { href: `#/projects/${seg(project)}` }, project),
    h('a', { href: `#/projects/${seg(project)}/deployments/${seg(deployment)}` }, deployment));
  const base = `/api/v1/projects/${seg(project)}/deployments/${seg(deployment)}`;
  const versions = (await gateway.read(`${base}/versions`)).data;
  const variables = await Promise.all(versions.map((v) =>
    gateway.read(`${base}/versions/${seg(v.version)}/environment-variables/effective`).then((a) => a.data)));
  fill($('view'),
    h('div', { class: 'pagehead' }, h('h1', {}, deployment), h('span', { class: 'muted' }, `${versions.length} versions`)),
    versions.map((v, i) => h('div', { class: 'card section', 'data-version': v.version },
      h('div', { class: 'pagehead' },
        h('h1', {}, v.version, ' ', v.default ? h('span', { class: 'default' }, 'DEFAULT') : null),
        h('div', {}, statusBadge(v.status), ' ', h('span', { class: 'muted' }, v.environment || ''))),
      h('h2', {}, 'Effective environment variables'),
      variables[i].length ? table(['Name', 'Value', 'From', 'Shadows'], variables[i].map((e) => h('tr', { 'data-variable': e.name },
        h('td', { class: 'mono' }, e.name),
        h('td', { class: 'mono' }, e.secret ? h('span', { class: 'secret' }, 'hidden (secret)') : e.value),
        h('td', {}, level(e.source)), h('td', { class: 'muted' }, e.shadows.map(level).join(', ')))))
        : h('p', { class: 'muted' }, 'No variables.'))));
}

/** A variable's level and its owner: "deployment image-classifier". */
const level = (source) => `${source.level} ${source.name}`;

start();
