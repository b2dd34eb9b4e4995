// The Paxos step function driven by hand: one input at a time, a fixed clock and a fixed random draw.
import { describe, expect, it } from 'vitest';
import { ZERO_BALLOT } from './ballot';
import { BASIC_PAXOS, MULTI_PAXOS } from './policies';
import { crashServer, initServer, NOOP_ID, restartServer, step } from './server';
import type {
  AcceptedEntry,
  Ballot,
  BugName,
  Effect,
  Env,
  Message,
  Proposal,
  ProtocolConfig,
  ServerState,
  StepOutput,
} from './types';

type P = string;
type Msg = Message<P>;
type MsgType = Msg['type'];
type MsgOf<T extends MsgType> = Extract<Msg, { type: T }>;
type EffectOf<K extends Effect<P>['kind']> = Extract<Effect<P>, { kind: K }>;

function config(overrides: Partial<ProtocolConfig> = {}, bugs: BugName[] = []): ProtocolConfig {
  return {
    servers: 3,
    policy: MULTI_PAXOS,
    bugs: new Set(bugs),
    heartbeatMs: 50,
    electionTimeoutMinMs: 300,
    electionTimeoutMaxMs: 600,
    catchUpBatch: 64,
    ...overrides,
  };
}

function env(now: number): Env {
  return { now, random: () => 0.5 };
}

/** With random() = 0.5 every later election timeout is min + (max - min) / 2. */
const TIMEOUT = 450;

/** n1's first election deadline after a boot at time 0 (staggered by id; n1 goes first). */
const BOOT1 = initServer<P>(1, config(), env(0)).volatile.electionDeadline;

function b(round: number, server: number): Ballot {
  return { round, server };
}

function prop(id: string, payload: P | null = id, epoch = 1, time = 0): Proposal<P> {
  return { id, epoch, time, payload };
}

function ofType<T extends MsgType>(out: StepOutput<P>, type: T): MsgOf<T>[] {
  return out.messages.filter((m): m is MsgOf<T> => m.type === type);
}

function effectsOf<K extends Effect<P>['kind']>(out: StepOutput<P>, kind: K): EffectOf<K>[] {
  return out.effects.filter((e): e is EffectOf<K> => e.kind === kind);
}

function appliedSlots(out: StepOutput<P>): number[] {
  return effectsOf(out, 'apply').map((e) => e.slot);
}

/** A tiny driver: keeps the state and the clock, hands every output back. */
class Node {
  state: ServerState<P>;
  constructor(
    readonly id: number,
    readonly cfg: ProtocolConfig,
    public now = 0,
  ) {
    this.state = initServer<P>(id, cfg, env(now));
  }
  at(now: number): this {
    this.now = now;
    return this;
  }
  tick(): StepOutput<P> {
    return this.run({ kind: 'tick' });
  }
  request(id: string, payload: P = id): StepOutput<P> {
    return this.run({ kind: 'request', id, payload });
  }
  receive(message: Msg): StepOutput<P> {
    return this.run({ kind: 'message', message });
  }
  private run(input: Parameters<typeof step<P>>[1]): StepOutput<P> {
    const out = step(this.state, input, env(this.now));
    this.state = out.state;
    return out;
  }
  get v(): ServerState<P>['volatile'] {
    return this.state.volatile;
  }
  get d(): ServerState<P>['durable'] {
    return this.state.durable;
  }
}

// Message constructors, addressed to `to` from `from`.
const prepare = (from: number, to: number, ballot: Ballot, fromSlot = 0): Msg => ({
  type: 'prepare',
  from,
  to,
  ballot,
  fromSlot,
});
const promise = (
  from: number,
  to: number,
  ballot: Ballot,
  accepted: [number, AcceptedEntry<P>][] = [],
  decided: [number, Proposal<P>][] = [],
): Msg => ({ type: 'promise', from, to, ballot, accepted, decided });
const accept = (from: number, to: number, ballot: Ballot, slot: number, proposal: Proposal<P>): Msg => ({
  type: 'accept',
  from,
  to,
  ballot,
  slot,
  proposal,
});
const accepted = (from: number, to: number, ballot: Ballot, slot: number): Msg => ({
  type: 'accepted',
  from,
  to,
  ballot,
  slot,
});
const decide = (from: number, to: number, slot: number, proposal: Proposal<P>): Msg => ({
  type: 'decide',
  from,
  to,
  slot,
  proposal,
});
const heartbeat = (from: number, to: number, ballot: Ballot, decidedUpTo = 0): Msg => ({
  type: 'heartbeat',
  from,
  to,
  ballot,
  decidedUpTo,
});
const nack = (from: number, to: number, ballot: Ballot, promised: Ballot): Msg => ({
  type: 'nack',
  from,
  to,
  ballot,
  promised,
});

/** n1 as leader of ballot 1.1 in a 3-server multi-Paxos cluster (its own promise plus n2's). */
function leaderN1(cfg: ProtocolConfig = config()): Node {
  const n1 = new Node(1, cfg);
  n1.at(BOOT1).tick();
  n1.receive(promise(2, 1, b(1, 1)));
  expect(n1.v.role).toBe('leader');
  return n1;
}

