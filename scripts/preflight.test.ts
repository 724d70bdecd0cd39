import { describe, expect, it } from 'vitest';
import { missingPrerequisites, type MachineProbe } from './preflight';

const ready: MachineProbe = { nodeVersion: 'v20.20.2', canExecute: () => true, sqliteLoadError: () => null };

describe('test preflight', () => {
  it('says nothing on a machine that has everything', () => {
    expect(missingPrerequisites(ready, '/usr/bin/chromium')).toEqual([]);
  });

  it('names a missing browser in one sentence, with the command that installs it', () => {
    const missing = missingPrerequisites({ ...ready, canExecute: () => false }, '/usr/bin/chromium');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toContain('/usr/bin/chromium');
    expect(missing[0]).toContain('apt-get install -y chromium');
  });

  it('names an unbuilt SQLite module and an old Node, each in its own sentence', () => {
    const missing = missingPrerequisites({
      nodeVersion: 'v18.19.0',
      canExecute: () => true,
      sqliteLoadError: () => 'Could not locate the bindings file.\n → more lines',
    });
    expect(missing).toHaveLength(2);
    expect(missing[0]).toContain('v18.19.0');
    expect(missing[1]).toContain('Could not locate the bindings file.');
    expect(missing[1]).not.toContain('more lines');
  });
});
