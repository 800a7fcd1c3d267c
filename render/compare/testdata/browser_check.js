// Opens porownanie.html in headless Debian chromium with the network off,
// waits for every ECharts figure to draw, runs axe-core (WCAG 2.1 A/AA) and
// prints a JSON summary on stdout. Usage: node browser_check.js ROOT PAGE PNG
// (ROOT holds node_modules; PNG is a screenshot to look at).
const path = require('path');
const [root, page, png] = process.argv.slice(2);
const { chromium } = require(path.join(root, 'node_modules', 'playwright-core'));
const axePath = path.join(root, 'node_modules', 'axe-core', 'axe.min.js');

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const ctx = await browser.newContext({ offline: true, locale: 'pl-PL' });
    const p = await ctx.newPage();
    const errors = [];
    const requests = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    p.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await p.goto('file://' + page, { waitUntil: 'load' });
    await p.waitForFunction(() => {
      const els = document.querySelectorAll('div.plotno');
      return els.length > 0 && [...els].every((el) => el.querySelector('canvas'));
    }, null, { timeout: 15000 });
    const info = await p.evaluate(() => {
      const figs = [...document.querySelectorAll('div.plotno')];
      return {
        lang: document.documentElement.lang,
        title: document.title,
        figures: figs.length,
        drawn: figs.filter((el) => {
          const c = el.querySelector('canvas');
          return c && c.width > 0 && c.height > 0 && window.echarts.getInstanceByDom(el);
        }).length,
        points: figs.map((el) => {
          const opt = window.echarts.getInstanceByDom(el).getOption();
          return opt.series[0].data.map((d) => (d && typeof d === 'object' ? d.value : d));
        }),
        tables: document.querySelectorAll('table').length,
      };
    });
    await p.addScriptTag({ path: axePath });
    const axe = await p.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map((v) => v.id + ': ' + v.help + ' (' + v.nodes.length + ')');
    });
    if (png) await p.screenshot({ path: png, fullPage: false });
    process.stdout.write(JSON.stringify({ ...info, errors, requests, axe }));
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(String(e)); process.exit(1); });
