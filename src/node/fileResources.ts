import { statSync } from 'node:fs';
import type { Resources } from '../engine/resources';

/** Local files as Node sees them: the CLI and the extension (for `file:` drafts) share it. */
export const fileResources: Resources = {
  size(path) {
    try {
      const st = statSync(path);
      return st.isFile() ? st.size : undefined;
    } catch {
      return undefined;
    }
  },
};
