// fleetsim report and live dashboard: renders one data object
//   {live, summary: <summary.json>, latency: <LatencySeries json>}
// into charts (uPlot) and tables. The report carries it in the page; the live dashboard receives a
// new one every second over Server-Sent Events from /events and re-renders in place.
(function () {
  'use strict';

  const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2',
    '#7f7f7f', '#bcbd22', '#17becf'];
  const charts = new Map(); // chart id -> {plot, key}
  let markers = []; // phase and incident starts, drawn on every time chart
  let runSeconds = 0; // every time chart spans the run so far, so their x axes line up

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function esc(s) {
    return String(s).replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
  }

  function fmt(n, digits) {
    if (n === undefined || n === null || Number.isNaN(n)) return '–';
    return Number(n).toLocaleString('en-US', {maximumFractionDigits: digits === undefined ? 1 : digits});
  }

  /** A section of the page, created once: its heading and a body. */
  function section(id, title) {
    let s = document.getElementById(id);
    if (!s) {
      s = el('section', {id});
      s.appendChild(el('h2', {}, title));
      s.appendChild(el('div', {class: 'body'}));
      document.getElementById('app').appendChild(s);
    }
    return s.querySelector('.body');
  }

  function box(parent, id) {
    let b = document.getElementById(id);
    if (!b) {
      b = el('div', {id, class: 'chart'});
      parent.appendChild(b);
    }
    return b;
  }

  const markerPlugin = {
    hooks: {
      draw: [u => {
        const ctx = u.ctx;
        const {left, top, width, height} = u.bbox;
        ctx.save();
        ctx.strokeStyle = '#8a93a1';
        ctx.fillStyle = '#5b6472';
        ctx.setLineDash([4, 4]);
        ctx.font = (10 * devicePixelRatio) + 'px sans-serif';
        for (const m of markers) {
          const x = u.valToPos(m.at, 'x', true);
          if (!(x >= left && x <= left + width)) continue;
          ctx.beginPath();
          ctx.moveTo(x, top);
          ctx.lineTo(x, top + height);
          ctx.stroke();
          ctx.fillText(m.label, x + 3, top + 12 * devicePixelRatio);
        }
        ctx.restore();
      }]
    }
  };

  /**
   * A line chart in `parent` (created or updated in place). series: [{label, values}], all over
   * the x values xs. opts: {title, xLabel, yLabel, logY, time (draw markers), xSplits, xValues}.
   */
  function lineChart(parent, id, xs, series, opts) {
    const b = box(parent, id);
    const shown = series.filter(s => s.values.some(v => v !== null && v !== undefined));
    if (xs.length === 0 || shown.length === 0) {
      const prev = charts.get(id);
      if (prev) { prev.plot.destroy(); charts.delete(id); }
      b.innerHTML = '<div class="empty">' + esc(opts.title) + ': no data yet</div>';
      return;
    }
    const key = shown.map(s => s.label).join('\u0001');
    const data = [xs].concat(shown.map(s => s.values));
    const prev = charts.get(id);
    if (prev && prev.key === key) {
      prev.plot.setData(data);
      return;
    }
    if (prev) prev.plot.destroy();
    b.innerHTML = '';
    const xAxis = {label: opts.xLabel || 'seconds since start'};
    if (opts.xSplits) xAxis.splits = opts.xSplits;
    if (opts.xValues) xAxis.values = opts.xValues;
    const plot = new uPlot({
      title: opts.title,
      width: Math.max(360, (b.clientWidth || 600) - 12),
      height: 240,
      scales: {
        x: opts.time ? {time: false, range: (u, min, max) => [0, Math.max(max, runSeconds)]} : {time: false},
        y: opts.logY ? {distr: 3} : {}
      },
      axes: [xAxis, {label: opts.yLabel || '', size: 60}],
      series: [{label: opts.xLabel || 's'}].concat(shown.map((s, i) => ({
        label: s.label,
        stroke: s.color || COLORS[i % COLORS.length],
        width: 1.5,
        points: {show: xs.length < 3}
      }))),
      plugins: opts.time ? [markerPlugin] : []
    }, data, b);
    charts.set(id, {plot, key});
  }

  function table(headers, rows) {
    return '<table><tr>' + headers.map(h => '<th>' + esc(h) + '</th>').join('') + '</tr>' +
      rows.map(r => '<tr>' + r.map(c => typeof c === 'number'
        ? '<td class="num">' + fmt(c, 2) + '</td>' : '<td>' + c + '</td>').join('') + '</tr>').join('') +
      '</table>';
  }

  function last(a) {
    return a && a.length ? a[a.length - 1] : undefined;
  }

  function sumMap(m) {
    return Object.values(m || {}).reduce((a, b) => a + b, 0);
  }

  /** p-th percentile (one of the distribution's points) of a latency metric, in ms. */
  function percentile(latency, name, p) {
    const m = latency[name];
    if (!m) return undefined;
    const i = m.distribution.percentile.indexOf(p);
    return i < 0 ? undefined : m.distribution.ms[i];
  }

  function renderHeader(d) {
    const s = d.summary;
    const st = document.getElementById('status');
    if (d.live) {
      st.className = 'status live';
      st.textContent = 'live · t = ' + fmt(s.seconds, 0) + ' s';
    } else {
      document.getElementById('title').textContent = 'fleetsim report: ' + s.scenario;
      document.title = 'fleetsim report: ' + s.scenario;
      const incomplete = s.complete === false; // a snapshot: the run was killed or ran out of memory
      st.className = 'status ' + (s.passed && !incomplete ? 'pass' : 'fail');
      st.textContent = (incomplete
        ? 'INCOMPLETE (the run ended abnormally; its last snapshot)'
        : (s.passed ? 'PASSED' : 'FAILED') + (s.interrupted ? ' (interrupted)' : '')) +
        ' · ' + fmt(s.seconds, 1) + ' s';
    }
    const ts = s.timeSeries || {};
    const perSecond = (last(ts.messagesToAgentsPerSecond) || 0) + (last(ts.messagesFromAgentsPerSecond) || 0);
    const kpis = [
      ['agents started', fmt(s.spawned, 0) + ' / ' + fmt(s.agents, 0), 'spawned'],
      ['connected', fmt(d.live ? last(ts.connected) : s.connectedAtEnd, 0), 'connected'],
      ['USP messages/s (last second)', fmt(perSecond, 0), 'rate'],
      ['Notify Boot! p99 (ms)', fmt(percentile(d.latency, 'Notify Boot!', 99), 1), 'bootp99'],
      ['drops', fmt(sumMap(s.drops), 0), 'drops'],
      ['connects (with reconnects)', fmt(s.connects, 0), 'connects'],
      ['simulator CPU per agent (µs)', cost(s, 'cpuMicrosPerAgent', 0), 'cpuPerAgent']
    ];
    document.getElementById('kpis').innerHTML = kpis.map(([k, v, id]) =>
      '<div class="kpi"><div class="v" id="' + id + '">' + esc(v) + '</div><div class="k">' + esc(k) + '</div></div>').join('');
  }

  /** A simulator cost field, or "n/a" where the JVM could not tell (-1). */
  function cost(s, field, digits) {
    const v = (s.simulatorCost || {})[field];
    return v === undefined || v < 0 ? 'n/a' : fmt(v, digits);
  }

  function renderScenario(d) {
    const s = d.summary;
    const body = section('scenario', 'Scenario and fleet mix');
    const t = s.target || {};
    let html = table(['scenario', 'source', 'target', 'duration (s)', 'agents'],
      [[esc(s.scenario), esc(s.source), esc((t.kind || '') + (t.url ? ' ' + t.url : '')), s.duration || s.seconds, s.agents]]);
    html += table(['profile', 'share', 'firmware', 'MTP'],
      (s.mix || []).map(e => [esc(e.profile), fmt(e.share, 1) + ' %', esc(e.firmware || '(profile)'), esc(e.mtp || '(target)')]));
    const c = s.simulatorCost || {};
    html += '<h3>The simulator\'s own cost</h3>' + table(
      ['CPU (s)', 'GC (s)', 'JIT compiling (s, one-off, part of CPU)', 'CPU per agent (µs)', 'CPU per USP message (µs)'],
      [[cost(s, 'cpuSeconds', 1), fmt(c.gcSeconds, 1), fmt(c.jitSeconds, 1), cost(s, 'cpuMicrosPerAgent', 0), cost(s, 'cpuMicrosPerMessage', 1)]]);
    if ((s.workers || []).length) {
      html += table(['worker', 'host', 'agents', 'connected', 'messages', 'CPU (s)', 'GC (s)', 'CPU per agent (µs)', 'lost'],
        s.workers.map(w => [esc(w.name), esc(w.host), fmt(w.agents, 0), fmt(w.connected, 0), fmt(w.messages, 0),
          cost({simulatorCost: w}, 'cpuSeconds', 1), fmt(w.gcSeconds, 1), cost({simulatorCost: w}, 'cpuMicrosPerAgent', 0),
          w.lost ? 'at ' + fmt(w.lostAtSeconds, 1) + ' s' : 'no']));
    }
    html += '<h3>Phases and incidents</h3>' + table(['from (s)', 'to (s)', 'kind', 'what'],
      incidents(s).map(e => [e.at, e.until, esc(e.kind), esc(e.what)]));
    body.innerHTML = html;
  }

  function renderFleet(d) {
    const s = d.summary;
    const ts = s.timeSeries || {seconds: []};
    const body = section('fleet', 'Fleet');
    let grid = body.querySelector('.grid');
    if (!grid) { grid = el('div', {class: 'grid'}); body.appendChild(grid); }
    const states = Object.entries(ts.states || {}).map(([k, v]) => ({label: k, values: v}));
    lineChart(grid, 'chart-connected', ts.seconds,
      [{label: 'connected', values: ts.connected || [], color: '#1f77b4'}].concat(states.map((x, i) =>
        ({label: x.label, values: x.values, color: COLORS[(i + 1) % COLORS.length]}))),
      {title: 'Connected agents and agents per state', yLabel: 'agents', time: true});
    // reconnect curve: after each outage, the share of the agents connected before it that are back
    incidents(s).filter(e => e.kind === 'outage' || e.kind === 'observed outage').forEach((o, n) => {
      let before = o.connectedBefore || 0;
      const xs = [];
      const ys = [];
      ts.seconds.forEach((sec, i) => {
        if (sec <= o.at && !o.connectedBefore) before = ts.connected[i];
        if (sec >= o.until) {
          xs.push(Math.round((sec - o.until) * 10) / 10);
          ys.push(before > 0 ? Math.round(1000 * ts.connected[i] / before) / 10 : null);
        }
      });
      lineChart(grid, 'chart-reconnect-' + n, xs, [{label: '% of the fleet back', values: ys}],
        {title: 'Reconnect curve after the outage at ' + o.at + ' s', xLabel: 'seconds after the outage ended', yLabel: '%'});
    });
    const m = s.milestonesSeconds || {};
    const names = Object.keys(m);
    if (names.length) {
      const ps = Object.keys(m[names[0]]);
      let t = body.querySelector('.milestones');
      if (!t) { t = el('div', {class: 'milestones'}); body.appendChild(t); }
      t.innerHTML = '<h3>Milestones (seconds)</h3>' +
        table(['curve'].concat(ps), names.map(k => [esc(k)].concat(ps.map(p => m[k][p] === undefined ? '–' : m[k][p]))));
    }
  }

  function renderMessages(d) {
    const ts = d.summary.timeSeries || {seconds: []};
    const body = section('messages', 'USP messages per second by type');
    let grid = body.querySelector('.grid');
    if (!grid) { grid = el('div', {class: 'grid'}); body.appendChild(grid); }
    const byType = m => Object.entries(m || {}).map(([k, v]) => ({label: k, values: v}));
    lineChart(grid, 'chart-msg-to', ts.seconds, byType(ts.toAgentsByType),
      {title: 'To the agents (Controller requests, Notify responses)', yLabel: 'messages/s', time: true});
    lineChart(grid, 'chart-msg-from', ts.seconds, byType(ts.fromAgentsByType),
      {title: 'From the agents (Notify, responses, errors)', yLabel: 'messages/s', time: true});
  }

  /**
   * A latency's columns with a break (null) wherever seconds passed without a value, so that a
   * line does not bridge a quiet minute as if it had been measured.
   */
  function withGaps(m, columns) {
    const out = {t: []};
    columns.forEach(c => { out[c] = []; });
    m.t.forEach((t, i) => {
      if (i > 0 && t - m.t[i - 1] > 1.5) {
        out.t.push(m.t[i - 1] + 1);
        columns.forEach(c => out[c].push(null));
      }
      out.t.push(t);
      columns.forEach(c => out[c].push(m[c][i]));
    });
    return out;
  }

  // the distribution chart's x axis: the "nines" of a percentile, -log10(1 - p)
  const nines = p => p >= 100 ? 6 : -Math.log10(1 - p / 100);
  const ninesLabel = x => x >= 6 ? 'max' : (100 * (1 - Math.pow(10, -x))).toFixed(Math.max(0, Math.round(x) - 2)) + '%';

  function renderLatency(d) {
    const body = section('latency', 'Latency');
    let grid = body.querySelector('.grid');
    if (!grid) { grid = el('div', {class: 'grid'}); body.appendChild(grid); }
    const names = Object.keys(d.latency || {});
    names.forEach((name, i) => {
      const m = withGaps(d.latency[name], ['p50', 'p90', 'p99', 'max']);
      lineChart(grid, 'chart-lat-' + i, m.t,
        [{label: 'p50', values: m.p50}, {label: 'p90', values: m.p90},
          {label: 'p99', values: m.p99}, {label: 'max', values: m.max}],
        {title: name + ': percentiles per second', yLabel: 'ms', time: true});
    });
    if (names.length) {
      const first = d.latency[names[0]].distribution.percentile;
      lineChart(grid, 'chart-lat-distribution', first.map(nines),
        names.map(n => ({label: n, values: d.latency[n].distribution.ms.map(v => v > 0 ? v : null)})),
        {title: 'Percentile distribution over the run', xLabel: 'percentile', yLabel: 'ms (log)', logY: true,
          xSplits: () => [0, 1, 2, 3, 4, 5, 6], xValues: (u, splits) => splits.map(ninesLabel)});
    }
    const s = d.summary;
    if (s.latenciesMs && Object.keys(s.latenciesMs).length) {
      let t = body.querySelector('.latency-table');
      if (!t) { t = el('div', {class: 'latency-table'}); body.appendChild(t); }
      t.innerHTML = '<h3>Over the whole run (ms)</h3>' + table(['metric', 'count', 'p50', 'p90', 'p99', 'p99.9', 'max'],
        Object.entries(s.latenciesMs).map(([k, v]) => [esc(k), v.count, v.p50, v.p90, v.p99, v.p999, v.max]));
    }
  }

  function renderErrors(d) {
    const s = d.summary;
    const ts = s.timeSeries || {seconds: []};
    const body = section('errors', 'Errors and drops');
    let grid = body.querySelector('.grid');
    if (!grid) { grid = el('div', {class: 'grid'}); body.appendChild(grid); }
    lineChart(grid, 'chart-drops', ts.seconds, [{label: 'drops so far', values: ts.drops || [], color: '#d62728'}],
      {title: 'Drops over time', yLabel: 'drops', time: true});
    const rows = [];
    Object.entries(s.connectFailures || {}).forEach(([k, v]) => rows.push(['connect failed', k, v]));
    Object.entries(s.transportEvents || {}).forEach(([k, v]) => rows.push(['transport', k, v]));
    Object.entries(s.drops || {}).forEach(([k, v]) => rows.push(['dropped', k, v]));
    Object.entries(s.unexpected || {}).forEach(([k, v]) => rows.push(['wrong-state message', k, v]));
    if (s.controllerDropped > 0) rows.push(['embedded Controller dropped', 'undecodable or unexpected Record', s.controllerDropped]);
    (s.firmwareRollouts || []).forEach(r => Object.entries(r.failed || {}).forEach(([k, v]) => rows.push(['firmware', k, v])));
    const max = Math.max(1, ...rows.map(r => r[2]));
    let t = body.querySelector('.reasons');
    if (!t) { t = el('div', {class: 'reasons'}); body.appendChild(t); }
    t.innerHTML = rows.length === 0 ? '<p>No errors and no drops.</p>' :
      table(['kind', 'reason', 'count'], rows.map(([kind, reason, n]) =>
        [esc(kind), esc(reason), '<span class="bar" style="width:' + Math.round(200 * n / max) + 'px"></span>' + fmt(n, 0)]));
  }

  function renderFirmware(d) {
    const s = d.summary;
    const samples = s.firmwareVersions || [];
    const body = section('firmware', 'Firmware');
    let grid = body.querySelector('.grid');
    if (!grid) { grid = el('div', {class: 'grid'}); body.appendChild(grid); }
    const versions = [...new Set(samples.flatMap(x => Object.keys(x.versions)))].sort();
    lineChart(grid, 'chart-firmware', samples.map(x => x.seconds), versions.map(v => ({
      label: v,
      values: samples.map(x => {
        const total = sumMap(x.versions);
        return total > 0 ? Math.round(1000 * (x.versions[v] || 0) / total) / 10 : null;
      })
    })), {title: 'Share of the fleet on each firmware version', yLabel: '% of agents', time: true});
    let t = body.querySelector('.rollouts');
    if (!t) { t = el('div', {class: 'rollouts'}); body.appendChild(t); }
    t.innerHTML = (s.firmwareRollouts || []).length === 0 ? '' : '<h3>Rollouts</h3>' +
      table(['agents', 'upgraded', 'already there', 'failed', 'seconds'], s.firmwareRollouts.map(r =>
        [r.agents, r.upgraded, r.alreadyThere, esc(Object.entries(r.failed || {}).map(([k, v]) => k + ': ' + v).join(', ') || '0'), r.seconds]));
  }

  function renderAssertions(d) {
    const s = d.summary;
    const body = section('assertions', 'Assertions');
    if (d.live) {
      body.innerHTML = '<p>Judged at the end of the run.</p>';
      return;
    }
    body.innerHTML = (s.assertions || []).length === 0 ? '<p>The scenario makes no assertions.</p>' :
      table(['verdict', 'assertion', 'actual'], s.assertions.map(a =>
        [a.passed ? '<span class="pass">PASS</span>' : '<span class="fail">FAIL</span>', esc(a.assertion), esc(a.actual)]));
  }

  // the scenario's phases and incidents, and the outages it did not cause (observed in the fleet)
  function incidents(s) {
    return (s.timeline || []).concat((s.observedIncidents || []).map(o =>
      ({at: o.at, until: o.at, kind: 'observed outage', what: o.what, connectedBefore: o.connectedBefore})))
      .sort((a, b) => a.at - b.at);
  }

  function render(d) {
    if (!d || !d.summary) return;
    markers = incidents(d.summary).map(e => ({at: e.at, label: e.kind}));
    runSeconds = d.summary.seconds || 0;
    renderHeader(d);
    renderScenario(d);
    renderFleet(d);
    renderMessages(d);
    renderLatency(d);
    renderErrors(d);
    renderFirmware(d);
    renderAssertions(d);
  }

  const initial = JSON.parse(document.getElementById('fleetsim-data').textContent);
  if (initial.live) {
    document.getElementById('status').textContent = 'connecting';
    const events = new EventSource('events');
    let ended = false; // the run's last event is its final report (live: false)
    events.onmessage = e => {
      const d = JSON.parse(e.data);
      ended = !d.live;
      render(d);
    };
    events.onerror = () => {
      events.close(); // the stream ended (the run is over) or broke: do not reconnect
      if (!ended) {
        const st = document.getElementById('status');
        st.className = 'status';
        st.textContent = 'run ended or unreachable';
      }
    };
  } else {
    render(initial);
  }
  window.fleetsimRender = render; // for a console: re-render with other data
})();