describe('boot and election timer', () => {
  it('staggers the first election deadline by server id, n1 first', () => {
    const cfg = config();
    const [d1, d2, d3] = [1, 2, 3].map((id) => new Node(id, cfg).v.electionDeadline);
    expect(d1).toBe(BOOT1);
    expect(d1).toBeGreaterThan(0);
    expect(d1).toBeLessThan(d2 ?? 0);
    expect(d2).toBeLessThan(d3 ?? 0);
    // n1 fires well before the others can: n2 is at least one heartbeat behind.
    expect((d2 ?? 0) - (d1 ?? 0)).toBeGreaterThanOrEqual(cfg.heartbeatMs);
    // The stagger counts from the boot time.
    expect(new Node(1, cfg, 1000).v.electionDeadline).toBe(1000 + BOOT1);
  });

  it('does nothing on a tick before the deadline', () => {
    const n1 = new Node(1, config());
    const out = n1.at(BOOT1 - 1).tick();
    expect(out.messages).toEqual([]);
    expect(out.effects).toEqual([]);
    expect(n1.v.role).toBe('follower');
    expect(out.wakeAt).toBe(BOOT1);
  });

  it('a tick past the election deadline sends Prepare to the others and promises itself', () => {
    const n1 = new Node(1, config());
    const t = BOOT1 + 10;
    const out = n1.at(t).tick();
    expect(out.messages).toEqual([prepare(1, 2, b(1, 1)), prepare(1, 3, b(1, 1))]);
    expect(n1.v.role).toBe('candidate');
    expect(n1.v.ballot).toEqual(b(1, 1));
    expect(n1.d.promised).toEqual(b(1, 1));
    expect(effectsOf(out, 'promised')).toEqual([{ kind: 'promised', ballot: b(1, 1) }]);
    expect(effectsOf(out, 'role')).toEqual([{ kind: 'role', role: 'candidate', ballot: b(1, 1) }]);
    expect(effectsOf(out, 'phase')).toEqual([{ kind: 'phase', phase: 'prepare', ballot: b(1, 1) }]);
    expect(effectsOf(out, 'vote')).toEqual([
      { kind: 'vote', vote: 'promise', ballot: b(1, 1), voter: 1, votes: 1, needed: 2 },
    ]);
    // Still a candidate: the next try is one (random) election timeout later.
    expect(n1.v.electionDeadline).toBe(t + TIMEOUT);
    expect(out.wakeAt).toBe(t + TIMEOUT);
  });

  it('a new election goes above every round seen', () => {
    const n3 = new Node(3, config());
    n3.at(10).receive(prepare(2, 3, b(4, 2)));
    const out = n3.at(10 + TIMEOUT).tick();
    expect(ofType(out, 'prepare').map((m) => m.ballot)).toEqual([b(5, 3), b(5, 3)]);
  });
});

