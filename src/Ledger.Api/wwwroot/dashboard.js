// The Ledger dashboard: charts, donations and audit findings, read only from the public /api/v1 endpoints.
'use strict';

const TEXT = {
  zh: {
    title: '抗疫捐赠台账', timeline: '捐赠时间线（按月）', topDonors: '捐赠最多的单位和个人', supplies: '物资（按类别和单位）',
    flows: '捐赠流向（捐赠方 → 受赠方）', donations: '捐赠明细', audit: '审计发现', search: '搜索', category: '物资类别',
    kind: '类型', any: '全部', gifts: '单笔捐赠', reportedTotals: '报告合计', minimum: '最低金额（元）', sort: '排序',
    byAmount: '金额从高到低', byDate: '日期从早到晚', byDateDesc: '日期从晚到早', donor: '捐赠方', amount: '金额', items: '物资',
    recipients: '受赠方', date: '日期', more: '加载更多', sourcesTitle: '来源', close: '关闭', showNumbers: '显示数据表',
    hideNumbers: '隐藏数据表', tableHint: '用 ↑ ↓ 在行间移动，按 Enter 查看来源。', cash: '现金', goods_value: '物资价值',
    combined: '款物合计', donationsCount: '捐赠笔数', quantity: '数量', month: '月份', unknownMonth: '日期不详', value: '金额（元）',
    source: '来源', target: '去向', line: '第 {0} 行', yuan: '元', revision: '版本 {0} · {1} 份文件 · {2} 笔捐赠',
    reported: '合计', noRows: '没有符合条件的捐赠。', names: '名称与别名', given: '捐出', received: '收到', mentions: '提及',
    asDonor: '捐赠方', asRecipient: '受赠方', asChannel: '经由', corrections: '更正记录', original: '原始数字', loading: '加载中…',
    failed: '无法读取台账：{0}', documentLines: '原文', joinReason: '合并原因', findings: '{0} 条', open: '查看来源',
    organization: '单位或个人', noRecipient: '未注明受赠方', sharedBy: '等{0}个受赠方（共享）', receivedShared: '与其他受赠方共同收到（{0}方共享）',
    otherDonors: '其他{0}个捐赠方', otherRecipients: '其他{0}个受赠方', sharedAmong: '{0}个受赠方共同收到，未分摊', receiving: '（受赠）',
    'repeated-reports': '多处报道的同一笔捐赠（已合并）', 'disagreeing-reports': '多处报道但数字不一致',
    'totals-against-gifts': '报告合计与所含单笔捐赠对照', 'incomplete-records': '缺少捐赠方或受赠方的记录',
    'unread-figures': '无法计入的数字（无金额或数量、外币）', 'merged-names': '按规则合并的名称',
  },
  en: {
    title: 'Relief donations ledger', timeline: 'Gifts per month', topDonors: 'Top donors', supplies: 'Supplies by category and unit',
    flows: 'Flows (donor → recipient)', donations: 'Donations', audit: 'Audit findings', search: 'Search', category: 'Category',
    kind: 'Kind', any: 'Any', gifts: 'Gifts', reportedTotals: 'Reported totals', minimum: 'Minimum (yuan)', sort: 'Sort',
    byAmount: 'Largest first', byDate: 'Oldest first', byDateDesc: 'Newest first', donor: 'Donor', amount: 'Amount', items: 'Goods',
    recipients: 'Recipients', date: 'Date', more: 'Load more', sourcesTitle: 'Sources', close: 'Close', showNumbers: 'Show the numbers',
    hideNumbers: 'Hide the numbers', tableHint: 'Move between rows with ↑ ↓; Enter shows the sources.', cash: 'Cash', goods_value: 'Goods value',
    combined: 'Cash and goods', donationsCount: 'Donations', quantity: 'Quantity', month: 'Month', unknownMonth: 'Date unknown', value: 'Yuan',
    source: 'From', target: 'To', line: 'line {0}', yuan: 'yuan', revision: 'revision {0} · {1} documents · {2} donations',
    reported: 'total', noRows: 'No donation matches.', names: 'Names and aliases', given: 'Given', received: 'Received', mentions: 'Mentions',
    asDonor: 'donor', asRecipient: 'recipient', asChannel: 'channel', corrections: 'Corrections', original: 'Original figure', loading: 'Loading…',
    failed: 'The ledger cannot be read: {0}', documentLines: 'Document text', joinReason: 'Joined because', findings: '{0} findings', open: 'Show sources',
    organization: 'Organization', noRecipient: 'Recipient not stated', sharedBy: 'and others: {0} receivers, shared', receivedShared: 'Received together with others ({0} receivers share it)',
    otherDonors: '{0} other donors', otherRecipients: '{0} other recipients', sharedAmong: 'received by {0} together, not split', receiving: ' (receiving)',
    'repeated-reports': 'Gifts reported more than once, joined into one donation', 'disagreeing-reports': 'Repeated reports whose figures differ',
    'totals-against-gifts': 'Reported totals beside the itemised gifts they cover', 'incomplete-records': 'Records with no giver or no receiver',
    'unread-figures': 'Gifts whose figure could not be counted (no amount or quantity, foreign currency)', 'merged-names': 'Names merged by the rules',
  },
};

