import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADER } from '../sim/config';
import { Simulator } from '../sim/simulator';
import { allLogs } from './detail';

function write(sim: Simulator, path: string): void {
  sim.invoke('c1', {
    kind: 'command',
    command: { kind: 'create', path, data: 'x', ephemeral: false, sequential: false },
  });
  sim.runUntilCondition(() => sim.isSettled(), 5000);
}

describe('allLogs', () => {
  it('shows every server applied where all agree, and a killed server missing what the others decided since', () => {
    const sim = new Simulator({ header: { ...DEFAULT_HEADER, servers: 3, seed: 4 }, traceMessages: false });
    // Servers starting up refuse connects: let the ensemble elect first.
    sim.runUntilCondition(() => sim.isSettled(), 5000);
    sim.connectSession('c1', 1);
    sim.runUntilCondition(() => sim.clients.get('c1')?.status === 'connected', 5000);
    write(sim, '/a');
    const before = allLogs(sim);
    expect(before.rows.map((r) => r.server)).toEqual([1, 2, 3]);
    for (const row of before.rows) {
      expect(row.cells).toHaveLength(before.to - before.from);
      expect(row.cells).toMatch(/^p+$/);
    }
    sim.kill(3);
    write(sim, '/b');
    write(sim, '/c');
    const after = allLogs(sim);
    const n3 = after.rows.find((r) => r.server === 3)!;
    expect(n3.up).toBe(false);
    // n3 lacks the slots decided while it was down; n1 has them applied.
    expect(n3.cells.slice(-2)).toBe('mm');
    expect(after.rows[0]!.cells.slice(-2)).toBe('pp');
  });
});
