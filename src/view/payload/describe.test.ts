import { describe, expect, it } from 'vitest';
import type { Ballot, Message } from '../../protocol/paxos/types';
import type { Proposal } from '../../protocol/types';
import type { Wire } from '../../sim/wire';
import type { LoggedTxn } from '../../sim/world';
import { describePayload, MAX_PAYLOAD_ENTRIES } from './describe';

const b = (round: number, server: number): Ballot => ({ round, server });

function create(session: string, path: string, data: string): LoggedTxn {
  return { op: 'create', session, path, data, ephemeral: false, sequential: false };
}

function proposal(id: string, txn: LoggedTxn | null): Proposal<LoggedTxn> {
  return { id, epoch: 1, time: 100, payload: txn };
}

function protocol(message: Message<LoggedTxn>): Wire {
  return { kind: 'protocol', message };
}

describe('describePayload', () => {
  it('lists a promise’s accepted entries (slot: ballot, value) and what it reports decided', () => {
    const wire = protocol({
      type: 'promise',
      from: 3,
      to: 2,
      ballot: b(2, 2),
      accepted: [
        [1, { ballot: b(1, 1), proposal: proposal('c2:16:first', create('c2', '/c', '1')) }],
        [2, { ballot: b(1, 1), proposal: proposal('noop', null) }],
      ],
      decided: [[0, proposal('s', { op: 'createSession', session: 'c2', timeoutMs: 4000 })]],
    });
    expect(describePayload(wire)).toEqual([
      'ballot 2.n2',
      'accepted (2 entries):',
      '#1: 1.n1, c2: create /c 1',
      '#2: 1.n1, noop',
      'decided (1 entry):',
      '#0: createSession c2',
    ]);
  });

  it('says when a promise reports nothing accepted, and caps a long list', () => {
    const empty = protocol({ type: 'promise', from: 1, to: 2, ballot: b(3, 2), accepted: [], decided: [] });
    expect(describePayload(empty)).toEqual(['ballot 3.n2', 'accepted: nothing']);
    const accepted = Array.from(
      { length: 20 },
      (_, slot) =>
        [slot, { ballot: b(1, 1), proposal: proposal(`c1:${slot}`, create('c1', `/k${slot}`, 'v')) }] as const,
    );
    const long = describePayload(protocol({ type: 'promise', from: 1, to: 2, ballot: b(3, 2), accepted, decided: [] }));
    expect(long).toHaveLength(2 + MAX_PAYLOAD_ENTRIES);
    expect(long[2]).toBe('#0: 1.n1, c1: create /k0 v');
    expect(long.at(-1)).toBe(`and ${20 - (MAX_PAYLOAD_ENTRIES - 1)} more entries`);
  });

  it('shows an Accept’s and a Decide’s slot and value', () => {
    const value = proposal('c1:3:x', { op: 'setData', session: 'c1', path: '/a', data: 'hello world', version: -1 });
    expect(
      describePayload(protocol({ type: 'accept', from: 1, to: 2, ballot: b(4, 1), slot: 5, proposal: value })),
    ).toEqual(['slot #5 · ballot 4.n1', 'value: c1: set /a "hello world"']);
    expect(describePayload(protocol({ type: 'decide', from: 1, to: 3, slot: 5, proposal: value }))).toEqual([
      'slot #5',
      'value: c1: set /a "hello world"',
    ]);
  });

  it('shows the promise a Nack hit', () => {
    expect(describePayload(protocol({ type: 'nack', from: 2, to: 1, ballot: b(2, 1), promised: b(3, 3) }))).toEqual([
      'rejects ballot 2.n1: promised 3.n3',
    ]);
  });

  it('shows a client request’s command and a reply’s result', () => {
    const write: Wire = {
      kind: 'client-write',
      session: 'c1',
      opId: 4,
      requestId: 'c1:4',
      txn: create('c1', '/a', '1'),
    };
    expect(describePayload(write)).toEqual(['c1 op 4: c1: create /a 1']);
    const read: Wire = { kind: 'client-read', session: 'c2', opId: 7, read: { op: 'get', path: '/a', watch: true } };
    expect(describePayload(read)).toEqual(['c2 op 7: get /a (watch)']);
    const created: Wire = {
      kind: 'reply',
      opId: 4,
      result: { ok: true, path: '/a', zxid: 0x100000003 },
      lastZxid: 0x100000003,
    };
    expect(describePayload(created)).toEqual([
      'op 4 → ok',
      'path /a',
      'zxid 0x100000003',
      'server has applied up to 0x100000003',
    ]);
    const failed: Wire = {
      kind: 'reply',
      opId: 5,
      result: { ok: false, error: 'NODEEXISTS', path: '/a' },
      lastZxid: 3,
    };
    expect(describePayload(failed)[0]).toBe('op 5 → NODEEXISTS');
  });

  it('shows the fields of heartbeats and session touches', () => {
    expect(describePayload(protocol({ type: 'heartbeat', from: 1, to: 2, ballot: b(1, 1), decidedUpTo: 3 }))).toEqual([
      'ballot 1.n1 · decided up to #3',
    ]);
    expect(describePayload({ kind: 'session-touch', sessions: ['c1', 'c2'] })).toEqual(['sessions: c1, c2']);
  });
});
