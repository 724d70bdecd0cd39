import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../scripts/paths';

// The rule that lets the app run without Electron: lint must refuse these imports.
const eslint = new ESLint({ cwd: repoRoot });

async function rulesBroken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('architecture (lint)', () => {
  it('refuses `electron` under electron/core', async () => {
    expect(
      await rulesBroken(
        'electron/core/intrus.ts',
        "import { app } from 'electron';\nexport const name = app.getName();\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('refuses `electron` under electron/host, platform and shared too', async () => {
    for (const file of ['electron/host/intrus.ts', 'platform/intrus.ts', 'shared/intrus.ts']) {
      expect(
        await rulesBroken(file, "import { safeStorage } from 'electron';\nexport const s = safeStorage;\n"),
      ).toContain('no-restricted-imports');
    }
  });

  it('lets electron/main import `electron`', async () => {
    expect(
      await rulesBroken(
        'electron/main/permis.ts',
        "import { app } from 'electron';\nexport const name = app.getName();\n",
      ),
    ).toEqual([]);
  });

  it('refuses renderer imports of electron/ or platform/ code', async () => {
    expect(
      await rulesBroken(
        'renderer/intrus.ts',
        "import { EventHub } from '../electron/core/events';\nexport const hub = new EventHub();\n",
      ),
    ).toContain('import-x/no-restricted-paths');
    expect(
      await rulesBroken(
        'renderer/intrus.ts',
        "import { createPlatform } from '../platform/server';\nexport const p = createPlatform;\n",
      ),
    ).toContain('import-x/no-restricted-paths');
  });

  it('lets the renderer import shared/', async () => {
    expect(
      await rulesBroken(
        'renderer/permis.ts',
        "import { isValidSiret } from '../shared/validation/siret';\nexport const ok = isValidSiret('1');\n",
      ),
    ).toEqual([]);
  });

  it('refuses electron/core imports of the Electron shell or the host', async () => {
    expect(
      await rulesBroken(
        'electron/core/intrus.ts',
        "import { startHost } from '../host/server';\nexport const s = startHost;\n",
      ),
    ).toContain('import-x/no-restricted-paths');
  });
});
