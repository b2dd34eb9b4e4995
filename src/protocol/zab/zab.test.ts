// ZAB's rules from ../shared/reference/zab.md, one test each, on step functions driven by hand:
// a tiny network that delivers every message in order, and a clock moved by the test.
import { describe, expect, it } from 'vitest';
import { zabConfig } from './index';
import { crashServer, initServer, restartServer, step } from './server';
import type { Effect, Message, Txn, ZabBugName, ZabDurable, ZabServer } from './types';
import { beats, makeZxid, zxidHex } from './zxid';

type P = string;

function env(now: number) {
  return { now, random: () => 0.5 };
}

function txn(epoch: number, counter: number, id = `t${epoch}.${counter}`): Txn<P> {
  return { zxid: makeZxid(epoch, counter), proposal: { id, epoch, time: 0, payload: id } };
}

/** Every server of one ensemble, a FIFO queue of messages, a clock; `down` servers drop what they are sent. */
class Ensemble {
  now = 0;
  readonly servers = new Map<number, ZabServer<P>>();
  readonly durables = new Map<number, ZabDurable<P>>();
  readonly down = new Set<number>();
  readonly wire: Message<P>[] = [];
  readonly sent: Message<P>[] = [];
  readonly effects: { server: number; effect: Effect<P> }[] = [];
  readonly wake = new Map<number, number>();
  readonly config;
  constructor(
    readonly n: number,
    bugs: ZabBugName[] = [],
    durables: Record<number, Partial<ZabDurable<P>>> = {},
  ) {
    this.config = { ...zabConfig({ servers: n, bugs, latencyMsMax: 20 }), commitLogCount: 4 };
    for (let id = 1; id <= n; id++) {
      const state = initServer<P>(id, this.config, env(0));
      Object.assign(state.durable, { log: [], ...durables[id] });
      if (durables[id]?.committed === undefined) state.durable.committed = 0;
      this.servers.set(id, state);
      this.wake.set(id, 0);
    }
  }
  private absorb(
    id: number,
    out: { state: ZabServer<P>; messages: Message<P>[]; effects: Effect<P>[]; wakeAt: number },
  ) {
    this.servers.set(id, out.state);
    for (const effect of out.effects) this.effects.push({ server: id, effect });
    this.wire.push(...out.messages);
    this.sent.push(...out.messages);
    this.wake.set(id, out.wakeAt);
  }
  /** Deliver until the wire is empty, firing due ticks as time moves by 1 ms a round. */
  run(ms: number): this {
    const end = this.now + ms;
    while (this.now <= end) {
      while (this.wire.length > 0) {
        const m = this.wire.shift()!;
        if (this.down.has(m.to)) continue;
        this.absorb(m.to, step(this.servers.get(m.to)!, { kind: 'message', message: m }, env(this.now)));
      }
      for (const [id, at] of this.wake) {
        if (!this.down.has(id) && at <= this.now)
          this.absorb(id, step(this.servers.get(id)!, { kind: 'tick' }, env(this.now)));
      }
      if (this.wire.length === 0) this.now++;
    }
    return this;
  }
  request(id: number, name: string): this {
    this.absorb(id, step(this.servers.get(id)!, { kind: 'request', id: name, payload: name }, env(this.now)));
    return this;
  }
  kill(id: number): this {
    this.durables.set(id, crashServer(this.servers.get(id)!));
    this.down.add(id);
    return this;
  }
  restart(id: number): this {
    this.down.delete(id);
    this.absorb(id, restartServer(id, this.config, this.durables.get(id)!, env(this.now)));
    return this;
  }
  leader(): number | null {
    for (const [id, s] of this.servers)
      if (!this.down.has(id) && s.volatile.peerState === 'leading' && s.volatile.phase === 'broadcast') return id;
    return null;
  }
  s(id: number): ZabServer<P> {
    return this.servers.get(id)!;
  }
  log(id: number): string[] {
    return this.s(id).durable.log.map((t) => zxidHex(t.zxid));
  }
  committedIds(id: number): string[] {
    const d = this.s(id).durable;
    return d.log.slice(0, d.committed).map((t) => t.proposal.id);
  }
  ofType<T extends Message<P>['type']>(type: T): Extract<Message<P>, { type: T }>[] {
    return this.sent.filter((m): m is Extract<Message<P>, { type: T }> => m.type === type);
  }
  notes<K extends Effect<P>['kind']>(kind: K): (Extract<Effect<P>, { kind: K }> & { server: number })[] {
    return this.effects
      .filter((e) => e.effect.kind === kind)
      .map((e) => ({ ...(e.effect as Extract<Effect<P>, { kind: K }>), server: e.server }));
  }
}