const CATEGORIES = {
  mask: ['口罩', 'Masks'], protective_suit: ['防护服', 'Protective suits'], isolation_gown: ['隔离衣', 'Isolation gowns'],
  goggles: ['护目镜', 'Goggles'], face_shield: ['防护面屏', 'Face shields'], gloves: ['手套', 'Gloves'], cap_shoe_cover: ['帽子鞋套', 'Caps and shoe covers'],
  disinfectant: ['消毒液', 'Disinfectant'], alcohol: ['酒精', 'Alcohol'], thermometer: ['体温计', 'Thermometers'], medicine: ['药品', 'Medicine'],
  medical_equipment: ['医疗设备', 'Medical equipment'], food: ['食品', 'Food'], water_drinks: ['饮用水', 'Water and drinks'],
  living_supplies: ['生活用品', 'Living supplies'], other: ['其他物资', 'Other goods'],
};

const MARKS = { at_least: '≥', at_most: '≤', about: '≈', exact: '' };

const state = { language: 'zh', cursor: null, charts: {}, data: {} };

const $ = (selector, root = document) => root.querySelector(selector);
const t = (key, ...args) => (TEXT[state.language][key] ?? key).replace(/\{(\d)\}/g, (_, i) => args[i]);

// The ledger explains itself in English (why reports were joined, why a name was merged, why a
// figure went unread); in Chinese the page says the same in Chinese, rule by rule.
const SAID_IN_CHINESE = [
  [/^first report$/, () => '首次报道'],
  [/^same giver, (.+)$/, (_, rest) => `同一捐赠方，${rest.split(', ').map(part => saidInChinese(part)).join('，')}`],
  [/^cash (\S+) yuan agrees$/, (_, yuan) => `现金${yuan}元一致`],
  [/^goods value (\S+) yuan agrees$/, (_, yuan) => `物资价值${yuan}元一致`],
  [/^combined (\S+) yuan agrees$/, (_, yuan) => `款物合计${yuan}元一致`],
  [/^same date (\S+)$/, (_, date) => `日期同为${date}`],
  [/^(.+) agree$/, (_, goods) => `${goods}一致`],
  [/^as written$/, () => '按原文'],
  [/^as written before$/, () => '与此前的写法相同'],
  [/^full form$/, () => '全称'],
  [/^full form (.+)$/, (_, full) => `全称为${full}`],
  [/^decided by ([^:]+): (.+)$/, (_, who, why) => `由${who}决定：${why}`],
  [/^(.+) abbreviates (.+)$/, (_, short, full) => `${short}是${full}的简称`],
  [/^(.+) is relative to the report's city (.+)$/, (_, name, city) => `${name}指报道所在城市${city}的机构`],
  [/^(.+) is the local (.+)$/, (_, name, local) => `${name}指本地的${local}`],
  [/^named as the giver's representative or member \((.+)\) beside (.+)$/, (_, also, name) => `作为${name}的代表或成员（${also}）出现`],
  [/^no amount and no quantity$/, () => '没有金额，也没有数量'],
  [/^no quantity for (.+)$/, (_, goods) => `${goods}没有数量`],
  [/^not in yuan: (.+)$/, (_, figure) => `不是人民币：${figure}`],
  [/^beyond any one gift: (.+)$/, (_, figure) => `超出任何单笔捐赠的上限：${figure}`],
];

function saidInChinese(text) {
  for (const [pattern, say] of SAID_IN_CHINESE) {
    const match = pattern.exec(text);
    if (match) return say(...match);
  }
  return text;
}

// A sentence of the ledger's, in the page's language.
const said = text => (state.language === 'zh' && text ? saidInChinese(text) : text);
const categoryName = key => (CATEGORIES[key] ?? [key, key])[state.language === 'zh' ? 0 : 1];

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
}

async function get(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

// 2000000 → 200万, 125500000 → 1.26亿: how Chinese readers read amounts; on the English page 2M and
// 125.5M, as English readers do. The exact figure shows on hover.
function short(value) {
  const trim = n => Number(n.toFixed(2)).toLocaleString(state.language === 'zh' ? 'zh-CN' : 'en');
  const size = Math.abs(value);
  if (state.language !== 'zh') {
    if (size >= 1e9) return trim(value / 1e9) + 'B';
    if (size >= 1e6) return trim(value / 1e6) + 'M';
    if (size >= 1e4) return trim(value / 1e3) + 'K';
    return trim(value);
  }
  if (size >= 1e8) return trim(value / 1e8) + '亿';
  if (size >= 1e4) return trim(value / 1e4) + '万';
  return trim(value);
}

function exact(value) {
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

function money(amount) {
  if (!amount) return element('span', { class: 'none' }, '—');
  const mark = MARKS[amount.qualifier] ?? '';
  return element('span', { class: 'money', title: `${mark}${exact(amount.yuan)} ${t('yuan')}`, 'data-yuan': amount.yuan },
    mark ? element('span', { class: 'qualifier', 'aria-label': amount.qualifier.replace('_', ' ') }, mark) : null,
    `${short(amount.yuan)}${state.language === 'zh' ? '元' : ' yuan'}`);
}

function quantity(item) {
  if (item.quantity === null || item.quantity === undefined) return categoryName(item.category);
  return `${categoryName(item.category)} ${MARKS[item.qualifier] ?? ''}${short(item.quantity)}${item.unit}`;
}

// ---- charts -------------------------------------------------------------------------------------

const chartColors = ['#c23531', '#2f4554', '#61a0a8', '#d48265', '#91c7ae', '#749f83'];

// Tooltips stay inside their chart and wrap a long name instead of running off a phone's screen.
const tooltipBox = { className: 'chart-tooltip', confine: true, extraCssText: 'max-width: min(420px, 90vw); white-space: normal; overflow-wrap: anywhere;' };

function chart(id) {
  if (!state.charts[id]) state.charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
  return state.charts[id];
}

function numbersTable(id, head, rows) {
  const holder = document.getElementById(`${id}-table`);
  holder.replaceChildren(element('table', {},
    element('thead', {}, element('tr', {}, head.map(h => element('th', { scope: 'col' }, h)))),
    element('tbody', {}, rows.map(row => element('tr', {}, row.map((cell, i) => element(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}, cell)))))));
}

function describe(id, text) {
  document.getElementById(id).setAttribute('aria-label', text);
}

function seriesLabel(name) {
  return name === 'donations' ? t('donationsCount') : t(name);
}

function drawTimeline() {
  const data = state.data.timeline;
  const labels = data.labels.map(l => (l === 'unknown' ? t('unknownMonth') : l));
  const yuanSeries = data.series.filter(s => s.unit === 'yuan');
  chart('timeline').setOption({
    color: chartColors, aria: { enabled: true }, grid: { left: 60, right: 16, top: 40, bottom: 40 },
    tooltip: { ...tooltipBox, trigger: 'axis', valueFormatter: v => (v === null || v === undefined ? '—' : `${exact(v)} ${t('yuan')}`) },
    legend: { top: 0 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', axisLabel: { formatter: short } },
    series: yuanSeries.map(s => ({ name: seriesLabel(s.name), type: 'bar', stack: 'gifts', data: s.data })),
  }, true);
  numbersTable('timeline', [t('month'), ...data.series.map(s => seriesLabel(s.name))],
    labels.map((label, i) => [label, ...data.series.map(s => cell(s, i))]));
  describe('timeline', `${t('timeline')}: ${labels.join('、')}`);
}

function cell(series, i) {
  const value = series.data[i];
  if (value === null || value === undefined) return '—';
  if (series.unit !== 'yuan') return exact(value);
  return money({ yuan: value, qualifier: series.qualifiers[i] ?? 'exact' });
}

function drawDonors() {
  const data = state.data.donors;
  const yuanSeries = data.series.filter(s => s.unit === 'yuan');
  const chartInstance = chart('donors');
  chartInstance.setOption({
    color: chartColors, aria: { enabled: true }, grid: { left: 110, right: 24, top: 40, bottom: 24 },
    tooltip: { ...tooltipBox, trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => (v === null || v === undefined ? '—' : `${exact(v)} ${t('yuan')}`) },
    legend: { top: 0 },
    xAxis: { type: 'value', splitNumber: 4, axisLabel: { formatter: short, hideOverlap: true } },
    yAxis: { type: 'category', data: [...data.labels].reverse(), axisLabel: { width: 100, overflow: 'truncate' } },
    series: yuanSeries.map(s => ({ name: seriesLabel(s.name), type: 'bar', stack: 'given', data: [...s.data].reverse() })),
  }, true);
  chartInstance.off('click');
  chartInstance.on('click', params => showOrganization(data.keys[data.labels.length - 1 - params.dataIndex]));
  numbersTable('donors', [t('donor'), ...yuanSeries.map(s => seriesLabel(s.name))],
    data.labels.map((label, i) => [organizationButton(data.keys[i], label), ...yuanSeries.map(s => cell(s, i))]));
  describe('donors', `${t('topDonors')}: ${data.labels.join('、')}`);
}

const SUPPLIES_DRAWN = 12;

function drawSupplies() {
  const data = state.data.supplies;
  const quantities = data.series.find(s => s.name === 'quantity');
  const labels = data.keys.map(k => { const [category, unit] = k.split('|'); return `${categoryName(category)}（${unit}）`; });
  // Bars lie down so each label reads whole; the goods given most often are drawn, every one is in the table.
  // Quantities in different units are never added, so there is no "others" bar.
  const shown = labels.map((label, i) => ({ label, quantity: quantities.data[i], donations: data.series[1].data[i] }))
    .sort((a, b) => b.donations - a.donations).slice(0, SUPPLIES_DRAWN).reverse();
  chart('supplies').setOption({
    color: ['#61a0a8'], aria: { enabled: true }, grid: { left: 120, right: 24, top: 8, bottom: 24 },
    tooltip: { ...tooltipBox, trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => exact(v) },
    xAxis: { type: 'log', axisLabel: { formatter: short, hideOverlap: true } },
    yAxis: { type: 'category', data: shown.map(s => s.label), axisLabel: { width: 110, overflow: 'truncate', interval: 0 } },
    series: [{ name: t('quantity'), type: 'bar', data: shown.map(s => s.quantity) }],
  }, true);
  numbersTable('supplies', [t('items'), t('quantity'), t('donationsCount')],
    labels.map((label, i) => [label, `${MARKS[quantities.qualifiers[i]] ?? ''}${exact(quantities.data[i])}`, exact(data.series[1].data[i])]));
  describe('supplies', `${t('supplies')}: ${labels.join('、')}`);
}

// Text put into a tooltip, which ECharts reads as HTML: names come from the reports.
const escapeHtml = text => String(text).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);

// The flows chart draws the givers who gave most and the receivers who received most by name, every
// other as one node on each side: fewer on a phone. Nodes stand apart by more than a label's height,
// the givers' names to the right of their nodes and the receivers' to the left, each cut to half the
// room between them (the whole name in the tooltip), so no two labels meet; the chart grows with its nodes.
const FLOWS = { nodeWidth: 12, nodeGap: 20, fontSize: 12, lineHeight: 14, side: 4, edge: 12 };
const flowsDrawn = () => (document.getElementById('flows').clientWidth < 600 ? 7 : 12);

function flowNodeName(node) {
  if (node.side === 'other_donors') return t('otherDonors', exact(node.grouped));
  if (node.side === 'other_recipients') return t('otherRecipients', exact(node.grouped));
  if (node.side === 'shared') return `${node.members[0].name} ${t('sharedBy', node.members.length)}`;
  if (node.name === '未注明受赠方') return t('noRecipient');
  if (node.side === 'recipient' && node.name.endsWith('（受赠）')) return node.name.slice(0, -'（受赠）'.length) + t('receiving');
  return node.name;
}

// What the tooltip says of a node: its whole name, every member of a shared group, and the yuan through it.
function flowNodeTip(node, yuan) {
  const name = node.side === 'shared'
    ? `${node.members.map(m => escapeHtml(m.name)).join('、')}<br>${escapeHtml(t('sharedAmong', node.members.length))}`
    : escapeHtml(flowNodeName(node));
  return `${name}<br>${escapeHtml(exact(yuan))} ${escapeHtml(t('yuan'))}`;
}

function drawFlows() {
  const data = state.data.flows;
  const holder = document.getElementById('flows');
  const nodes = new Map(data.nodes.map(n => [n.name, n]));
  const giving = n => n.side === 'donor' || n.side === 'other_donors';
  const rows = Math.max(1, ...[true, false].map(side => data.nodes.filter(n => giving(n) === side).length));
  holder.style.height = `${Math.max(holder.clientWidth < 600 ? 280 : 360, rows * (FLOWS.nodeGap + 16) + 2 * FLOWS.edge)}px`;
  const instance = chart('flows');
  instance.resize();
  const labelWidth = Math.max(40, (holder.clientWidth - 2 * FLOWS.side - 2 * FLOWS.nodeWidth) / 2 - 16);
  const label = { width: labelWidth, overflow: 'truncate', fontSize: FLOWS.fontSize, lineHeight: FLOWS.lineHeight, color: '#1d2733', textBorderColor: '#fff', textBorderWidth: 2 };
  instance.setOption({
    aria: { enabled: true },
    tooltip: {
      ...tooltipBox, trigger: 'item',
      formatter: p => (p.dataType === 'edge'
        ? `${escapeHtml(flowNodeName(nodes.get(p.data.source)))} → ${escapeHtml(flowNodeName(nodes.get(p.data.target)))}<br>${escapeHtml(exact(p.data.value))} ${escapeHtml(t('yuan'))}`
        : flowNodeTip(nodes.get(p.name), p.value)),
    },
    series: [{
      type: 'sankey', left: FLOWS.side, right: FLOWS.side, top: FLOWS.edge, bottom: FLOWS.edge, nodeWidth: FLOWS.nodeWidth, nodeGap: FLOWS.nodeGap,
      // Nodes keep the API's order, largest first and the others last, instead of being moved to shorten the links.
      layoutIterations: 0, nodeAlign: 'justify', emphasis: { focus: 'adjacency' },
      data: data.nodes.map(n => ({ name: n.name, label: { ...label, position: giving(n) ? 'right' : 'left' } })),
      links: data.links.map(l => ({ source: l.source, target: l.target, value: l.value })),
      label: { ...label, formatter: p => flowNodeName(nodes.get(p.name)) }, lineStyle: { color: 'gradient', curveness: 0.5 },
    }],
  }, true);
  instance.off('click');
  instance.on('click', p => { if (p.dataType === 'node' && nodes.get(p.name)?.organization_id) showOrganization(nodes.get(p.name).organization_id); });
  numbersTable('flows', [t('source'), t('target'), t('value')],
    data.links.map(l => [flowNodeName(nodes.get(l.source)), flowNodeName(nodes.get(l.target)), money({ yuan: l.value, qualifier: l.qualifier })]));
  describe('flows', `${t('flows')}: ${data.nodes.map(flowNodeName).join('、')}`);
}

async function loadFlows() {
  state.flowsDrawn = flowsDrawn();
  state.data.flows = await get(`/api/v1/charts/flows?top_donors=${state.flowsDrawn}&top_recipients=${state.flowsDrawn}`);
}

async function loadCharts() {
  [state.data.timeline, state.data.donors, state.data.supplies] = await Promise.all([
    get('/api/v1/charts/timeline'), get('/api/v1/charts/top-donors?limit=10'), get('/api/v1/charts/supplies'), loadFlows(),
  ]);
  drawCharts();
}

function drawCharts() {
  drawTimeline();
  drawDonors();
  drawSupplies();
  drawFlows();
}

// ---- donations table ----------------------------------------------------------------------------

function donationsUrl(cursor) {
  const form = new FormData($('#filters'));
  const query = new URLSearchParams({ limit: '25' });
  for (const [name, value] of form) if (value !== '') query.set(name, value);
  if (cursor) query.set('cursor', cursor);
  return `/api/v1/donations?${query}`;
}

function organizationButton(id, name) {
  return element('button', { type: 'button', class: 'link', onclick: event => { event.stopPropagation(); showOrganization(id); } }, name);
}

function donationRow(donation) {
  const items = donation.items.map(quantity).join('、');
  const amount = donation.total > 0
    ? money({ yuan: donation.total, qualifier: [donation.cash, donation.goods_value, donation.combined].find(a => a && a.qualifier !== 'exact')?.qualifier ?? 'exact' })
    : element('span', { class: 'none' }, '—');
  return element('tr', {
    tabindex: '0', 'data-donation': donation.id,
    onclick: () => showDonation(donation.id),
    onkeydown: event => rowKey(event, donation.id),
  },
  element('td', {}, organizationButton(donation.donor.id, donation.donor.name), donation.aggregate ? element('span', { class: 'badge' }, t('reported')) : null),
  element('td', { class: 'number', 'data-label': t('amount') }, amount),
  element('td', { 'data-label': t('items') }, items || '—'),
  element('td', { 'data-label': t('recipients') }, donation.recipients.map(r => r.name).join('、') || '—'),
  element('td', { 'data-label': t('date') }, donation.date ?? donation.month ?? '—'));
}

function rowKey(event, id) {
  const row = event.currentTarget;
  if (event.key === 'ArrowDown' && row.nextElementSibling) { row.nextElementSibling.focus(); event.preventDefault(); }
  else if (event.key === 'ArrowUp' && row.previousElementSibling) { row.previousElementSibling.focus(); event.preventDefault(); }
  else if (event.key === 'Enter' || event.key === ' ') { showDonation(id); event.preventDefault(); }
}

async function loadDonations(append = false) {
  const page = await get(donationsUrl(append ? state.cursor : null));
  const body = $('#donations tbody');
  const rows = page.donations.map(donationRow);
  if (append) body.append(...rows);
  else body.replaceChildren(...(rows.length ? rows : [element('tr', {}, element('td', { colspan: '5', class: 'none' }, t('noRows')))]));
  state.cursor = page.next_cursor;
  $('#more').hidden = !state.cursor;
}

let filterTimer;
function filtersChanged() {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => loadDonations().catch(fail), 250);
}

async function loadCategories() {
  const supplies = await get('/api/v1/supplies?by=category');
  const select = $('#filter-category');
  for (const group of supplies) select.append(element('option', { value: group.key, 'data-category': group.key }, categoryName(group.key)));
}

// ---- sources ------------------------------------------------------------------------------------

function openSources(title, ...content) {
  const panel = $('#sources');
  $('#sources-title').textContent = title;
  $('#sources-body').replaceChildren(...content.filter(c => c !== null && c !== undefined));
  panel.hidden = false;
  panel.focus();
}

// The record's sentence is marked in the document's own lines: from its line on, as many lines as its text needs.
async function documentLines(documentId, line, sentence) {
  const excerpt = await get(`/api/v1/documents/${documentId}/lines?line=${line}&context=4`);
  let needed = sentence.replace(/\s/g, '').length;
  return element('ol', { class: 'lines', 'aria-label': t('documentLines') }, excerpt.lines.map(l => {
    const inSentence = l.number >= line && needed > 0;
    if (inSentence) needed -= l.text.replace(/\s/g, '').length;
    return element('li', { value: l.number, class: inSentence ? 'hit' : null },
      element('span', { class: 'number', 'aria-hidden': 'true' }, String(l.number)),
      inSentence ? element('mark', {}, l.text) : element('span', {}, l.text));
  }));
}

async function showDonation(id) {
  try {
    const detail = await get(`/api/v1/donations/${id}`);
    const d = detail.donation;
    const sources = await Promise.all(detail.sources.map(async s => element('section', { class: 'source' },
      element('h3', {}, `${s.document} · ${t('line', s.line)}`),
      element('blockquote', { class: 'sentence' }, s.sentence),
      s.join_reason ? element('p', { class: 'why' }, `${t('joinReason')}: ${said(s.join_reason)}`) : null,
      await documentLines(s.document_id, s.line, s.sentence))));
    const corrections = detail.corrections.length
      ? element('section', {}, element('h3', {}, t('corrections')), element('ul', {}, detail.corrections.map(c =>
        element('li', {}, `${c.corrected_at.slice(0, 10)} ${c.who}: ${c.field} → ${c.yuan === null ? '—' : exact(c.yuan)} (${c.why})`))))
      : null;
    openSources([d.donor.name, d.date ?? d.month].filter(Boolean).join(' · '),
      element('p', { class: 'figures' }, organizationButton(d.donor.id, d.donor.name), ' ',
        ['cash', 'goods_value', 'combined'].filter(k => d[k]).map(k => element('span', { class: 'figure' }, `${t(k)} `, money(d[k])))),
      d.items.length ? element('p', {}, d.items.map(quantity).join('、')) : null,
      ...sources, corrections);
  } catch (error) { fail(error); }
}

// An organization's page has an address of its own (#organization/ID): it can be shared, and the back button closes it.
const ORGANIZATION_ADDRESS = /^#organization\/(\d+)$/;

function closeSources() {
  $('#sources').hidden = true;
  if (ORGANIZATION_ADDRESS.test(location.hash)) history.pushState(null, '', location.pathname + location.search);
}

function followAddress() {
  const match = ORGANIZATION_ADDRESS.exec(location.hash);
  if (match) showOrganization(Number(match[1]), { remember: false });
  else $('#sources').hidden = true;
}

async function showOrganization(id, { remember = true } = {}) {
  if (remember && location.hash !== `#organization/${id}`) history.pushState({ organization: id }, '', `#organization/${id}`);
  try {
    const [organization, mentions] = await Promise.all([get(`/api/v1/organizations/${id}`), get(`/api/v1/organizations/${id}/mentions`)]);
    const total = row => row ? ['cash', 'goods_value', 'combined'].filter(k => row[`${k}_cny`] !== null)
      .map(k => element('span', { class: 'figure' }, `${t(k)} `, money({ yuan: row[`${k}_cny`], qualifier: row[`${k}_qualifier`] }))) : ['—'];
    const roles = { donor: t('asDonor'), recipient: t('asRecipient'), channel: t('asChannel') };
    openSources(organization.name,
      element('p', {}, element('strong', {}, `${t('given')}: `), total(organization.given)),
      element('p', {}, element('strong', {}, `${t('received')}: `), total(organization.received)),
      // Gifts stated for it and others at once are theirs together: shown whole, with whom, never split.
      ...organization.received_shared.map(group => element('p', {}, element('strong', {}, `${t('receivedShared', group.shared_among.length)}: `),
        total(group), ` (${group.name})`)),
      element('h3', {}, t('names')),
      element('ul', {}, organization.names.map(n => element('li', {}, `${n.name} — ${said(n.reason)}`))),
      element('h3', {}, t('mentions')),
      element('ul', { class: 'mentions' }, mentions.map(m => element('li', {},
        element('button', { type: 'button', class: 'link', onclick: () => (m.donation_id ? showDonation(m.donation_id) : null) },
          `${m.document} · ${t('line', m.line)} · ${roles[m.role]}`),
        element('blockquote', { class: 'sentence' }, m.sentence)))));
  } catch (error) { fail(error); }
}

// ---- audit --------------------------------------------------------------------------------------

function findingLine(finding) {
  const where = finding.document && finding.line ? `${finding.document} · ${t('line', finding.line)}` : '';
  if (finding.reports) {
    return element('li', {}, element('button', { type: 'button', class: 'link', onclick: () => showDonation(finding.donation) }, finding.donor),
      element('ul', {}, finding.reports.map(r => element('li', {}, `${r.document} · ${t('line', r.line)} — ${said(r.why)}: `, element('q', {}, r.sentence)))));
  }
  if (finding.organization_id) {
    return element('li', {}, `${finding.name} → `, element('button', { type: 'button', class: 'link', onclick: () => showOrganization(finding.organization_id) }, finding.organization), ` (${said(finding.reason)})`);
  }
  if (finding.reported_yuan !== undefined) {
    return element('li', {}, element('button', { type: 'button', class: 'link', onclick: () => showDonation(finding.total_donation) }, finding.donor), ': ',
      money({ yuan: finding.reported_yuan, qualifier: 'exact' }), ' / ', money({ yuan: finding.itemised_yuan, qualifier: 'exact' }), ` Δ ${exact(finding.difference)}`);
  }
  return element('li', {}, finding.donation_id
    ? element('button', { type: 'button', class: 'link', onclick: () => showDonation(finding.donation_id) }, where)
    : where, finding.what ? ` — ${said(finding.what)}` : '', ': ', element('q', {}, finding.sentence));
}

// Drawn again when the language changes: the findings' explanations are said in the page's language,
// and the findings open before are opened again.
async function loadAudit() {
  const wasOpen = new Set([...document.querySelectorAll('#audit details[open]')].map(d => d.dataset.audit));
  const summary = await get('/api/v1/audit');
  $('#audit').replaceChildren(...summary.findings.map(f => {
    const list = element('ul', { class: 'findings' });
    const details = element('details', {
      'data-audit': f.name,
      ontoggle: async () => { if (details.open && !list.childElementCount) list.append(...(await get(f.link)).map(findingLine)); },
    }, element('summary', {}, element('span', { 'data-text': f.name }, t(f.name)), ` — ${f.count}`), list);
    details.open = wasOpen.has(f.name);
    return element('li', {}, details);
  }));
}

// ---- page ---------------------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = state.language === 'zh' ? 'zh-CN' : 'en';
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = t(node.dataset.text);
  for (const node of document.querySelectorAll('[data-category]')) node.textContent = categoryName(node.dataset.category);
  for (const button of document.querySelectorAll('button.numbers')) button.textContent = t(button.getAttribute('aria-expanded') === 'true' ? 'hideNumbers' : 'showNumbers');
  $('#language').textContent = state.language === 'zh' ? 'English' : '中文';
  $('#language').setAttribute('aria-pressed', String(state.language === 'en'));
  document.title = `${t('title')} · Ledger`;
}