describe('phase 1: Prepare and Promise', () => {
  function acceptorWithLog(): Node {
    const n2 = new Node(2, config());
    n2.receive(accept(1, 2, b(1, 1), 0, prop('a')));
    n2.receive(accept(1, 2, b(1, 1), 1, prop('b')));
    n2.receive(accept(1, 2, b(1, 1), 3, prop('d')));
    return n2;
  }

  it('a higher ballot gets a Promise with the accepted entries from fromSlot on, and raises promised', () => {
    const n2 = acceptorWithLog();
    expect(n2.d.promised).toEqual(b(1, 1));
    const out = n2.at(20).receive(prepare(3, 2, b(2, 3), 1));
    expect(out.messages).toEqual([
      promise(2, 3, b(2, 3), [
        [1, { ballot: b(1, 1), proposal: prop('b') }],
        [3, { ballot: b(1, 1), proposal: prop('d') }],
      ]),
    ]);
    expect(n2.d.promised).toEqual(b(2, 3));
    expect(effectsOf(out, 'promised')).toEqual([{ kind: 'promised', ballot: b(2, 3) }]);
    // A promise forgets the old leader and restarts the election timer.
    expect(n2.v.leader).toBeNull();
    expect(n2.v.electionDeadline).toBe(20 + TIMEOUT);
  });

  it('the Promise carries decided entries too, so the candidate learns them', () => {
    const n2 = acceptorWithLog();
    n2.receive(decide(1, 2, 0, prop('a')));
    const out = n2.receive(prepare(3, 2, b(2, 3), 0));
    const [reply] = ofType(out, 'promise');
    expect(reply?.decided).toEqual([[0, prop('a')]]);
    expect(reply?.accepted.map(([slot]) => slot)).toEqual([0, 1, 3]);
  });

  it('an equal ballot gets a Nack carrying the promised ballot', () => {
    const n2 = acceptorWithLog();
    n2.receive(prepare(3, 2, b(2, 3)));
    const out = n2.receive(prepare(3, 2, b(2, 3)));
    expect(out.messages).toEqual([nack(2, 3, b(2, 3), b(2, 3))]);
    expect(out.effects).toEqual([]);
    expect(n2.d.promised).toEqual(b(2, 3));
  });

  it('a lower ballot gets a Nack carrying the promised ballot, and promised stays', () => {
    const n2 = acceptorWithLog();
    n2.receive(prepare(3, 2, b(2, 3)));
    // Same round, lower server id: lower.
    const out = n2.receive(prepare(1, 2, b(2, 1)));
    expect(out.messages).toEqual([nack(2, 1, b(2, 1), b(2, 3))]);
    expect(n2.receive(prepare(1, 2, b(1, 3))).messages).toEqual([nack(2, 1, b(1, 3), b(2, 3))]);
    expect(n2.d.promised).toEqual(b(2, 3));
  });

  it('a candidate that promises a higher ballot steps down', () => {
    const n1 = new Node(1, config());
    n1.at(BOOT1).tick();
    const out = n1.receive(prepare(2, 1, b(2, 2)));
    expect(n1.v.role).toBe('follower');
    expect(effectsOf(out, 'role')).toEqual([{ kind: 'role', role: 'follower', ballot: b(2, 2) }]);
    expect(ofType(out, 'promise')).toHaveLength(1);
    // A late promise for the abandoned ballot does nothing.
    const late = n1.receive(promise(3, 1, b(1, 1)));
    expect(late.effects).toEqual([]);
    expect(n1.v.role).toBe('follower');
  });

  it('a quorum of Promises makes the candidate leader', () => {
    const n1 = new Node(1, config());
    n1.at(BOOT1).tick();
    const out = n1.at(170).receive(promise(2, 1, b(1, 1)));
    expect(n1.v.role).toBe('leader');
    expect(n1.v.leader).toBe(1);
    expect(effectsOf(out, 'vote')).toEqual([
      { kind: 'vote', vote: 'promise', ballot: b(1, 1), voter: 2, votes: 2, needed: 2 },
    ]);
    expect(effectsOf(out, 'phase')).toEqual([{ kind: 'phase', phase: 'promise-quorum', ballot: b(1, 1) }]);
    expect(effectsOf(out, 'role')).toEqual([{ kind: 'role', role: 'leader', ballot: b(1, 1) }]);
    // Nothing was reported: no Accepts, only the first heartbeats.
    expect(out.messages).toEqual([heartbeat(1, 2, b(1, 1)), heartbeat(1, 3, b(1, 1))]);
    expect(out.wakeAt).toBe(170 + 50);
    // A promise from the third server after that changes nothing.
    const extra = n1.receive(promise(3, 1, b(1, 1)));
    expect(extra.messages).toEqual([]);
    expect(extra.effects).toEqual([]);
  });

  it('a promise for another ballot, or a repeated one, is not counted', () => {
    const n1 = new Node(1, config({ servers: 5 }));
    n1.at(BOOT1).tick();
    n1.receive(promise(2, 1, b(7, 1)));
    n1.receive(promise(2, 1, b(1, 1)));
    n1.receive(promise(2, 1, b(1, 1)));
    expect(n1.v.promisesFrom).toEqual(new Set([1, 2]));
    expect(n1.v.role).toBe('candidate');
  });

  it('the new leader re-proposes the highest-ballot value reported for each slot and fills holes with no-ops', () => {
    const n1 = new Node(1, config());
    // n1 itself accepted x in slot 0 under ballot 1.2.
    n1.at(10).receive(accept(2, 1, b(1, 2), 0, prop('x')));
    n1.at(10 + TIMEOUT).tick();
    expect(n1.v.ballot).toEqual(b(2, 1));
    // n2 reports y in slot 0 under the higher ballot 1.3, and z in slot 2; slot 1 is a hole.
    const out = n1.receive(
      promise(2, 1, b(2, 1), [
        [0, { ballot: b(1, 3), proposal: prop('y') }],
        [2, { ballot: b(1, 3), proposal: prop('z') }],
      ]),
    );
    expect(n1.v.role).toBe('leader');
    const accepts = ofType(out, 'accept');
    const bySlot = new Map<number, string>();
    for (const m of accepts) {
      expect(m.ballot).toEqual(b(2, 1));
      bySlot.set(m.slot, m.proposal.id);
    }
    expect([...bySlot].sort((p, q) => p[0] - q[0])).toEqual([
      [0, 'y'],
      [1, NOOP_ID],
      [2, 'z'],
    ]);
    const hole = accepts.find((m) => m.slot === 1);
    expect(hole?.proposal.payload).toBeNull();
    expect(hole?.proposal.epoch).toBe(2);
    // Each goes to both others (the first heartbeat, sent in the same step, resends the not-yet-answered
    // Accepts, so each pair may appear twice), and the leader accepts each itself under its ballot.
    expect([...new Set(accepts.map((m) => `${m.to}:${m.slot}`))].sort()).toEqual([
      '2:0',
      '2:1',
      '2:2',
      '3:0',
      '3:1',
      '3:2',
    ]);
    expect(n1.d.accepted.map((e) => [e?.ballot, e?.proposal.id])).toEqual([
      [b(2, 1), 'y'],
      [b(2, 1), NOOP_ID],
      [b(2, 1), 'z'],
    ]);
    expect(n1.v.nextSlot).toBe(3);
    // A new client value goes after them.
    const next = n1.request('w');
    expect(ofType(next, 'accept').map((m) => m.slot)).toEqual([3, 3]);
  });

  it('keeps the higher-ballot value when the lower report arrives second (5 servers)', () => {
    const n1 = new Node(1, config({ servers: 5 }));
    n1.at(BOOT1).tick();
    expect(n1.v.ballot).toEqual(b(1, 1));
    n1.receive(promise(2, 1, b(1, 1), [[0, { ballot: b(0, 4), proposal: prop('high') }]]));
    n1.receive(promise(3, 1, b(1, 1), [[0, { ballot: b(0, 3), proposal: prop('low') }]]));
    expect(n1.v.role).toBe('leader');
    expect(n1.d.accepted[0]?.proposal.id).toBe('high');
  });

  it('keeps the higher-ballot value when the higher report arrives second (5 servers)', () => {
    const n1 = new Node(1, config({ servers: 5 }));
    n1.at(BOOT1).tick();
    n1.receive(promise(2, 1, b(1, 1), [[0, { ballot: b(0, 3), proposal: prop('low') }]]));
    n1.receive(promise(3, 1, b(1, 1), [[0, { ballot: b(0, 4), proposal: prop('high') }]]));
    expect(n1.d.accepted[0]?.proposal.id).toBe('high');
  });

  it('a decided entry in a promise is learned, not re-proposed', () => {
    const n1 = new Node(1, config());
    n1.at(BOOT1).tick();
    const out = n1.receive(promise(2, 1, b(1, 1), [[0, { ballot: b(0, 2), proposal: prop('a') }]], [[0, prop('a')]]));
    expect(effectsOf(out, 'decided').map((e) => e.slot)).toEqual([0]);
    expect(appliedSlots(out)).toEqual([0]);
    expect(ofType(out, 'accept')).toEqual([]);
    expect(n1.v.nextSlot).toBe(1);
  });
});

