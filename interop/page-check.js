// Opens a fleetsim page (the live dashboard or a report.html) in real headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core), and prints one JSON line of what it saw:
//   {"errors": [...console errors and page errors...], "connected": [samples of #connected],
//    "charts": <uPlot charts drawn>, "titles": [their titles], "headings": [h2/h3 texts],
//    "status": <#status text>, "cpuPerAgent": <#cpuPerAgent text, report mode>}
// Live mode (--live) samples the connected count each second until it has risen from its first
// value (or --seconds pass). A full-page screenshot is written to SCREENSHOT either way.
// --wait-end (live) then waits for the run's end, when the page turns into the final report
// ("liveStatus" is the status seen before). --clip H keeps only the page's top H pixels in the
// screenshot (README images).
//   node page-check.js URL SCREENSHOT [--live [--wait-end]] [--seconds N] [--clip H]
const { chromium } = require('playwright-core');

async function main() {
  const [url, screenshot, ...flags] = process.argv.slice(2);
  const live = flags.includes('--live');
  const i = flags.indexOf('--seconds');
  const seconds = i >= 0 ? Number(flags[i + 1]) : 30;
  const c = flags.indexOf('--clip');
  const clip = c >= 0 ? { x: 0, y: 0, width: 1400, height: Number(flags[c + 1]) } : undefined;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage']
  });
  const out = { errors: [], connected: [], charts: 0, titles: [], headings: [], status: '', liveStatus: '', cpuPerAgent: '' };
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', m => { if (m.type() === 'error') out.errors.push('console: ' + m.text()); });
    page.on('pageerror', e => out.errors.push('page: ' + e.message));
    page.on('requestfailed', r => out.errors.push('request failed: ' + r.url()));
    await page.goto(url, { waitUntil: 'load' });
    const deadline = Date.now() + seconds * 1000;
    if (live) {
      while (Date.now() < deadline) {
        const text = await page.locator('#connected').textContent({ timeout: 5000 }).catch(() => null);
        const n = text === null ? NaN : Number(text.replace(/[^0-9]/g, ''));
        if (!Number.isNaN(n) && text.trim() !== '–') out.connected.push(n);
        if (out.connected.length >= 2 && out.connected[out.connected.length - 1] > out.connected[0]) break;
        await page.waitForTimeout(1000);
      }
      out.liveStatus = (await page.locator('#status').textContent()).trim();
      await page.waitForTimeout(500); // let the last update draw before the screenshot
      out.charts = await page.locator('.uplot').count();
      await page.screenshot({ path: screenshot, fullPage: true, clip }); // the live page
      if (flags.includes('--wait-end')) {
        await page.waitForFunction(
          () => !document.getElementById('status').textContent.startsWith('live'), null, { timeout: 120000 });
      }
    } else {
      await page.waitForSelector('.uplot', { timeout: seconds * 1000 });
      const text = await page.locator('#connected').textContent();
      out.connected.push(Number(text.replace(/[^0-9]/g, '')));
      out.cpuPerAgent = (await page.locator('#cpuPerAgent').textContent()).trim();
      await page.waitForTimeout(500); // let the last update draw before the screenshot
      out.charts = await page.locator('.uplot').count();
      await page.screenshot({ path: screenshot, fullPage: true, clip });
    }
    out.titles = await page.locator('.u-title').allTextContents();
    out.headings = await page.locator('h2, h3').allTextContents();
    out.status = (await page.locator('#status').textContent()).trim();
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(out));
}

main().catch(e => { console.error(String(e && e.stack || e)); process.exit(1); });
