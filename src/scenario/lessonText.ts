// The narration of the guided lessons (English), keyed by lesson id: a title, a one-line summary, and
// one text per step. A translation supplies the same shape; src/scenario/lessons.ts holds the data.

export interface LessonNarration {
  readonly title: string;
  readonly summary: string;
  readonly steps: readonly string[];
}

export const lessonText = {
  'one-write': {
    title: 'One write, every phase',
    summary:
      'Basic Paxos runs both phases for every value: watch prepare, promises, accept, accepted votes and decide.',
    steps: [
      'In basic Paxos every value goes through both phases. Even opening a session is a write: c1 connects to n1, and c1 is connected only once n1 got its createSession transaction chosen.',
      'c1 asks n1 to create /x. n1 acts as proposer: it picks a ballot higher than any it has seen and sends Prepare to every acceptor (phase 1a).',
      'n2 gets the Prepare and promises (phase 1b): it will never accept a lower ballot, and it reports what it already accepted. The promise is written durably before the reply.',
      "n1 counts its own promise plus n2's: 2 of 3 is a majority, so phase 1 is done. At once n1 proposes the write for the next free log slot: Accept(ballot, slot, value) goes to every acceptor (phase 2a).",
      "n2 accepts the value (phase 2b): its ballot is not below n2's promise. It answers Accepted.",
      'A majority accepted the value under one ballot, so it is chosen. n1 counts the accepted quorum and sends Decide at once (ZooKeeper calls it COMMIT).',
      'n1 applied the slot to its znode tree and answered: the reply reaches c1, Created /x.',
      'The other learners apply decided slots strictly in slot order: n3 now applies the create to its own copy of the tree. That was two round trips for one write; Multi-Paxos skips phase 1 while a leader stays in charge.',
    ],
  },
  watch: {
    title: 'Ephemeral node, versions and a watch',
    summary:
      'Create an ephemeral /data, read it with its Stat and a watch, update it with the version read, and see the watch fire.',
    steps: [
      "c1 creates /data as an ephemeral znode: it belongs to c1's session and goes away with it. The create goes through the leader and the log like every write.",
      'c1 reads /data with -s (print the Stat) and -w (leave a data watch). Note dataVersion = 0: the version c1 will write against.',
      'c1 sets /data only if its version is still 0 (set -v 0). The write is chosen, applied, and the watch fires: NodeDataChanged /data. A watch is one-shot: it is gone now.',
      "The set's own reply arrives right behind the watch event: a session sees the event before the result of the write that fired it.",
      'c1 reads the Stat again: dataVersion = 1, and no watch is left on /data.',
    ],
  },
  race: {
    title: 'Two clients race on one version',
    summary: 'Two conditional sets on the same version: the log orders them, one wins, the other gets BADVERSION.',
    steps: [
      'c1 (on n1) and c2 (on n2) are connected. c1 creates /cfg; its dataVersion is 0.',
      "Both clients send set -v 0 /cfg at the same moment (the & lets the next line run at once). The leader puts them in two log slots, one after the other: c1's set reached it first (n1 leads, so nothing had to be forwarded), was applied and bumped the version to 1. c1 gets its reply: its set succeeded.",
      "c2's set, forwarded by n2, took the next slot and was applied against version 1: c2 gets BADVERSION (version No is not valid). Failed writes still take a zxid and a slot, and nobody overwrote anybody: the log decided the order.",
    ],
  },
  'leader-crash': {
    title: 'The leader crashes before deciding',
    summary:
      'Kill the leader right after it sent Accept: the next leader finds the accepted value in the promises and re-proposes it.',
    steps: [
      "c1 connects to n2. n1 wins the election and leads; it will be the one to propose c1's writes.",
      'c1 asks to create /x. n1, the leader, has just sent Accept for it to n2 and n3, but nobody has decided the slot yet.',
      'Now n1 crashes, before it hears the Accepted votes. The followers stop getting heartbeats; n2 times out and runs phase 1 with a higher ballot, 2.n2. Its Promise replies carry the value they accepted for the slot: a promise quorum is reached. The ring outlines it (solid: n2 and n3) beside the last quorum that accepted under n1 (dashed: n1 and n3, slot 0). They share n3, as any two majorities must share a server: through n3 the new leader learns what n1 had sent, the create /x of slot 1 included.',
      'The rule of phase 2: re-propose the value with the highest accepted ballot, not a new one. The new leader decides the same create /x, so a value that may already have been chosen survives the crash.',
    ],
  },
  dueling: {
    title: 'Dueling proposers',
    summary:
      'In basic Paxos two proposers can keep pre-empting each other; nacks and randomised back-off end the duel.',
    steps: [
      "Basic Paxos, no stable leader: each server proposes its own clients' writes. c1 connects to n1.",
      "c2 connects to n2. Each of n1 and n2 will now run phase 1 for its own client's write.",
      'c1 and c2 write at the same time. n1 and n2 each send Prepare; an acceptor that already promised a higher ballot answers Nack. A Nack has just reached n1: it lost this round.',
      "n2 got through both phases: c2's write is decided.",
      'n1 backed off for a random time, then tries again with a higher ballot: a new Prepare. Randomised back-off makes it unlikely that two proposers keep pre-empting each other for ever.',
      "n1 gets through both phases this time: c1's write is decided in the next slot. Both clients get their replies.",
    ],
  },
  partition: {
    title: 'A minority partition',
    summary:
      'A session pinned to the minority side reads stale data, its writes wait, and sync and heal bring it back.',
    steps: [
      'c1 is on n1 and c2 on n3. c1 creates /cfg = v1; every server will apply it.',
      "c2 reads /cfg from n3: v1. Reads are served by the session's own server, from its local tree.",
      "The network splits: n1 and n2 on one side, n3 alone on the other. The majority side keeps a leader and c1's set /cfg v2 is chosen.",
      'c2 reads again from n3 and still gets v1: a stale read. n3 cannot hear about the new value, yet it answers reads.',
      'c2 tries to write. The write reaches n3, but n3 cannot get a majority to agree: the write stays pending. A sync would wait too.',
      'c2 asks for sync /cfg: it must wait until n3 catches up with the leader. The network heals.',
      "n3 hears the leader again and catches up on the slots it missed; c2's pending write goes through the log.",
      "The sync completes too: n3 is now up to date, so c2's next read cannot be stale.",
      "c2 reads /cfg again: the latest value, after its own write and c1's.",
    ],
  },
  'session-failover': {
    title: 'A session outlives its server, then expires',
    summary:
      "Kill a session's server and the client reconnects elsewhere; expire the session and its ephemeral goes, firing a watch.",
    steps: [
      'c2 is connected to n1 (the leader) and c1 to n2. c1 creates the ephemeral /eph.',
      'c2 syncs, so that n3 surely has /eph, before reading it.',
      'c2 reads /eph with a watch (get -w): it will hear when /eph changes or goes.',
      'n2 crashes. c1 loses its server but not its session: the session lives in the replicated log, not on n2. c1 reconnects to another server, and /eph stays.',
      "Now c1's session expires (as if the client stopped for longer than the session timeout). The closeSession transaction deletes /eph, and c2's watch fires: NodeDeleted /eph.",
    ],
  },
  lock: {
    title: 'A lock queue with sequential ephemerals',
    summary:
      'The ZooKeeper lock recipe: each client watches only its predecessor, so releasing the lock wakes exactly one waiter.',
    steps: [
      'c1, c2 and c3 are connected. c1 creates the lock directory /lock.',
      'c1 creates an ephemeral sequential node /lock/n-: it gets n-0000000000, the lowest, so c1 holds the lock.',
      'c2 creates its node: n-0000000001. It is not the lowest, so c2 must wait.',
      'c2 watches only its predecessor, n-0000000000, with stat -w. It does not watch /lock itself.',
      'c3 creates n-0000000002: it waits too.',
      'c3 watches only its own predecessor, n-0000000001.',
      'c1 releases the lock by deleting its node; the delete is done.',
      'Only c2 is notified: NodeDeleted /lock/n-0000000000. c3 hears nothing, so there is no herd of clients rushing to re-check. Had c1 crashed instead, its session expiry would have deleted the node the same way.',
      'c2 lists /lock to check: its n-0000000001 is now the lowest, so c2 holds the lock.',
    ],
  },
} as const satisfies Record<string, LessonNarration>;

export type LessonId = keyof typeof lessonText;