describe('vote order (totalOrderPredicate)', () => {
  const vote = (peerEpoch: number, zxid: number, leader: number) => ({ peerEpoch, zxid, leader });
  it('orders by peerEpoch, then zxid, then sid', () => {
    expect(beats(vote(2, 1, 1), vote(1, 9, 3))).toBe(true);
    expect(beats(vote(1, 5, 1), vote(1, 4, 3))).toBe(true);
    expect(beats(vote(1, 4, 3), vote(1, 4, 2))).toBe(true);
    expect(beats(vote(1, 4, 2), vote(1, 4, 2))).toBe(false);
  });
  it('compares only sids under zab-elect-by-id', () => {
    expect(beats(vote(1, 1, 3), vote(2, 9, 1), true)).toBe(true);
  });
});

describe('Fast Leader Election', () => {
  it('a fresh ensemble elects the highest sid', () => {
    const e = new Ensemble(3).run(2000);
    expect(e.leader()).toBe(3);
    expect(e.s(1).volatile.peerState).toBe('following');
    expect(e.s(2).volatile.leader).toBe(3);
  });

  it('elects the most up-to-date server before a higher sid', () => {
    const history = [txn(1, 1), txn(1, 2)];
    const e = new Ensemble(3, [], {
      1: { acceptedEpoch: 1, currentEpoch: 1, log: [...history, txn(1, 3)], committed: 2 },
      2: { acceptedEpoch: 1, currentEpoch: 1, log: [...history], committed: 2 },
      3: { acceptedEpoch: 1, currentEpoch: 1, log: [...history], committed: 2 },
    }).run(3000);
    expect(e.leader()).toBe(1);
  });

  it('a higher currentEpoch wins over a longer log', () => {
    const e = new Ensemble(3, [], {
      1: { acceptedEpoch: 2, currentEpoch: 2, log: [txn(1, 1), txn(2, 1)], committed: 1 },
      2: { acceptedEpoch: 1, currentEpoch: 1, log: [txn(1, 1), txn(1, 2), txn(1, 3)], committed: 1 },
      3: { acceptedEpoch: 1, currentEpoch: 1, log: [txn(1, 1)], committed: 1 },
    }).run(3000);
    expect(e.leader()).toBe(1);
  });

  it('waits finalizeWait after a quorum before it stops looking', () => {
    const e = new Ensemble(3).run(2000);
    const looking = e.notes('zab-state').find((n) => n.server === 3 && n.state === 'looking')!;
    const leading = e.notes('zab-state').find((n) => n.server === 3 && n.state === 'leading')!;
    expect(looking.round).toBe(1);
    expect(leading.round).toBe(1);
    expect(e.config.finalizeWaitMs).toBe(200);
    // The leader's first LEADERINFO cannot go out before finalizeWait passed.
    expect(e.notes('zab-epoch').length).toBeGreaterThan(0);
  });

  it('notes the tally of votes for its candidate', () => {
    const e = new Ensemble(3).run(2000);
    const tally = e.notes('zab-tally').filter((n) => n.server === 3);
    expect(tally.at(-1)).toMatchObject({ candidate: 3, needed: 2 });
    expect(tally.some((n) => n.votes >= 2)).toBe(true);
  });

  it('backs off the notification timeout while no quorum answers', () => {
    const e = new Ensemble(3);
    e.down.add(2).add(3);
    e.run(3200);
    const sent = e.ofType('NOTIFICATION').filter((m) => m.from === 1 && m.to === 2);
    // Sent at 0, then after 200, 400, 800, 1600 ms more: 0, 200, 600, 1400, 3000.
    expect(sent.length).toBe(5);
    expect(e.s(1).volatile.notifyTimeoutMs).toBe(3200);
  });

  it('a restarted server joins the leader that a quorum reports', () => {
    const e = new Ensemble(3).run(2000);
    e.kill(1).run(100).restart(1).run(2000);
    expect(e.leader()).toBe(3);
    expect(e.s(1).volatile.leader).toBe(3);
    expect(e.s(1).volatile.phase).toBe('broadcast');
  });
});