describe('phase 2: Accept, Accepted, Decide', () => {
  it('an Accept at the promised ballot is accepted durably and answered', () => {
    const n2 = new Node(2, config());
    n2.receive(prepare(1, 2, b(1, 1)));
    const out = n2.at(30).receive(accept(1, 2, b(1, 1), 0, prop('w')));
    expect(out.messages).toEqual([accepted(2, 1, b(1, 1), 0)]);
    expect(effectsOf(out, 'accepted')).toEqual([{ kind: 'accepted', slot: 0, ballot: b(1, 1), proposalId: 'w' }]);
    expect(n2.d.accepted[0]).toEqual({ ballot: b(1, 1), proposal: prop('w') });
    expect(n2.v.leader).toBe(1);
    expect(n2.v.electionDeadline).toBe(30 + TIMEOUT);
  });

  it('an Accept above promised is accepted and raises promised', () => {
    const n2 = new Node(2, config());
    const out = n2.receive(accept(3, 2, b(4, 3), 2, prop('w')));
    expect(ofType(out, 'accepted')).toEqual([accepted(2, 3, b(4, 3), 2)]);
    expect(n2.d.promised).toEqual(b(4, 3));
    expect(effectsOf(out, 'promised')).toEqual([{ kind: 'promised', ballot: b(4, 3) }]);
  });

  it('an Accept below promised is Nacked and changes nothing', () => {
    const n2 = new Node(2, config());
    n2.receive(prepare(3, 2, b(2, 3)));
    const deadline = n2.v.electionDeadline;
    const out = n2.at(99).receive(accept(1, 2, b(1, 1), 0, prop('w')));
    expect(out.messages).toEqual([nack(2, 1, b(1, 1), b(2, 3))]);
    expect(out.effects).toEqual([]);
    expect(n2.d.accepted[0]).toBeUndefined();
    expect(n2.d.promised).toEqual(b(2, 3));
    // A stale leader does not reset the election timer.
    expect(n2.v.electionDeadline).toBe(deadline);
  });

  it('a quorum of Accepted decides: Decide broadcast, decided and apply effects', () => {
    const n1 = leaderN1();
    const out1 = n1.at(200).request('w');
    expect(ofType(out1, 'accept')).toEqual([
      accept(1, 2, b(1, 1), 0, prop('w', 'w', 1, 200)),
      accept(1, 3, b(1, 1), 0, prop('w', 'w', 1, 200)),
    ]);
    expect(effectsOf(out1, 'phase')).toEqual([{ kind: 'phase', phase: 'accept', ballot: b(1, 1), slot: 0 }]);
    expect(effectsOf(out1, 'decided')).toEqual([]);
    const out2 = n1.receive(accepted(2, 1, b(1, 1), 0));
    expect(out2.messages).toEqual([decide(1, 2, 0, prop('w', 'w', 1, 200)), decide(1, 3, 0, prop('w', 'w', 1, 200))]);
    expect(effectsOf(out2, 'phase').map((e) => e.phase)).toEqual(['accepted-quorum', 'decide']);
    expect(effectsOf(out2, 'decided').map((e) => [e.slot, e.proposal.id])).toEqual([[0, 'w']]);
    expect(effectsOf(out2, 'apply').map((e) => [e.slot, e.proposal.id])).toEqual([[0, 'w']]);
    expect(n1.v.decidedUpTo).toBe(1);
    expect(n1.v.appliedUpTo).toBe(1);
    expect(n1.v.pending.size).toBe(0);
    // The third vote comes late: nothing more happens.
    const out3 = n1.receive(accepted(3, 1, b(1, 1), 0));
    expect(out3.messages).toEqual([]);
    expect(out3.effects).toEqual([]);
  });

  it('Accepted for a stale ballot is not counted', () => {
    const n1 = leaderN1();
    n1.request('w');
    const out = n1.receive(accepted(2, 1, b(0, 2), 0));
    expect(out.effects).toEqual([]);
    expect(n1.d.decided[0]).toBeUndefined();
  });

  it('the leader applies decided slots in slot order', () => {
    const n1 = leaderN1();
    n1.request('w0');
    n1.request('w1');
    const later = n1.receive(accepted(2, 1, b(1, 1), 1));
    expect(effectsOf(later, 'decided').map((e) => e.slot)).toEqual([1]);
    expect(appliedSlots(later)).toEqual([]);
    const first = n1.receive(accepted(3, 1, b(1, 1), 0));
    expect(effectsOf(first, 'decided').map((e) => e.slot)).toEqual([0]);
    expect(effectsOf(first, 'apply').map((e) => [e.slot, e.proposal.id])).toEqual([
      [0, 'w0'],
      [1, 'w1'],
    ]);
  });

  it('a repeated request id is proposed once', () => {
    const n1 = leaderN1();
    n1.request('w');
    expect(ofType(n1.request('w'), 'accept')).toEqual([]);
    n1.receive(accepted(2, 1, b(1, 1), 0));
    // Decided: a late retry or forward is not proposed again.
    expect(ofType(n1.request('w'), 'accept')).toEqual([]);
    expect(ofType(n1.receive({ type: 'forward', from: 3, to: 1, proposal: prop('w') }), 'accept')).toEqual([]);
  });

  it('the leader resends unanswered Accepts with its heartbeat', () => {
    const n1 = leaderN1();
    n1.at(200).request('w');
    n1.receive(accepted(2, 1, b(1, 1), 0));
    n1.request('v');
    n1.receive(accepted(3, 1, b(1, 1), 1));
    // Slot 1 is decided; nothing to resend. Propose one more and let the heartbeat come due.
    n1.request('u');
    // A heartbeat soon after leaves the young Accept alone (it is most likely still on its way)...
    const soon = n1.at(n1.v.heartbeatDue).tick();
    expect(ofType(soon, 'heartbeat').map((m) => m.to)).toEqual([2, 3]);
    expect(ofType(soon, 'accept')).toEqual([]);
    // ...and one two heartbeat intervals after it went out resends it to those that did not answer.
    const out = n1.at(Math.max(n1.v.heartbeatDue, 200 + 2 * 50)).tick();
    expect(ofType(out, 'heartbeat').map((m) => m.to)).toEqual([2, 3]);
    expect(ofType(out, 'accept').map((m) => [m.to, m.slot, m.proposal.id])).toEqual([
      [2, 2, 'u'],
      [3, 2, 'u'],
    ]);
  });
});

