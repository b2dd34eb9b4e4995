// The compare view's link: the protocol pair in `?compare=`, the run in `#s=` with its actions timed by simulated time.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADER } from '../sim/config';
import {
  compareFromSearch,
  compareScenario,
  compareSearch,
  DEFAULT_COMPARE,
  scenarioFromLocationHash,
  scenarioHash,
} from './url';

describe('compare link', () => {
  it('the pair goes into the query and comes back, other parameters kept', () => {
    const search = compareSearch('?embed=0', ['zab', 'multi-paxos']);
    expect(search).toBe('?embed=0&compare=zab,multi-paxos');
    expect(compareFromSearch(search)).toEqual({ kind: 'compare', protocols: ['zab', 'multi-paxos'] });
    expect(compareSearch(search, null)).toBe('?embed=0');
    expect(compareSearch('?compare=zab,multi-paxos', null)).toBe('');
    expect(compareFromSearch('?compare=multi-paxos%2Czab')).toEqual({ kind: 'compare', protocols: DEFAULT_COMPARE });
  });

  it('no parameter: no compare; an empty one: the default pair', () => {
    expect(compareFromSearch('')).toEqual({ kind: 'none' });
    expect(compareFromSearch('?present=1')).toEqual({ kind: 'none' });
    expect(compareFromSearch('?compare')).toEqual({ kind: 'compare', protocols: ['multi-paxos', 'zab'] });
  });

  it.each(['zab', 'zab,zab', 'raft,zab', 'multi-paxos,zab,basic-paxos', ','])('refuses %j with a message', (value) => {
    const read = compareFromSearch(`?compare=${value}`);
    expect(read.kind).toBe('error');
    if (read.kind === 'error') {
      expect(read.error).toContain(`?compare=${value}`);
      expect(read.error).toContain('multi-paxos, basic-paxos, zab');
    }
  });

  it('the run round-trips with its actions up to the moment, timed by simulated time only', () => {
    const header = { ...DEFAULT_HEADER, seed: 9, servers: 5 };
    const run = {
      header,
      actions: [
        { events: 120, t: 1000, text: 'c1> create /a 1' },
        { events: 340, t: 1500.25, text: 'kill leader' },
        { events: 900, t: 4000, text: 'c1> set /a 2' },
      ],
      cursor: { events: 800, t: 3000 },
    };
    const shared = compareScenario(run, 3000);
    const back = scenarioFromLocationHash(scenarioHash(shared));
    expect(back).toEqual({
      kind: 'scenario',
      scenario: {
        header,
        actions: [
          { events: -1, t: 1000, text: 'c1> create /a 1' },
          { events: -1, t: 1500.25, text: 'kill leader' },
        ],
        cursor: { events: 0, t: 3000 },
      },
    });
  });
});