describe('discovery', () => {
  it('newEpoch = max acceptedEpoch of the quorum + 1, stored durably by leader and followers', () => {
    const e = new Ensemble(3, [], {
      1: { acceptedEpoch: 5, currentEpoch: 1 },
      2: { acceptedEpoch: 3, currentEpoch: 1 },
      3: { acceptedEpoch: 2, currentEpoch: 1 },
    }).run(3000);
    expect(e.leader()).toBe(3);
    expect(e.ofType('LEADERINFO')[0]!.epoch).toBe(6);
    for (const id of [1, 2, 3]) expect(e.s(id).durable.acceptedEpoch).toBe(6);
    for (const id of [1, 2, 3]) expect(e.s(id).durable.currentEpoch).toBe(6);
  });

  it('zab-elect-by-id elects the highest sid even when behind, and skips the ahead check', () => {
    const durables = { 1: { acceptedEpoch: 1, currentEpoch: 1, log: [txn(1, 1)], committed: 1 } };
    expect(new Ensemble(3, [], durables).run(3000).leader()).toBe(1);
    const e = new Ensemble(3, ['zab-elect-by-id'], durables).run(3000);
    expect(e.leader()).toBe(3);
    expect(e.notes('zab-step-down').some((n) => n.reason === 'follower-ahead')).toBe(false);
    // Its sync truncates n1's txn away.
    expect(e.notes('zab-sync').find((n) => n.follower === 1)).toMatchObject({ mode: 'TRUNC' });
  });

  it('a leader that hears ACKEPOCH from a follower ahead of it goes LOOKING', () => {
    const e = new Ensemble(3, [], { 1: { acceptedEpoch: 1, currentEpoch: 1, log: [txn(1, 1)], committed: 1 } });
    // Force n3 to lead (as a wrong election would) and let n1 follow it.
    const n3 = e.s(3);
    const n1 = e.s(1);
    n3.volatile.logicalclock = 1;
    n1.volatile.logicalclock = 1;
    e.wake.set(1, Infinity);
    e.wake.set(3, Infinity);
    e.wake.set(2, Infinity);
    const out3 = step(
      n3,
      { kind: 'message', message: { type: 'FOLLOWERINFO', from: 2, to: 3, conn: 7, acceptedEpoch: 0 } },
      env(0),
    );
    expect(out3.messages).toHaveLength(0); // not leading: ignored
    n3.volatile.peerState = 'leading';
    n3.volatile.phase = 'discovery';
    n3.volatile.lead = 1;
    let out = step(
      n3,
      { kind: 'message', message: { type: 'FOLLOWERINFO', from: 1, to: 3, conn: 9, acceptedEpoch: 1 } },
      env(1),
    );
    expect(out.messages[0]).toMatchObject({ type: 'LEADERINFO', epoch: 2 });
    out = step(
      n3,
      {
        kind: 'message',
        message: { type: 'ACKEPOCH', from: 1, to: 3, conn: 9, currentEpoch: 1, lastZxid: makeZxid(1, 1), recvSeq: 1 },
      },
      env(2),
    );
    expect(out.effects).toContainEqual({ kind: 'zab-step-down', reason: 'follower-ahead' });
    expect(out.state.volatile.peerState).toBe('looking');
  });
});

