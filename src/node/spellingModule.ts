/**
 * The speller's module (dist/spelling.js beside the CLI and the lint worker, which carry no
 * copy of Hunspell), loaded on the first draft that checks spelling.
 *
 * A `require`, not `import()`: `import()` of a CommonJS file goes through Node's ESM loader,
 * which first scans the whole 1 MB file for the names it exports (measured: about 50 ms of a
 * one-file run, and again in every lint worker).
 */
export function spellingModule(): Promise<typeof import('../spelling/index')> {
  return new Promise((resolve) => resolve(require('../spelling/index')));
}
