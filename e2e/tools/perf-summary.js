// Summarizes a run of scripts/benchmark-performance.sh as Markdown: the load runs, the ratio of
// Taonet's transfer throughput to the baseline's at each sealing interval, the state sizes, and
// the node's own benchmarks where the run made them.
//
//   node e2e/tools/perf-summary.js <out-dir>
//
// Exits non-zero when a load run lost transactions (invalid or dropped), so that a broken run
// never reads as a measurement.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const RUN = /^(taonet|baseline)-(transfer|weights|mix)-(\d+)\.json$/;

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function fixed(value, digits = 1) {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/** The load runs in `dir`, in a stable order. */
function loadRuns(dir) {
  return readdirSync(dir)
    .map((file) => ({ file, match: RUN.exec(file) }))
    .filter(({ match }) => match)
    .map(({ file, match }) => ({ chain: match[1], scenario: match[2], sealing: Number(match[3]), report: readJson(path.join(dir, file)) }))
    .sort((a, b) => a.sealing - b.sealing || a.scenario.localeCompare(b.scenario) || a.chain.localeCompare(b.chain));
}

function runTable(runs) {
  const lines = [
    '| chain | load | sealing | submitted | included | invalid | dropped | tx/s (wall) | tx/s (block time) | weight % (median / max) | length % (median / max) | inclusion ms (median / p99) | finality ms (median / p99) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { chain, scenario, sealing, report: r } of runs) {
    lines.push(`| ${chain} | ${scenario} | ${sealing} ms | ${r.submitted} | ${r.included} | ${r.invalid} | ${r.dropped} | ${fixed(r.tps.wall)} | ${fixed(r.tps.chain)} | ${fixed(r.fullness.weightPctMedian)} / ${fixed(r.fullness.weightPctMax)} | ${fixed(r.fullness.lengthPctMedian)} / ${fixed(r.fullness.lengthPctMax)} | ${fixed(r.latencyMs.inclusion.median, 0)} / ${fixed(r.latencyMs.inclusion.p99, 0)} | ${fixed(r.latencyMs.finality.median, 0)} / ${fixed(r.latencyMs.finality.p99, 0)} |`);
  }
  return lines.join('\n');
}

/** Taonet's included transfers per second over the baseline's, at each sealing interval. */
function ratios(runs) {
  const lines = [];
  for (const sealing of [...new Set(runs.map((run) => run.sealing))]) {
    const find = (chain) => runs.find((run) => run.chain === chain && run.scenario === 'transfer' && run.sealing === sealing);
    const taonet = find('taonet');
    const baseline = find('baseline');
    if (!taonet || !baseline) continue;
    const ratio = taonet.report.tps.wall / baseline.report.tps.wall;
    lines.push(`- sealing ${sealing} ms: Taonet ${fixed(taonet.report.tps.wall)} tx/s, baseline ${fixed(baseline.report.tps.wall)} tx/s: **ratio ${fixed(ratio, 2)}**`);
  }
  return lines.join('\n');
}

/** State added by the weights run's subnet, per neuron, from the snapshots before and after. */
function stateSizes(dir) {
  const lines = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.state-after.json'))) {
    const after = readJson(path.join(dir, file));
    const before = readJson(path.join(dir, file.replace('after', 'before')));
    const neurons = after.neurons - before.neurons;
    const taonet = (state) => Object.entries(state.items).filter(([name]) => /^(subnets|consensus|stake|emission|root)\./.test(name));
    const grown = taonet(after)
      .map(([name, item]) => ({ name, keys: item.keys - (before.items[name]?.keys ?? 0), bytes: item.bytes - (before.items[name]?.bytes ?? 0) }))
      .filter((item) => item.bytes > 0)
      .sort((a, b) => b.bytes - a.bytes);
    const total = grown.reduce((sum, item) => sum + item.bytes, 0);
    lines.push(`${file.replace('.state-after.json', '')}: ${after.subnets - before.subnets} new subnet(s), ${neurons} new neurons; Taonet's pallets grew by ${total} bytes (key plus value), ${neurons > 0 ? fixed(total / neurons, 0) : 'n/a'} bytes per neuron. Largest items:`);
    lines.push('', '| item | new keys | new bytes |', '|---|---|---|');
    for (const item of grown.slice(0, 12)) lines.push(`| ${item.name} | ${item.keys} | ${item.bytes} |`);
  }
  return lines.join('\n');
}

/** The lines of a benchmark's output worth quoting, when the run made it. */
function excerpt(dir, file, pattern) {
  const full = path.join(dir, file);
  if (!existsSync(full)) return null;
  const text = readFileSync(full, 'utf8');
  return text.split('\n').filter((line) => pattern.test(line)).map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').trim()).join('\n');
}

function main([dir]) {
  if (!dir) throw new Error('usage: perf-summary.js <out-dir>');
  const runs = loadRuns(dir);
  if (runs.length === 0) throw new Error(`no load reports in ${dir}`);
  const out = ['## Load runs', '', runTable(runs), '', '## Transfer throughput, Taonet / baseline', '', ratios(runs), '', '## State', '', stateSizes(dir)];
  const benchmarks = [
    ['benchmark machine', 'machine.txt', /MiB\/s|KiB\/s|score|CPU|Memory|Disk|Blake|SR25519|Copy|Seq|Rnd|---|\|/],
    ['benchmark overhead', 'overhead.txt', /Per-(block|extrinsic)|Total:|Min:|Max:|Average:|Median:|Stddev:|Percentiles|99th|95th|75th/],
    ['benchmark storage', 'storage.txt', /Reading|Writing|Total:|Average:|Median:|99th|Value size|Writing weights/],
    ['benchmark block', 'block.txt', /Block \d+ with|Median|error/i],
    ['epoch at 4,096 UIDs, 256 x 1,024 weights (benchmark pallet)', 'epoch.txt', /Time ~=|Median Slopes|Min Squares|Storage: |Raw Storage|reads|writes|n +w|µs|us/],
  ];
  for (const [title, file, pattern] of benchmarks) {
    const text = excerpt(dir, file, pattern);
    if (text) out.push('', `## ${title}`, '', '```', text, '```');
  }
  for (const file of readdirSync(dir).filter((f) => /^rss-\d+\.txt$/.test(f))) {
    out.push('', `## Memory (${file})`, '', '```', readFileSync(path.join(dir, file), 'utf8').trim(), '```');
  }
  console.log(out.join('\n'));
  const lost = runs.filter(({ report }) => report.invalid > 0 || report.dropped > 0 || report.included < report.submitted);
  if (lost.length > 0) {
    throw new Error(`transactions were lost in: ${lost.map((run) => `${run.chain}-${run.scenario}-${run.sealing}`).join(', ')}`);
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(`perf-summary: ${error.message}`);
  process.exit(1);
}