describe('synchronisation (LearnerHandler.syncFollower)', () => {
  const base = [txn(1, 1), txn(1, 2), txn(1, 3)];

  it('DIFF: a follower behind gets the txns after its last zxid', () => {
    const e = new Ensemble(3, [], {
      1: { acceptedEpoch: 1, currentEpoch: 1, log: base.slice(0, 1), committed: 1 },
      2: { acceptedEpoch: 1, currentEpoch: 1, log: [...base], committed: 3 },
      3: { acceptedEpoch: 1, currentEpoch: 1, log: [...base], committed: 3 },
    }).run(3000);
    expect(e.notes('zab-sync').find((n) => n.follower === 1)).toMatchObject({ mode: 'DIFF', txns: 2 });
    expect(e.log(1)).toEqual(e.log(3));
  });

  it('an empty DIFF when the follower is level with the leader', () => {
    const e = new Ensemble(3, [], {
      1: { acceptedEpoch: 1, currentEpoch: 1, log: [...base], committed: 3 },
      2: { acceptedEpoch: 1, currentEpoch: 1, log: [...base], committed: 3 },
      3: { acceptedEpoch: 1, currentEpoch: 1, log: [...base], committed: 3 },
    }).run(3000);
    expect(e.notes('zab-sync').map((n) => [n.mode, n.txns])).toEqual([
      ['DIFF', 0],
      ['DIFF', 0],
    ]);
  });

  it('TRUNC: a follower beyond the leader is truncated to the leader\u2019s last zxid', () => {
    // n1 logged 0x100000004 that nobody else has; n3 and n2 elect n3 while n1 is down.
    const e = new Ensemble(3, [], {
      1: { acceptedEpoch: 1, currentEpoch: 1, log: [...base, txn(1, 4)], committed: 3 },
      2: { acceptedEpoch: 1, currentEpoch: 1, log: [...base], committed: 3 },
      3: { acceptedEpoch: 1, currentEpoch: 1, log: [...base], committed: 3 },
    });
    e.down.add(1);
    e.run(3000);
    expect(e.leader()).toBe(3);
    e.durables.set(1, e.s(1).durable);
    e.restart(1).run(3000);
    expect(e.notes('zab-sync').find((n) => n.follower === 1)).toMatchObject({
      mode: 'TRUNC',
      truncZxid: makeZxid(1, 3),
    });
    expect(e.notes('zab-truncate').find((n) => n.server === 1)).toMatchObject({ dropped: 1 });
    expect(e.log(1)).toEqual(e.log(3));
  });

  it('TRUNC then DIFF: an old epoch\u2019s uncommitted proposal goes, the new history comes', () => {
    const e = new Ensemble(3, [], {
      1: { acceptedEpoch: 1, currentEpoch: 1, log: [...base, txn(1, 4)], committed: 3 },
      2: { acceptedEpoch: 2, currentEpoch: 2, log: [...base, txn(2, 1), txn(2, 2)], committed: 5 },
      3: { acceptedEpoch: 2, currentEpoch: 2, log: [...base, txn(2, 1), txn(2, 2)], committed: 5 },
    });
    e.down.add(1);
    e.run(3000);
    e.durables.set(1, e.s(1).durable);
    e.restart(1).run(3000);
    expect(e.notes('zab-sync').find((n) => n.follower === 1)).toMatchObject({
      mode: 'TRUNC+DIFF',
      peerLastZxid: makeZxid(1, 4),
      truncZxid: makeZxid(1, 3),
      txns: 2,
    });
    expect(e.log(1)).toEqual(e.log(3));
    expect(e.committedIds(1)).toEqual(e.committedIds(3));
  });

  it('SNAP: a follower older than the leader keeps in its commit log gets everything', () => {
    const long = [txn(1, 1), txn(1, 2), txn(1, 3), txn(1, 4), txn(1, 5), txn(1, 6)];
    const e = new Ensemble(3, [], {
      1: { acceptedEpoch: 1, currentEpoch: 1, log: long.slice(0, 1), committed: 1 },
      2: { acceptedEpoch: 1, currentEpoch: 1, log: [...long], committed: 6 },
      3: { acceptedEpoch: 1, currentEpoch: 1, log: [...long], committed: 6 },
    }).run(3000);
    // commitLogCount is 4 here: 0x100000001 is older than the 4 the leader keeps.
    expect(e.notes('zab-sync').find((n) => n.follower === 1)).toMatchObject({ mode: 'SNAP', txns: 6 });
    expect(e.log(1)).toEqual(e.log(3));
  });

  it('zab-skip-truncate: the follower keeps the old proposal and diverges', () => {
    const e = new Ensemble(3, ['zab-skip-truncate'], {
      1: { acceptedEpoch: 1, currentEpoch: 1, log: [...base, txn(1, 4)], committed: 3 },
      2: { acceptedEpoch: 2, currentEpoch: 2, log: [...base, txn(2, 1)], committed: 4 },
      3: { acceptedEpoch: 2, currentEpoch: 2, log: [...base, txn(2, 1)], committed: 4 },
    });
    e.down.add(1);
    e.run(3000);
    e.durables.set(1, e.s(1).durable);
    e.restart(1).run(3000);
    expect(e.ofType('TRUNC')).toHaveLength(0);
    expect(e.committedIds(1)[3]).toBe('t1.4');
    expect(e.committedIds(3)[3]).toBe('t2.1');
  });

  it('followers serve (UPTODATE) only after a quorum acknowledged NEWLEADER', () => {
    const e = new Ensemble(3).run(2000);
    const newleader = e.sent.findIndex((m) => m.type === 'NEWLEADER');
    const uptodate = e.sent.findIndex((m) => m.type === 'UPTODATE');
    const ack = e.sent.findIndex((m) => m.type === 'ACK' && m.zxid === makeZxid(1, 0));
    expect(newleader).toBeGreaterThanOrEqual(0);
    expect(ack).toBeGreaterThan(newleader);
    expect(uptodate).toBeGreaterThan(ack);
  });
});