describe('learning and catch-up', () => {
  it('a Decide beyond a hole applies nothing past the hole, and waits for the missing Decides', () => {
    const n2 = new Node(2, config());
    const out1 = n2.receive(decide(1, 2, 1, prop('b')));
    expect(effectsOf(out1, 'decided').map((e) => e.slot)).toEqual([1]);
    expect(appliedSlots(out1)).toEqual([]);
    // The Decide for slot 0 is most likely still on the wire: no catch-up request yet.
    expect(out1.messages).toEqual([]);
    const out2 = n2.receive(decide(1, 2, 2, prop('c')));
    expect(appliedSlots(out2)).toEqual([]);
    expect(n2.v.decidedUpTo).toBe(0);
    expect(n2.v.appliedUpTo).toBe(0);
    // The hole is filled: everything up to slot 2 is applied, in order.
    const out3 = n2.receive({ type: 'catchUpReply', from: 1, to: 2, entries: [[0, prop('a')]] });
    expect(effectsOf(out3, 'apply').map((e) => [e.slot, e.proposal.id])).toEqual([
      [0, 'a'],
      [1, 'b'],
      [2, 'c'],
    ]);
    expect(n2.v.decidedUpTo).toBe(3);
  });

  it('a Decide in order is applied at once without a catch-up request', () => {
    const n2 = new Node(2, config());
    const out = n2.receive(decide(1, 2, 0, prop('a')));
    expect(out.messages).toEqual([]);
    expect(appliedSlots(out)).toEqual([0]);
    // A repeated Decide is ignored.
    expect(n2.receive(decide(1, 2, 0, prop('a'))).effects).toEqual([]);
  });

  it('a catch-up request is answered with decided entries from fromSlot, at most catchUpBatch of them', () => {
    const n1 = new Node(1, config({ catchUpBatch: 2 }));
    for (const [slot, id] of [
      [0, 'a'],
      [1, 'b'],
      [2, 'c'],
      [4, 'e'],
    ] as const)
      n1.receive(decide(2, 1, slot, prop(id)));
    const out = n1.receive({ type: 'catchUpRequest', from: 3, to: 1, fromSlot: 1 });
    expect(out.messages).toEqual([
      {
        type: 'catchUpReply',
        from: 1,
        to: 3,
        entries: [
          [1, prop('b')],
          [2, prop('c')],
        ],
      },
    ]);
    expect(n1.receive({ type: 'catchUpRequest', from: 3, to: 1, fromSlot: 5 }).messages).toEqual([]);
  });

  it('still behind what the previous heartbeat reported: the follower asks the leader for the missing slots', () => {
    const n2 = new Node(2, config());
    // The first heartbeat says the leader decided 3 slots; their Decides may still be on the wire.
    const first = n2.receive(heartbeat(1, 2, b(1, 1), 3));
    expect(first.messages).toEqual([{ type: 'heartbeatAck', from: 2, to: 1, ballot: b(1, 1), decidedUpTo: 0 }]);
    // A heartbeat later they have not arrived: they were lost.
    const second = n2.at(75).receive(heartbeat(1, 2, b(1, 1), 3));
    expect(second.messages).toEqual([
      { type: 'heartbeatAck', from: 2, to: 1, ballot: b(1, 1), decidedUpTo: 0 },
      { type: 'catchUpRequest', from: 2, to: 1, fromSlot: 0 },
    ]);
  });
});

