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
      'In basic Paxos every value goes through both phases. Even opening a session is a write: {session} connects to {at}, and {session} is connected only once {at} got its createSession transaction chosen.',
      'c1 asks n1 to create /x. {server} acts as proposer: it picks ballot {ballot}, higher than any it has seen, and sends Prepare to every acceptor (phase 1a).',
      '{server} gets the Prepare and promises {ballot} (phase 1b): it will never accept a lower ballot, and it reports what it already accepted. The promise is written durably before the reply.',
      "{server} counts the promises of {voters}: {count} of {servers} is a majority, so phase 1 is done ({late}'s promise is still on its way, and is not needed). At once {server} leads and proposes the write for the next free log slot: Accept({ballot}, slot {slot}, {value}) goes to every acceptor (phase 2a).",
      "{server} accepts the value for slot {slot} at {ballot} (phase 2b): that ballot is not below {server}'s promise. It answers Accepted.",
      '{voters} accepted the value under one ballot: {count} of {servers}, a majority, so it is chosen. {server} counts that accepted quorum and sends Decide for slot {slot} at once (ZooKeeper calls it COMMIT).',
      '{at} applied the slot to its znode tree and answered: the reply reaches {session}, {reply}.',
      'The other learners apply decided slots strictly in slot order: {server} now applies slot {slot}, {value}, to its own copy of the tree. That was two round trips for one write; Multi-Paxos skips phase 1 while a leader stays in charge.',
    ],
  },
  watch: {
    title: 'Ephemeral node, versions and a watch',
    summary:
      'Create an ephemeral /data, read it with its Stat and a watch, update it with the version read, and see the watch fire.',
    steps: [
      "c1 creates /data as an ephemeral znode ({reply}): it belongs to c1's session and goes away with it. The create goes through the leader and the log like every write.",
      'c1 reads /data with -s (print the Stat) and -w (leave a data watch). The data is {reply}, and dataVersion = {version}: the version c1 will write against.',
      'c1 sets /data only if its version is still 0 (set -v 0). The write is chosen, applied, and the watch fires: {watch}. A watch is one-shot: it is gone now.',
      "The set's own reply ({reply}) arrives right behind the watch event: a session sees the event before the result of the write that fired it.",
      'c1 reads the Stat again: dataVersion = {version}, and no watch is left on /data.',
    ],
  },
  race: {
    title: 'Two clients race on one version',
    summary: 'Two conditional sets on the same version: the log orders them, one wins, the other gets BADVERSION.',
    steps: [
      'c1 (on n1) and c2 (on n2) are connected. c1 creates /cfg ({reply}); its dataVersion is 0.',
      "Both clients send set -v 0 /cfg at the same moment (the & lets the next line run at once). The leader puts them in two log slots, one after the other: c1's set reached it first (n1 leads, so nothing had to be forwarded), was applied and bumped the version to 1. c1 gets its reply (“{reply}”): its set succeeded.",
      "c2's set, forwarded by n2, took the next slot and was applied against version 1: c2 gets {result}, which zkCli prints as “{reply}”. Failed writes still take a zxid and a slot, and nobody overwrote anybody: the log decided the order.",
    ],
  },
  'leader-crash': {
    title: 'The leader crashes before deciding',
    summary:
      'Kill the leader right after it sent Accept: the next leader finds the accepted value in the promises and re-proposes it.',
    steps: [
      "c1 connects to {at}. {leader} won the election and leads: n2 is a follower, so it forwards c1's writes to {leader}, which proposes them.",
      'c1 asks to create /x. {server}, the leader, has just sent Accept({ballot}, slot {slot}, {value}) to n2 and n3, but nobody has decided the slot yet.',
      "Now n1 crashes, before it hears the Accepted votes. The followers stop getting heartbeats; {server} times out and runs phase 1 with a higher ballot, {ballot}. It has the promises of {voters}, {count} of {servers}: a quorum. n3's Promise reports what n3 accepted: slot {slot} at 1.n1, {value}. So in the same instant {server} leads and sends Accept({ballot}, slot {slot}, {value}): the old value under its own ballot, which is what its log shows. The ring outlines the promise quorum (solid: {voters}) beside the last quorum that accepted under n1 (dashed: n1 and n3, slot 0). They share n3, as any two majorities must share a server: through n3 the new leader learned what n1 had sent.",
      'The rule of phase 2: re-propose the value with the highest accepted ballot, not a new one. {server} decides slot {slot} with the votes of {voters}: {value}, the same create /x. n2 and n3 had both accepted it at 1.n1, so it was already chosen though nobody knew: it survives the crash.',
    ],
  },
  dueling: {
    title: 'Dueling proposers',
    summary:
      'In basic Paxos two proposers can keep pre-empting each other; nacks and randomised back-off end the duel.',
    steps: [
      "Basic Paxos, no stable leader: each server proposes its own clients' writes. {session} connects to {at}.",
      "{session} connects to {at}. Each of n1 and n2 will now run phase 1 for its own client's write.",
      'c1 and c2 write at the same time. n1 and n2 each send Prepare; an acceptor that already promised a higher ballot answers Nack. {to} has just received a Nack from {from}: {from} promised its own higher ballot, so {to} lost this round.',
      "{server} got through both phases with the votes of {voters}: c2's write, {value}, is decided in slot {slot}.",
      '{server} backed off for a random time, then tries again with a higher ballot, {ballot}: a new Prepare. Randomised back-off makes it unlikely that two proposers keep pre-empting each other for ever.',
      "n1 got through both phases this time: c1's write was decided in the next slot, and {session} has its reply: {reply}. c2 had its reply already, so both clients have their answers.",
    ],
  },
  partition: {
    title: 'A minority partition',
    summary:
      'A session pinned to the minority side reads stale data, its writes wait, and sync and heal bring it back.',
    steps: [
      'c1 is on n1 and c2 on n3. c1 creates /cfg = v1 ({reply}); every server will apply it.',
      "c2 reads /cfg from {at}: {reply}. Reads are served by the session's own server, from its local tree.",
      "The network splits: n1 and n2 on one side, n3 alone on the other. The majority side keeps its leader, {leader}, and c1's set /cfg v2 is chosen ({reply}).",
      'c2 reads again from {at} and still gets {reply}: a stale read. n3 cannot hear about the new value, yet it answers reads from its own copy of the tree.',
      "c2 tries to write. n3 is a follower: like a ZooKeeper follower it does not propose, it forwards the write to the leader, {leader}, and the write stays pending until the leader decides it. The red cross is {from}'s session touch to {to} (the follower telling the leader that c2 is alive), dropped on the cut link. A sync would wait too.",
      "c2 asks for sync /cfg: it must wait until n3 catches up with the leader. The network heals, while n3's forwarded write is still on its way to {leader}.",
      "n3 hears the leader again and catches up on the slot it missed; c2's forwarded write went through the log, and {at} answers it: {reply}.",
      "The sync completes too ({reply}): n3 is now up to date, so c2's next read cannot be stale.",
      "c2 reads /cfg again: {reply}, the latest value, after c1's write and its own.",
    ],
  },
  'session-failover': {
    title: 'A session outlives its server, then expires',
    summary:
      "Kill a session's server and the client reconnects elsewhere; expire the session and its ephemeral goes, firing a watch.",
    steps: [
      'c2 is connected to n1 and c1 to n2; {leader} leads. c1 creates the ephemeral /eph: {reply}.',
      "c2 syncs /eph before reading it ({reply}): its server, {at}, answers a sync only once it has applied everything decided before it, c1's create included. {at} leads, so it was up to date already; on a follower, sync is what makes a read after another client's write safe.",
      'c2 reads /eph with a watch (get -w), data {reply}. It will hear when /eph changes or goes.',
      'n2 crashes. c1 loses its server but not its session: the session lives in the replicated log, not on n2. c1 reconnects to {at}, and /eph stays.',
      "Now c1's session expires (as if the client stopped for longer than the session timeout). The closeSession transaction deletes /eph, and c2's watch fires: {watch}.",
    ],
  },
  lock: {
    title: 'A lock queue with sequential ephemerals',
    summary:
      'The ZooKeeper lock recipe: each client watches only its predecessor, so releasing the lock wakes exactly one waiter.',
    steps: [
      'c1, c2 and c3 are connected. c1 creates the lock directory: {reply}.',
      'c1 creates an ephemeral sequential node /lock/n- ({reply}): it gets n-0000000000, the lowest, so c1 holds the lock.',
      'c2 creates its node ({reply}). n-0000000001 is not the lowest, so c2 must wait.',
      'c2 watches only its predecessor, n-0000000000, with stat -w. It does not watch /lock itself.',
      'c3 creates its node ({reply}): n-0000000002 waits too.',
      'c3 watches only its own predecessor, n-0000000001.',
      'c1 releases the lock by deleting its node: {reply}.',
      'Only {session} is notified: {watch}. c3 hears nothing, so there is no herd of clients rushing to re-check. Had c1 crashed instead, its session expiry would have deleted the node the same way.',
      'c2 lists /lock to check, {reply}: its n-0000000001 is now the lowest, so c2 holds the lock.',
    ],
  },
  'bug-forget-promise': {
    title: 'Bug: a promise forgotten on restart',
    summary:
      'With forget-promise an acceptor keeps its promise in memory only: after a restart it takes an old ballot again.',
    steps: [
      "The switch forget-promise is on: an acceptor keeps its promise in memory only. c1 created /x through n1, the leader at ballot 1.n1. Then n1 was cut off, and n2 and n3 elected n3 at the higher ballot 2.n3: both promised to refuse anything below 2.n3. Now n3 crashes and restarts at once, and the network changes (n1 and n3 can talk, n2 is alone). n3's log survived the crash; with this bug its promise did not.",
      "n1 still believes it leads at 1.n1 and sends Accept for c1's set /x 2. n3 has forgotten its promise of 2.n3, so it follows ballot 1.n1 again and accepts: the Safety monitor catches Promise monotonicity, because n3 went back below a promise it had made. n1 now decides slot 2 in a ballot that a majority had promised to refuse; had n3 chosen another value there under 2.n3, the two would disagree.",
      'The same scenario with the switch off (the red banner is gone). The run is the same up to here: n3 crashes and restarts at 1700 ms. This time its promise of 2.n3 comes back from disk with its log, because an acceptor writes its promise durably before it replies.',
      "n3 refuses n1's Accept at 1.n1, so n1 learns of the higher ballot and stops leading. n3 wins an election at ballot 3.n3 with n1's promise, proposes c1's set in slot 2 under that ballot, and c1 gets its answer. The monitor holds everything: a promise is worth something only if it survives a crash.",
    ],
  },
  'bug-ignore-promised-values': {
    title: 'Bug: a new leader ignores what the promises report',
    summary:
      'With ignore-promised-values a new leader proposes a value of its own where a value may already be chosen.',
    steps: [
      "The switch ignore-promised-values is on. c1's create /x 1 reached n1, the leader at 1.n1, and n2 and n3 accepted it in slot 1: a majority accepted it under one ballot, so it is chosen. But the links back to n1 were cut, so n1 never counted those votes, and then n1 crashed. Now n2 runs phase 1 at ballot 2.n2, and n3 promises: its Promise reports that it accepted c1's create in slot 1 at 1.n1.",
      "The rule: a new leader must propose, in every slot a promise reports, the value with the highest ballot reported. With the bug n2 proposes a no-op for slot 1 instead, and accepts it itself: the Safety monitor catches Chosen stability, because slot 1 had chosen c1's create at 1.n1 and a later ballot accepted something else there. Phase 1 found the chosen value; the bug threw it away.",
      "The same scenario with the switch off. The run is the same up to n3's promise. This time n2 reads the Promise's report and proposes c1's create /x 1 again in slot 1: its own ballot 2.n2, but the value that may already be chosen.",
      "n3 accepts it and n2 decides slot 1: the create that was already chosen, now learned by everyone. c1's session will lose n1 and get ConnectionLoss, yet its create took effect: after a ConnectionLoss a ZooKeeper client must check what happened. The monitor holds everything.",
    ],
  },
  'bug-minority-quorum': {
    title: 'Bug: quorums that need not overlap',
    summary: 'With minority-quorum 2 of 5 servers count as a quorum, so both sides of a partition decide.',
    steps: [
      'The switch minority-quorum is on: a quorum is 2 of 5 servers instead of 3. The network splits: n1 and n2 on one side, n3, n4 and n5 on the other. c1 asks n1 to set /x from-n1; n1, still the leader at 1.n1, gets Accepted from itself and n2, counts 2 votes as a quorum and decides slot 3.',
      "On the other side nobody hears n1, so n3 runs phase 1 at 2.n3. None of its promises knows about slot 3, so n3 proposes c2's set /x from-n4 there and decides it with the 2 votes of n3 and n4. The Safety monitor catches Agreement: n1 and n3 decided different values for slot 3. The ring shows why: the two quorums (solid: n3 and n4, dashed: n1 and n2) share no server, so neither could learn of the other's choice.",
      "The same scenario with the switch off: a quorum is 3 of 5. n1's side has only 2 servers, so n1 cannot decide c1's set and waits. The other side elects n4 at 2.n4, decides c2's set /x from-n4 in slot 3 with a majority, and c2 gets its answer. Any two majorities of 5 share a server, so only one side can decide.",
      "After the partition heals, n1 and n2 learn slot 3 from the majority, and c1's set is decided in slot 4 under a new ballot. Both writes happened once each, in one order, and the monitor holds everything.",
    ],
  },
  'bug-accept-below-promise': {
    title: 'Bug: accepting below a promise',
    summary: 'With accept-below-promise an acceptor takes an Accept from a ballot it promised to refuse.',
    steps: [
      'The switch accept-below-promise is on: an acceptor accepts a ballot lower than the one it promised. c1 created /x through n1, the leader at 1.n1. Then n1 was cut off, and n2 and n3 elected n3 at 2.n3: both promised to refuse anything below 2.n3. Now the network changes (n1 and n3 can talk, n2 is alone) and c1 asks for set /x 2: n1, still believing it leads at 1.n1, sends Accept for slot 2.',
      'n3 must refuse ballot 1.n1, because it promised 2.n3. With the bug it accepts it, and the Safety monitor catches Promise monotonicity: n3 accepted below its own promise. That promise is what lets a new leader trust its phase 1: a value accepted behind its back under an older ballot could get chosen without the new leader ever hearing of it.',
      'The same scenario with the switch off. The run is the same up to here: n1 sends Accept for slot 2 at 1.n1.',
      "n3 refuses the old ballot, and n1, which has heard of 2.n3, stops leading and hands c1's write to n3. n3 proposes c1's set in slot 2 at 2.n3, n1 and n3 accept it, and c1 gets its answer. The monitor holds everything.",
    ],
  },
  'bug-apply-out-of-order': {
    title: 'Bug: applying past a hole in the log',
    summary: 'With apply-out-of-order a server applies a decided slot while a slot below it is still unknown.',
    steps: [
      'The switch apply-out-of-order is on: a server applies a decided slot even while a slot below it is unknown. The link from n1 to n3 was cut while c1 created /a, so n3 never saw slot 2: n1 and n2 chose it without n3. The link is back, and c1 creates /b: n3 accepts slot 3.',
      "n3 learns that slot 3 is chosen and applies it at once, over the hole at slot 2: the Safety monitor catches Prefix order. n3 gives /b the zxid that belongs to /a, and when slot 2 arrives later it takes c1's older request for a duplicate and skips it: /a never exists on n3, and c2's ls / there will list only b and zookeeper.",
      'The same scenario with the switch off. n3 again learns that slot 3 is chosen while slot 2 is a hole, but now it only records it: a server applies slots strictly in order.',
      "A heartbeat tells n3 it is behind; it asks n1 for slot 2 (catch-up), applies slots 2 and 3 in order, and c2's ls / on n3 lists a, b and zookeeper, as every server would. The monitor holds everything.",
    ],
  },
  'zab-not-paxos': {
    title: 'ZooKeeper does not run Paxos',
    summary:
      'The same leader crash twice: Multi-Paxos recovers with a phase 1 over the open slots, ZAB with an election, a new epoch and a sync; then why primary order keeps a client\u2019s writes in order.',
    steps: [
      'Multi-Paxos first. {leader} won phase 1 once, at the start, for every slot; since then each write needs only phase 2. c1 (on n2) creates /x: {server} decides slot {slot} with the votes of {voters}, {count} of {servers}.',
      'The leader {server} crashes. Nothing is lost that was chosen: a majority accepted every decided slot.',
      'n2 hears no heartbeat, times out and runs phase 1 with the higher ballot {ballot}: one Prepare for every slot from the first it has not seen decided. The promises of {voters} report what they accepted in those open slots; any value found must be proposed again under {ballot}. None was left open here, so in the same instant {server} leads and proposes c1\u2019s waiting set for slot {slot}.',
      '{server} decides slot {slot}: {value}. Paxos recovered with one round of phase 1: any server could have run it, and the ballot, not the history, decided who leads.',
      "Now the very same lines, at the same times, under ZAB, what ZooKeeper really runs. Fast Leader Election chose {server}: every history was equal, so the highest id won. c1's create /x is PROPOSAL {zxid}: epoch {epoch} in the high 32 bits, a counter below (createSession took 1). A quorum ACKed it and {server} sends COMMIT.",
      'kill leader kills {server}, the ZAB leader. The followers stop getting PINGs.',
      "After syncLimit ticks they go LOOKING and exchange Notifications: each votes (epoch, last zxid, id), and the best vote wins. n1 and n2 have the same history, so {server}, the higher id, is elected. Unlike Paxos, the election itself picks the most up-to-date server: nothing has to be learned from the others' logs afterwards.",
      'Discovery: a quorum sent FOLLOWERINFO with its acceptedEpoch, so {server} chose epoch {epoch}, one above them all, and a quorum acknowledged it. Then sync: it brought each follower to its own history ({syncs}: n1 already had every committed txn, so its DIFF is empty), sent NEWLEADER, and on a quorum of ACKs sent UPTODATE. Only now does anyone serve clients again.',
      "c1's waiting set is the first txn of the new epoch: {zxid}, committed by {server}. Recovery cost an election, a new epoch and a sync, where Paxos spent one phase 1.",
      'The old leader n3 comes back. Its log ends in epoch 1; {from} repairs its history with {label}: the txns of epoch 2 it missed (a follower holding a proposal the leader never committed would get a TRUNC first).',
      "c1 pipelines two writes, set /x 3 and set /x 4, without waiting. The leader gave them consecutive zxids in the order c1 sent them, and commits strictly in zxid order: {zxid} is the second, {value}. This is ZAB's primary order: one leader per epoch proposes in order, and a new leader first makes every follower hold the old epoch's history. ZooKeeper promises FIFO client order, a client's writes applied in the order sent, even across a leader change, and it gets that from ZAB. Multi-Paxos chooses each slot on its own: two pipelined writes could be decided out of order across a leader change unless something else keeps them in order.",
    ],
  },
} as const satisfies Record<string, LessonNarration>;

export type LessonId = keyof typeof lessonText;