describe('broadcast', () => {
  it('the first txn of a fresh ensemble is 0x100000001, the next 0x100000002', () => {
    const e = new Ensemble(3).run(2000);
    e.request(1, 'a').run(500).request(2, 'b').run(500);
    expect(e.log(3)).toEqual(['0x100000001', '0x100000002']);
    expect(e.committedIds(1)).toEqual(['a', 'b']);
    // A follower forwards its client's write to the leader (REQUEST).
    expect(e.ofType('REQUEST').map((m) => [m.from, m.to])).toEqual([
      [1, 3],
      [2, 3],
    ]);
  });

  it('after the leader crashes, the next leader\u2019s first txn is 0x200000001', () => {
    const e = new Ensemble(3).run(2000);
    e.request(1, 'a').run(500);
    e.kill(3).run(3000);
    expect(e.leader()).toBe(2);
    e.request(1, 'b').run(500);
    expect(e.log(2)).toEqual(['0x100000001', '0x200000001']);
    const b = e.s(1).durable.log[1]!.proposal;
    // The sim derives Stat zxids from the proposal's epoch: it must be the new leader's.
    expect(b.epoch).toBe(2);
  });

  it('COMMITs go out in zxid order, each once a quorum logged it', () => {
    const e = new Ensemble(5).run(2000);
    for (const name of ['a', 'b', 'c']) e.request(5, name);
    e.run(1000);
    const commits = e
      .ofType('COMMIT')
      .filter((m) => m.to === 1)
      .map((m) => zxidHex(m.zxid));
    expect(commits).toEqual(['0x100000001', '0x100000002', '0x100000003']);
    const committed = e
      .notes('zab-commit')
      .filter((n) => n.server === 5)
      .map((n) => n.zxid);
    expect(committed).toEqual([...committed].sort((x, y) => x - y));
  });

  it('no commit without a quorum of ACKs', () => {
    const e = new Ensemble(3).run(2000);
    e.kill(1).kill(2);
    e.request(3, 'a').run(50);
    expect(e.s(3).durable.log).toHaveLength(1);
    expect(e.s(3).durable.committed).toBe(0);
  });

  it('a follower that hears nothing for syncLimit ticks goes LOOKING', () => {
    const e = new Ensemble(3).run(2000);
    e.kill(3).run(e.config.syncLimit * e.config.tickMs + 50);
    expect(e.notes('zab-step-down').filter((n) => n.reason === 'timeout').length).toBeGreaterThan(0);
  });

  it('a leader without a quorum of followers for syncLimit ticks goes LOOKING', () => {
    const e = new Ensemble(3).run(2000);
    e.kill(1)
      .kill(2)
      .run(e.config.syncLimit * e.config.tickMs * 2);
    expect(e.notes('zab-step-down').find((n) => n.server === 3)?.reason).toBe('no-quorum');
  });
});

describe('crash and restart', () => {
  it('a restarted server reloads its epochs and log, uncommitted proposals included, and applies only what was committed', () => {
    const e = new Ensemble(3).run(2000);
    e.request(3, 'a').run(500);
    // n1 and n2 go down; the leader logs 'b', which no quorum has.
    e.kill(1).kill(2).request(3, 'b').run(10);
    e.kill(3);
    const d = e.durables.get(3)!;
    expect(d.log.map((t) => t.proposal.id)).toEqual(['a', 'b']);
    expect(d.committed).toBe(1);
    expect(d.acceptedEpoch).toBe(1);
    expect(d.currentEpoch).toBe(1);
    const before = e.effects.length;
    e.restart(3);
    const applied = e.effects.slice(before).filter((x) => x.effect.kind === 'apply');
    expect(applied).toHaveLength(1);
    expect(e.s(3).durable.log).toHaveLength(2);
  });

  it('the next sync truncates an uncommitted proposal the new leader does not have', () => {
    const e = new Ensemble(3).run(2000);
    e.request(3, 'a').run(500);
    e.kill(1).kill(2).request(3, 'b').run(10);
    e.kill(3);
    // n1 and n2 come back without n3 and commit 'c' in epoch 2.
    e.restart(1).restart(2).run(3000);
    expect(e.leader()).toBe(2);
    e.request(2, 'c').run(500);
    e.restart(3).run(3000);
    expect(e.notes('zab-sync').at(-1)).toMatchObject({ follower: 3, mode: 'TRUNC+DIFF' });
    expect(e.committedIds(3)).toEqual(['a', 'c']);
    expect(e.log(3)).toEqual(['0x100000001', '0x200000001']);
  });

  it('an uncommitted proposal the new leader has is kept and committed', () => {
    const e = new Ensemble(3).run(2000);
    e.request(3, 'a').run(500);
    // n1 logs 'b' (it reached n1 only), then the leader dies.
    e.kill(2).request(3, 'b').run(5);
    e.kill(3).kill(1);
    e.restart(1).restart(2).run(3000);
    expect(e.leader()).toBe(1);
    expect(e.committedIds(2)).toEqual(['a', 'b']);
    expect(e.log(2)).toEqual(['0x100000001', '0x100000002']);
  });
});