describe('heartbeats, Nacks and leadership', () => {
  it('a heartbeat at or above promised is acknowledged and sets the leader', () => {
    const n2 = new Node(2, config());
    n2.receive(prepare(1, 2, b(1, 1)));
    const out = n2.at(40).receive(heartbeat(1, 2, b(1, 1)));
    expect(out.messages).toEqual([{ type: 'heartbeatAck', from: 2, to: 1, ballot: b(1, 1), decidedUpTo: 0 }]);
    expect(n2.v.leader).toBe(1);
    expect(n2.v.electionDeadline).toBe(40 + TIMEOUT);
  });

  it('a heartbeat from a stale ballot is Nacked with the promised ballot', () => {
    const n2 = new Node(2, config());
    n2.receive(prepare(3, 2, b(2, 3)));
    const deadline = n2.v.electionDeadline;
    const out = n2.at(60).receive(heartbeat(1, 2, b(1, 1)));
    expect(out.messages).toEqual([nack(2, 1, b(1, 1), b(2, 3))]);
    expect(n2.v.leader).toBeNull();
    expect(n2.v.electionDeadline).toBe(deadline);
  });

  it('a leader receiving a Nack with a higher promise steps down', () => {
    const n1 = leaderN1();
    const out = n1.at(300).receive(nack(2, 1, b(1, 1), b(2, 3)));
    expect(n1.v.role).toBe('follower');
    expect(n1.v.leader).toBeNull();
    expect(effectsOf(out, 'role')).toEqual([{ kind: 'role', role: 'follower', ballot: b(1, 1) }]);
    expect(n1.v.highestRound).toBe(2);
    expect(n1.v.electionDeadline).toBe(300 + TIMEOUT);
    expect(n1.v.heartbeatDue).toBe(Infinity);
    // Its next election goes above the round it learned of.
    const again = n1.at(300 + TIMEOUT).tick();
    expect(ofType(again, 'prepare')[0]?.ballot).toEqual(b(3, 1));
  });

  it('a Nack for an older ballot of the leader, or not above its ballot, is ignored', () => {
    const n1 = leaderN1();
    expect(n1.receive(nack(2, 1, b(0, 1), b(5, 2))).effects).toEqual([]);
    expect(n1.v.role).toBe('leader');
    expect(n1.receive(nack(2, 1, b(1, 1), b(1, 1))).effects).toEqual([]);
    expect(n1.v.role).toBe('leader');
  });

  it('a leader steps down on a heartbeat from a higher ballot', () => {
    const n1 = leaderN1();
    const out = n1.receive(heartbeat(2, 1, b(2, 2)));
    expect(n1.v.role).toBe('follower');
    expect(n1.v.leader).toBe(2);
    expect(effectsOf(out, 'role').map((e) => e.role)).toEqual(['follower']);
  });

  it('a leader without answers from a quorum for a whole timeout steps down', () => {
    const n1 = leaderN1();
    n1.at(BOOT1 + 10).tick();
    expect(n1.v.role).toBe('leader');
    // n2's promise was its last word; n3 never answered.
    const out = n1.at(BOOT1 + 601).tick();
    expect(n1.v.role).toBe('follower');
    expect(effectsOf(out, 'role').map((e) => e.role)).toEqual(['follower']);
  });

  it('heartbeat acks keep the leader in place', () => {
    const n1 = leaderN1();
    for (let t = 200; t <= 2000; t += 50) {
      n1.at(t).receive({ type: 'heartbeatAck', from: 3, to: 1, ballot: b(1, 1), decidedUpTo: 0 });
      n1.tick();
    }
    expect(n1.v.role).toBe('leader');
  });

  it('a follower forwards a client request to the leader it knows', () => {
    const n2 = new Node(2, config());
    n2.receive(heartbeat(1, 2, b(1, 1)));
    const out = n2.at(70).request('w');
    expect(out.messages).toEqual([{ type: 'forward', from: 2, to: 1, proposal: prop('w', 'w', 0, 70) }]);
    expect(n2.v.pending.has('w')).toBe(true);
    // Until the write is decided the follower retries after a while.
    expect(out.wakeAt).toBe(70 + 300);
    const retry = n2.at(370).tick();
    expect(ofType(retry, 'forward').map((m) => m.proposal.id)).toEqual(['w']);
    // Once decided it is forgotten.
    n2.receive(decide(1, 2, 0, prop('w')));
    expect(n2.v.pending.size).toBe(0);
  });

  it('a follower that knows no leader holds the request and forwards it to the next leader', () => {
    const n2 = new Node(2, config());
    const out = n2.request('w');
    expect(out.messages).toEqual([]);
    expect(n2.v.pending.has('w')).toBe(true);
    const hb = n2.receive(heartbeat(3, 2, b(1, 3)));
    expect(ofType(hb, 'forward')).toEqual([{ type: 'forward', from: 2, to: 3, proposal: prop('w', 'w', 0, 0) }]);
  });

  it('the leader proposes a forwarded request', () => {
    const n1 = leaderN1();
    const out = n1.at(90).receive({ type: 'forward', from: 2, to: 1, proposal: prop('w', 'w', 0, 70) });
    expect(ofType(out, 'accept').map((m) => [m.slot, m.proposal.id, m.proposal.epoch])).toEqual([
      [0, 'w', 1],
      [0, 'w', 1],
    ]);
  });
});

