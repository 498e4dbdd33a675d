// axe-core in a real browser, shared by the accessibility tests: WCAG 2.0/2.1 A and AA and
// WCAG 2.2 AA, zero violations allowed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core in `target` (a Page or a Frame) and fails listing every violation as
 * `rule (impact): selector, …`. `name` says which state this is. Injected with `evaluate`,
 * which the panel's and console's Content-Security-Policy do not apply to.
 */
export async function assertNoViolations(target, name) {
  await target.evaluate(AXE_SOURCE);
  const violations = await target.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, iframes: false });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, TAGS);
  const report = violations
    .map((v) => `  ${v.id} (${v.impact}): ${v.help}\n    ${v.targets.join('\n    ')}`)
    .join('\n');
  if (process.env.KEFU_A11Y_REPORT) console.log(`[a11y] ${name}: ${violations.map((v) => v.id).join(', ') || 'clean'}`);
  assert.equal(violations.length, 0, `axe-core found ${violations.length} violation(s) in ${name}:\n${report}`);
}