function fail(error) {
  $('#status').textContent = t('failed', error.message);
  $('#status').classList.add('error');
}

async function start() {
  applyLanguage();
  $('#language').addEventListener('click', () => {
    state.language = state.language === 'zh' ? 'en' : 'zh';
    applyLanguage();
    drawCharts();
    loadDonations().catch(fail);
    loadAudit().catch(fail);
  });
  for (const button of document.querySelectorAll('button.numbers')) {
    button.addEventListener('click', () => {
      const table = document.getElementById(button.getAttribute('aria-controls'));
      const open = table.hidden;
      table.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      button.textContent = t(open ? 'hideNumbers' : 'showNumbers');
    });
  }
  $('#filters').addEventListener('input', filtersChanged);
  $('#filters').addEventListener('submit', event => { event.preventDefault(); filtersChanged(); });
  $('#more').addEventListener('click', () => loadDonations(true).catch(fail));
  $('#close-sources').addEventListener('click', closeSources);
  document.addEventListener('keydown', event => { if (event.key === 'Escape') closeSources(); });
  window.addEventListener('popstate', followAddress);
  let resizeTimer;
  window.addEventListener('resize', () => {
    Object.values(state.charts).forEach(c => c.resize());
    // The flows chart draws fewer nodes on a narrow window, and its labels are cut to the room it has: drawn again once the window settles.
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (!state.data.flows) return;
      if (flowsDrawn() !== state.flowsDrawn) loadFlows().then(drawFlows).catch(fail);
      else drawFlows();
    }, 200);
  });
  try {
    const health = await get('/health');
    $('#status').textContent = t('revision', health.revision, health.documents, health.donations);
    await Promise.all([loadCharts(), loadCategories(), loadDonations(), loadAudit()]);
    document.body.dataset.ready = 'true';
    followAddress();
  } catch (error) { fail(error); }
}

document.addEventListener('DOMContentLoaded', start);