describe('basic Paxos', () => {
  it('runs phase 1 for every write: two writes, two Prepare rounds', () => {
    const cfg = config({ policy: BASIC_PAXOS });
    const n1 = new Node(1, cfg);
    // Without a request a basic-Paxos server never starts an election (it only probes a peer for decided slots).
    expect(
      n1
        .at(1000)
        .tick()
        .messages.filter((m) => m.type !== 'catchUpRequest'),
    ).toEqual([]);
    expect(n1.v.role).toBe('follower');

    const out1 = n1.request('w1');
    expect(ofType(out1, 'prepare').map((m) => m.ballot)).toEqual([b(1, 1), b(1, 1)]);
    const p1 = n1.receive(promise(2, 1, b(1, 1)));
    expect(ofType(p1, 'accept').map((m) => [m.slot, m.proposal.id])).toEqual([
      [0, 'w1'],
      [0, 'w1'],
    ]);
    // Basic Paxos sends no heartbeats.
    expect(ofType(p1, 'heartbeat')).toEqual([]);
    const d1 = n1.receive(accepted(2, 1, b(1, 1), 0));
    expect(ofType(d1, 'decide')).toHaveLength(2);
    expect(appliedSlots(d1)).toEqual([0]);
    // The round is over: the proposer lets go.
    expect(n1.v.role).toBe('follower');

    const out2 = n1.request('w2');
    const second = ofType(out2, 'prepare').map((m) => m.ballot);
    expect(second).toEqual([b(2, 1), b(2, 1)]);
    n1.receive(promise(3, 1, b(2, 1)));
    const d2 = n1.receive(accepted(3, 1, b(2, 1), 1));
    expect(effectsOf(d2, 'decided').map((e) => [e.slot, e.proposal.id])).toEqual([[1, 'w2']]);
    const prepareRounds = [out1, out2].flatMap((o) => effectsOf(o, 'phase')).filter((e) => e.phase === 'prepare');
    expect(prepareRounds.map((e) => e.ballot)).toEqual([b(1, 1), b(2, 1)]);
  });

  it('a second write arriving during a round waits for the next round', () => {
    const n1 = new Node(1, config({ policy: BASIC_PAXOS }));
    n1.request('w1');
    const during = n1.request('w2');
    expect(during.messages).toEqual([]);
    n1.receive(promise(2, 1, b(1, 1)));
    expect(n1.d.accepted.map((e) => e?.proposal.id)).toEqual(['w1']);
    const done = n1.receive(accepted(2, 1, b(1, 1), 0));
    // w1 is chosen; phase 1 starts again at once for w2.
    expect(ofType(done, 'prepare').map((m) => m.ballot)).toEqual([b(2, 1), b(2, 1)]);
    expect(n1.v.roundFor).toBe('w2');
  });
});

describe('crash and restart', () => {
  /** n2 with a promise of 3.3, accepted slots 0..2 and decided slots 0..1. */
  function busyAcceptor(cfg: ProtocolConfig = config()): Node {
    const n2 = new Node(2, cfg);
    n2.receive(accept(1, 2, b(1, 1), 0, prop('a')));
    n2.receive(accept(1, 2, b(1, 1), 1, prop('b')));
    n2.receive(accept(1, 2, b(1, 1), 2, prop('c')));
    n2.receive(decide(1, 2, 0, prop('a')));
    n2.receive(decide(1, 2, 1, prop('b')));
    n2.receive(prepare(3, 2, b(3, 3)));
    return n2;
  }

  it('crashServer keeps promised, accepted and decided', () => {
    const n2 = busyAcceptor();
    const durable = crashServer(n2.state);
    expect(durable.promised).toEqual(b(3, 3));
    expect(durable.accepted.map((e) => e?.proposal.id)).toEqual(['a', 'b', 'c']);
    expect(durable.decided.map((p) => p?.id)).toEqual(['a', 'b']);
  });

  it('after restart the decided prefix is applied again and volatile state is fresh', () => {
    const n2 = busyAcceptor();
    const durable = crashServer(n2.state);
    const out = restartServer<P>(2, config(), durable, env(5000));
    expect(effectsOf(out, 'apply').map((e) => [e.slot, e.proposal.id])).toEqual([
      [0, 'a'],
      [1, 'b'],
    ]);
    expect(out.messages).toEqual([]);
    const v = out.state.volatile;
    expect(v.role).toBe('follower');
    expect(v.leader).toBeNull();
    expect(v.decidedUpTo).toBe(2);
    expect(v.appliedUpTo).toBe(2);
    expect(v.highestRound).toBe(3);
    expect(v.electionDeadline).toBe(5000 + TIMEOUT);
    expect(out.wakeAt).toBe(5000 + TIMEOUT);
  });

  it('a restarted server Nacks a Prepare below its old promise and promises above it', () => {
    const n2 = busyAcceptor();
    const out = restartServer<P>(2, config(), crashServer(n2.state), env(5000));
    let state = out.state;
    const low = step(state, { kind: 'message', message: prepare(1, 2, b(2, 1)) }, env(5001));
    state = low.state;
    expect(low.messages).toEqual([nack(2, 1, b(2, 1), b(3, 3))]);
    expect(state.durable.promised).toEqual(b(3, 3));
    const acc = step(state, { kind: 'message', message: accept(1, 2, b(2, 1), 3, prop('late')) }, env(5002));
    state = acc.state;
    expect(acc.messages).toEqual([nack(2, 1, b(2, 1), b(3, 3))]);
    const high = step(state, { kind: 'message', message: prepare(1, 2, b(4, 1), 2) }, env(5003));
    expect(ofType(high, 'promise')[0]?.accepted).toEqual([[2, { ballot: b(1, 1), proposal: prop('c') }]]);
  });

  it('a restarted server does not propose a write it already decided', () => {
    const n2 = busyAcceptor();
    const out = restartServer<P>(2, config(), crashServer(n2.state), env(5000));
    expect(out.state.volatile.decidedIds).toEqual(new Set(['a', 'b']));
  });

  it('a restarted candidate elects itself above its old promise', () => {
    const n2 = busyAcceptor();
    const out = restartServer<P>(2, config(), crashServer(n2.state), env(5000));
    const t = step(out.state, { kind: 'tick' }, env(5000 + TIMEOUT));
    expect(ofType(t, 'prepare')[0]?.ballot).toEqual(b(4, 2));
    expect(ofType(t, 'prepare')[0]?.fromSlot).toBe(2);
  });
});

