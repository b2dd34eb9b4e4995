import { describe, expect, it } from 'vitest';
import { DEFAULT_FUZZ_FIELDS, failingSeedOf, fuzzCommandLine, insertBySeed, readFuzzFields } from './fuzz';

describe('the fuzz panel fields', () => {
  it('read as the CLI defaults, and print as the npm run fuzz line that checks the same seeds', () => {
    const plan = readFuzzFields(DEFAULT_FUZZ_FIELDS);
    expect(plan).toEqual({
      seeds: 100,
      firstSeed: 1,
      options: { steps: 300, servers: 3, protocol: 'multi-paxos', bugs: [] },
    });
    if ('error' in plan) throw new Error(plan.error);
    expect(fuzzCommandLine(plan)).toBe('npm run fuzz -- --seeds 100 --steps 300');
    const other = readFuzzFields({
      ...DEFAULT_FUZZ_FIELDS,
      seeds: ' 200 ',
      firstSeed: '7',
      servers: '5',
      protocol: 'basic-paxos',
      bugs: ['minority-quorum', 'forget-promise'],
    });
    if ('error' in other) throw new Error(other.error);
    expect(fuzzCommandLine(other)).toBe(
      'npm run fuzz -- --seeds 200 --steps 300 --servers 5 --first-seed 7 --protocol basic-paxos --bug minority-quorum --bug forget-promise',
    );
  });

  it('refuse what is not a whole number in range, naming the field', () => {
    expect(readFuzzFields({ ...DEFAULT_FUZZ_FIELDS, seeds: '0' })).toEqual({
      error: 'Seeds must be a whole number from 1 to 100,000, not "0".',
    });
    expect(readFuzzFields({ ...DEFAULT_FUZZ_FIELDS, steps: '2.5' })).toEqual({
      error: 'Steps must be a whole number from 1 to 5,000, not "2.5".',
    });
    expect(readFuzzFields({ ...DEFAULT_FUZZ_FIELDS, servers: '2' })).toEqual({
      error: 'Servers must be a whole number from 3 to 25, not "2".',
    });
    expect(readFuzzFields({ ...DEFAULT_FUZZ_FIELDS, firstSeed: '' })).toEqual({
      error: 'First seed must be a whole number from 0 to 2,147,483,647, not "".',
    });
    expect(readFuzzFields({ ...DEFAULT_FUZZ_FIELDS, seeds: '1e3' })).toHaveProperty('error');
  });
});

describe('failing seeds', () => {
  const replay = { header: {} as never, actions: [], cursor: { events: 0, t: 0 } };
  const finding = (check: 'agreement' | 'chosen', event: number) => ({ check, reason: check, event });

  it('put their earliest finding first (where the opened run pauses); a passing seed is none', () => {
    const failing = failingSeedOf({ seed: 3, findings: [finding('chosen', 90), finding('agreement', 40)], replay });
    expect(failing?.findings.map((f) => f.event)).toEqual([40, 90]);
    expect(failingSeedOf({ seed: 4, findings: [] })).toBeNull();
  });

  it('stay in seed order, whatever order the workers answer in', () => {
    let list = insertBySeed([], failingSeedOf({ seed: 9, findings: [finding('agreement', 1)], replay })!);
    for (const seed of [2, 14, 5]) list = insertBySeed(list, { ...list[0]!, seed });
    expect(list.map((f) => f.seed)).toEqual([2, 5, 9, 14]);
  });
});
