// The BO-pakket against WCAG 2.1 A and AA with axe-core, in Debian's headless Chromium.
//
//   node tests/axe/check.mjs bo-pakket.html [more.html …]
//
// Every <details> is opened first, so the folded chart tables are checked too. Prints each
// violation with the elements it was found on, and exits 1 when there is any. CHROMIUM names the
// browser when it is not /usr/bin/chromium.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('gebruik: node tests/axe/check.mjs BESTAND.html …');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromiumSandbox: false,
  // Without these, Chromium keeps trying to reach Google's hosts from a closed network.
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let violations = 0;
try {
  for (const file of files) {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(resolve(file)).href);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }));
    for (const violation of result.violations) {
      violations += 1;
      console.log(`${file}: ${violation.id} (${violation.impact}): ${violation.help}`);
      for (const node of violation.nodes) {
        console.log(`  ${node.target.join(' ')}: ${node.failureSummary.replace(/\n/g, ' ')}`);
      }
    }
    const manual = result.incomplete.map((rule) => rule.id).join(', ');
    console.log(`${file}: ${result.violations.length} overtredingen, ${result.passes.length} regels `
      + `gehaald, ${result.incomplete.length} met de hand na te lopen${manual ? ` (${manual})` : ''} `
      + `(axe-core ${result.testEngine.version})`);
    await page.close();
  }
} finally {
  await browser.close();
}
process.exit(violations > 0 ? 1 : 0);