describe('bug switches, each as its small deviation', () => {
  it('forget-promise: the promise is lost in a crash, so a lower Prepare is promised after restart', () => {
    const cfg = config({}, ['forget-promise']);
    const n2 = new Node(2, cfg);
    n2.receive(accept(1, 2, b(1, 1), 0, prop('a')));
    n2.receive(prepare(3, 2, b(3, 3)));
    const durable = crashServer(n2.state);
    expect(durable.promised).toEqual(ZERO_BALLOT);
    // Accepted values are still kept.
    expect(durable.accepted[0]?.proposal.id).toBe('a');
    const out = restartServer<P>(2, cfg, durable, env(1000));
    const low = step(out.state, { kind: 'message', message: prepare(1, 2, b(2, 1)) }, env(1001));
    expect(ofType(low, 'promise')).toHaveLength(1);
    expect(ofType(low, 'nack')).toEqual([]);
    expect(low.state.durable.promised).toEqual(b(2, 1));
  });

  it('forget-promise: without a crash the promise still holds', () => {
    const n2 = new Node(2, config({}, ['forget-promise']));
    n2.receive(prepare(3, 2, b(3, 3)));
    expect(n2.receive(prepare(1, 2, b(2, 1))).messages).toEqual([nack(2, 1, b(2, 1), b(3, 3))]);
  });

  it('ignore-promised-values: the new leader proposes its own value over the reported one', () => {
    function run(bugs: BugName[]): Node {
      const n1 = new Node(1, config({}, bugs));
      n1.at(BOOT1).tick();
      n1.request('mine');
      n1.receive(promise(2, 1, b(1, 1), [[0, { ballot: b(0, 2), proposal: prop('theirs') }]]));
      expect(n1.v.role).toBe('leader');
      return n1;
    }
    const correct = run([]);
    expect(correct.d.accepted.map((e) => e?.proposal.id)).toEqual(['theirs', 'mine']);
    const buggy = run(['ignore-promised-values']);
    expect(buggy.d.accepted[0]?.proposal.id).toBe('mine');
    expect(buggy.d.accepted[0]?.proposal.epoch).toBe(1);
    expect(buggy.d.accepted.map((e) => e?.proposal.id)).not.toContain('theirs');
  });

  it('ignore-promised-values: with no value of its own the reported slot becomes a no-op', () => {
    const n1 = new Node(1, config({}, ['ignore-promised-values']));
    n1.at(BOOT1).tick();
    n1.receive(promise(2, 1, b(1, 1), [[0, { ballot: b(0, 2), proposal: prop('theirs') }]]));
    expect(n1.d.accepted[0]?.proposal.id).toBe(NOOP_ID);
  });

  it('minority-quorum: floor(n/2) votes suffice, so a lone candidate leads and decides', () => {
    const correct = new Node(1, config());
    correct.at(BOOT1).tick();
    expect(correct.v.role).toBe('candidate');

    const n1 = new Node(1, config({}, ['minority-quorum']));
    const out = n1.at(BOOT1).tick();
    expect(n1.v.role).toBe('leader');
    expect(effectsOf(out, 'vote')[0]?.needed).toBe(1);
    expect(effectsOf(out, 'phase').map((e) => e.phase)).toEqual(['prepare', 'promise-quorum']);
    const w = n1.request('w');
    // Decided on its own acceptance alone.
    expect(effectsOf(w, 'decided').map((e) => e.proposal.id)).toEqual(['w']);
    expect(ofType(w, 'decide')).toHaveLength(2);
  });

  it('minority-quorum: 5 servers need 2 instead of 3', () => {
    const n1 = new Node(1, config({ servers: 5 }, ['minority-quorum']));
    n1.at(BOOT1).tick();
    expect(n1.v.role).toBe('candidate');
    n1.receive(promise(2, 1, b(1, 1)));
    expect(n1.v.role).toBe('leader');
  });

  it('accept-below-promise: an Accept below promised is accepted', () => {
    const n2 = new Node(2, config({}, ['accept-below-promise']));
    n2.receive(prepare(3, 2, b(2, 3)));
    const out = n2.receive(accept(1, 2, b(1, 1), 0, prop('w')));
    expect(out.messages).toEqual([accepted(2, 1, b(1, 1), 0)]);
    expect(n2.d.accepted[0]).toEqual({ ballot: b(1, 1), proposal: prop('w') });
    // The promise itself does not go down.
    expect(n2.d.promised).toEqual(b(2, 3));
    // Prepare is still checked correctly.
    expect(n2.receive(prepare(1, 2, b(1, 1))).messages).toEqual([nack(2, 1, b(1, 1), b(2, 3))]);
  });

  it('apply-out-of-order: a decided slot beyond a hole is applied at once, and only once', () => {
    const correct = new Node(2, config());
    expect(appliedSlots(correct.receive(decide(1, 2, 1, prop('b'))))).toEqual([]);

    const n2 = new Node(2, config({}, ['apply-out-of-order']));
    const out1 = n2.receive(decide(1, 2, 1, prop('b')));
    expect(appliedSlots(out1)).toEqual([1]);
    const out2 = n2.receive(decide(1, 2, 0, prop('a')));
    expect(appliedSlots(out2)).toEqual([0]);
    expect(n2.v.appliedUpTo).toBe(2);
    const out3 = n2.receive(decide(1, 2, 2, prop('c')));
    expect(appliedSlots(out3)).toEqual([2]);
  });
});
