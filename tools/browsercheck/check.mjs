// check.mjs opens one local HTML file in headless Debian Chromium with the
// network switched off and prints, as JSON on stdout, what a test needs to
// judge it: the page's lang, title and number of tables, every request that
// left the file, failed requests, script errors, each ECharts chart's canvas,
// how much of it is painted and the data of its series, and (with --axe) the
// axe-core WCAG 2.1 A/AA violations.
//
//   node tools/browsercheck/check.mjs page.html [--axe]
//
// Exit code 0 when the page was examined (the caller judges the result),
// 2 when the browser could not be used.
import { chromium } from 'playwright-core';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import path from 'node:path';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const withAxe = args.includes('--axe');
if (!file) {
  console.error('użycie: node check.mjs PLIK.html [--axe]');
  process.exit(2);
}

let browser;
try {
  browser = await chromium.launch({
    executablePath: process.env.GPWR_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
} catch (e) {
  console.error('nie można uruchomić chromium: ' + e.message);
  process.exit(2);
}

const out = { requests: [], failed: [], errors: [], console: [], charts: [], violations: [] };
try {
  const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:')) out.requests.push(u);
  });
  page.on('requestfailed', (r) => out.failed.push(r.url() + ' ' + (r.failure()?.errorText ?? '')));
  page.on('pageerror', (e) => out.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') out.console.push(m.type() + ': ' + m.text());
  });
  await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
  await page.waitForTimeout(300);

  Object.assign(out, await page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    tables: document.querySelectorAll('table').length,
  })));

  out.charts = await page.evaluate(() =>
    Array.from(document.querySelectorAll('div.plotno')).map((div) => {
      const r = { id: div.id, instance: false, canvas: false, width: 0, height: 0, painted: 0, colors: 0, top: [], formatted: {}, series: [] };
      const inst = typeof echarts !== 'undefined' ? echarts.getInstanceByDom(div) : null;
      r.instance = !!inst;
      if (inst) {
        // The chart's own formatters, applied to probe values.
        const o = inst.getOption();
        const fy = o.yAxis?.[0]?.axisLabel?.formatter;
        const ft = o.tooltip?.[0]?.valueFormatter;
        for (const v of [1234567.5, 86072.89, 12345, 1234, -2.5, 0, null]) {
          if (typeof fy === 'function') r.formatted['y:' + v] = fy(v);
          if (typeof ft === 'function') r.formatted['tip:' + v] = ft(v);
        }
        // The values each series draws ("-" is ECharts' gap).
        r.series = (o.series ?? []).map((s) => (s.data ?? []).map((d) => (d && typeof d === 'object' ? d.value : d)));
      }
      const c = div.querySelector('canvas');
      if (!c) return r;
      r.canvas = true;
      r.width = c.width;
      r.height = c.height;
      const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const seen = new Map();
      for (let i = 0; i < px.length; i += 4) {
        if (px[i + 3] > 0 && !(px[i] > 250 && px[i + 1] > 250 && px[i + 2] > 250)) {
          r.painted++;
          const k = '#' + ((1 << 24) | (px[i] << 16) | (px[i + 1] << 8) | px[i + 2]).toString(16).slice(1);
          seen.set(k, (seen.get(k) ?? 0) + 1);
        }
      }
      r.colors = seen.size;
      // The 12 most used colours with their pixel counts, e.g. "#0b5394:5120".
      r.top = [...seen.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, n]) => k + ':' + n);
      return r;
    }),
  );

  if (withAxe) {
    const require = createRequire(import.meta.url);
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const res = await page.evaluate(() =>
      axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
    );
    out.axePasses = res.passes.length;
    out.violations = res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' — ' + n.failureSummary),
    }));
  }
} catch (e) {
  out.errors.push('check.mjs: ' + e.message);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
