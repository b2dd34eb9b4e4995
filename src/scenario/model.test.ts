import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADER, type Header } from '../sim/config';
import { parseScript } from '../script/parse';
import { checkActions, headerFromLines, scenarioToScript, scriptToScenario, type Scenario } from './model';

const header5: Header = { ...DEFAULT_HEADER, servers: 5, seed: 42, loss: 0.05, bugs: ['forget-promise'] };

describe('scenarioToScript', () => {
  it('writes the header, then wait lines for time passed, then each action as typed', () => {
    const s: Scenario = {
      header: header5,
      actions: [
        { events: 0, t: 0, text: 'c1> create /a x' },
        { events: 0, t: 0, text: 'c2> get /a &' },
        { events: 31, t: 250, text: 'kill n2' },
        { events: 90, t: 1250, text: 'cut n1 -> n3  # one way' },
      ],
    };
    expect(scenarioToScript(s)).toBe(
      [
        'servers 5',
        'seed 42',
        'loss 5%',
        'bug forget-promise',
        'c1> create /a x',
        'c2> get /a &',
        'wait 250ms',
        'kill n2',
        'wait 1000ms',
        'cut n1 -> n3  # one way',
      ].join('\n'),
    );
  });

  it('rounds fractional live times to whole ms and does not count a recorded wait twice', () => {
    const s: Scenario = {
      header: DEFAULT_HEADER,
      actions: [
        { events: 3, t: 100.4, text: 'wait 500ms' },
        { events: 60, t: 600.4, text: 'restart n1' },
        { events: 70, t: 700.6, text: 'heal' },
      ],
    };
    expect(scenarioToScript(s)).toBe(['wait 100ms', 'wait 500ms', 'restart n1', 'wait 101ms', 'heal'].join('\n'));
  });

  it('keeps a network change at time 0 out of the header with wait 0ms', () => {
    const s: Scenario = { header: DEFAULT_HEADER, actions: [{ events: 0, t: 0, text: 'loss 10%' }] };
    const text = scenarioToScript(s);
    expect(text).toBe('wait 0ms\nloss 10%');
    const parsed = parseScript(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.script.header.loss).toBe(0);
    expect(parsed.script.lines.map((l) => l.kind)).toEqual(['wait', 'network']);
  });

  it('an empty scenario with the default header is an empty script', () => {
    expect(scenarioToScript({ header: DEFAULT_HEADER, actions: [] })).toBe('');
  });
});

describe('scriptToScenario', () => {
  it('turns wait lines into time offsets and every other line into an action with unknown events', () => {
    const r = scriptToScenario(
      [
        'servers 5',
        'seed 7',
        '# a comment',
        'c1> create /a x',
        'wait 250ms',
        'kill n2',
        'partition n1 n2 | n3 n4 n5',
        'wait 1.5s',
        'heal',
        'settle',
      ].join('\n'),
    );
    expect(r.errors).toEqual([]);
    expect(r.scenario?.header).toEqual({ ...DEFAULT_HEADER, servers: 5, seed: 7 });
    expect(r.scenario?.actions).toEqual([
      { events: -1, t: 0, text: 'c1> create /a x' },
      { events: -1, t: 250, text: 'kill n2' },
      { events: -1, t: 250, text: 'partition n1 n2 | n3 n4 n5' },
      { events: -1, t: 1750, text: 'heal' },
      { events: -1, t: 1750, text: 'settle' },
    ]);
  });

  it('round-trips with scenarioToScript for whole-ms scenarios', () => {
    const s: Scenario = {
      header: header5,
      actions: [
        { events: -1, t: 0, text: 'c1> create /a x' },
        { events: -1, t: 40, text: 'loss 20%' },
        { events: -1, t: 40, text: 'c2> set -v 1 /a y' },
        { events: -1, t: 900, text: 'c1> create /s "<script>alert(1)</script>"' },
      ],
    };
    expect(scriptToScenario(scenarioToScript(s))).toEqual({ scenario: s, errors: [] });
  });

  it('reports every bad line, one line each, naming the line, and gives no scenario', () => {
    const r = scriptToScenario(['servers 3', 'kill n9', 'c1> frobnicate /a', 'wait 100ms'].join('\n'));
    expect(r.scenario).toBeUndefined();
    expect(r.errors).toHaveLength(2);
    expect(r.errors[0]).toMatch(/^line 2: .*n9/);
    expect(r.errors[1]).toMatch(/^line 3: /);
    for (const e of r.errors) expect(e).not.toContain('\n');
  });

  it('rejects more servers than the app runs, naming the servers line', () => {
    const r = scriptToScenario('seed 3\nservers 50\nkill n40');
    expect(r.scenario).toBeUndefined();
    expect(r.errors).toEqual([
      'line 2: this scenario asks for 50 servers; Paxoscope runs 3 to 25 in the browser (the CLI runs more)',
    ]);
  });
});

describe('headerFromLines and checkActions', () => {
  it('reads formatted header lines back', () => {
    expect(headerFromLines(['servers 5', 'seed 42', 'loss 5%', 'bug forget-promise'])).toEqual({ header: header5 });
    expect(headerFromLines([])).toEqual({ header: DEFAULT_HEADER });
  });

  it('says how many servers a header asks for when the app cannot run them', () => {
    expect(headerFromLines(['servers 10000'])).toEqual({
      error: 'this link asks for 10000 servers; Paxoscope runs 3 to 25 in the browser',
    });
    expect(headerFromLines(['servers 2'])).toEqual({
      error: 'this link asks for 2 servers; Paxoscope runs 3 to 25 in the browser',
    });
  });

  it('rejects header lines that are not header settings, or duplicated', () => {
    expect(headerFromLines(['kill n1'])).toEqual({
      error: expect.stringMatching(/header line 1 .*not a header setting/),
    });
    expect(headerFromLines(['seed 1', 'seed 2'])).toEqual({ error: expect.stringMatching(/header line 2/) });
    expect(headerFromLines(['seed x'])).toEqual({
      error: expect.stringMatching(/header line 1 \("seed x"\) is invalid/),
    });
  });

  it('names the first bad action', () => {
    const actions = [
      { events: 0, t: 0, text: 'kill n1' },
      { events: 5, t: 10, text: 'restart n4' },
    ];
    expect(checkActions(DEFAULT_HEADER, actions)).toMatch(/^action 2 of this link \("restart n4"\) cannot run: /);
    expect(checkActions({ ...DEFAULT_HEADER, servers: 4 }, actions)).toBeNull();
    expect(checkActions(DEFAULT_HEADER, [{ events: 0, t: 0, text: '# nothing' }])).toMatch(/action 1 .*empty/);
    expect(checkActions(DEFAULT_HEADER, [{ events: 0, t: 0, text: 'kill n1\nservers 9' }])).toMatch(/several lines/);
    expect(
      checkActions(DEFAULT_HEADER, [
        { events: 0, t: 5, text: 'kill n1' },
        { events: 1, t: 4, text: 'heal' },
      ]),
    ).toMatch(/happens before/);
    expect(
      checkActions(DEFAULT_HEADER, [
        { events: 9, t: 5, text: 'kill n1' },
        { events: 1, t: 6, text: 'heal' },
      ]),
    ).toMatch(/fewer simulator events/);
  });
});
