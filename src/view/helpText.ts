// The in-app help (English): what each panel shows and how to use it. The Chinese is in text.zh.ts's help.
export const helpTextEn = {
  button: 'Help',
  buttonTitle: 'What each panel shows and how to use it',
  title: 'How to read Paxoscope',
  close: 'Close help',
  sections: [
    {
      heading: 'Running the ensemble',
      body: 'Play, Step and Step phase move simulated time; the ring shows each server\u2019s role, ballot and progress, with messages flying between them. Kill and restart servers, cut links, partition, and type zkCli lines in the console (c1> create /a 1). The Time slider and the space-time diagram take the whole app to any moment; Copy link shares the exact run.',
    },
    {
      heading: 'Safety monitor',
      body: 'Every invariant of Paxos is checked live, event by event: Agreement, Validity, Prefix order, Promise monotonicity, Chosen stability, Linearizable writes and Liveness after healing. The moment one breaks, play stops, an alert says which servers and slots are involved, and \u201cShow the breaking event\u201d takes the app back to it. Before that event the invariant holds again.',
    },
    {
      heading: 'Bug switches',
      body: 'Bugs opens one switch per broken rule (forget-promise, ignore-promised-values, minority-quorum, accept-below-promise, apply-out-of-order), each with the rule it breaks and why the rule exists. A switch starts a new run with it in the header, and a red banner says so for as long as it is on, in links too.',
    },
    {
      heading: 'Bug lessons',
      body: 'The five lessons whose titles start with \u201cBug:\u201d in the Lessons menu each break one rule in a short scenario: they pause where the rule is broken and where the monitor catches it, then replay the same scenario with the switch off to show it safe.',
    },
    {
      heading: 'Quorum overlap',
      body: 'Show quorum overlap outlines the latest quorum and the earlier one it must share a server with. That shared server is why a new ballot learns what an old one chose; with minority-quorum the two can be disjoint.',
    },
    {
      heading: 'Client history',
      body: 'Show client history draws each client operation as a bar from call to answer. Diamonds mark where the linearizability check placed each write; when no order exists, the longest linearizable prefix is named and the operations that cannot be ordered are outlined in red. Stale reads are allowed by ZooKeeper and marked so. Open history\u2026 checks a Jepsen register or kv history file of your own.',
    },
    {
      heading: 'Fuzz',
      body: 'The Fuzz panel runs random scenarios with faults through every checker in workers of their own, the same code as npm run fuzz, so a seed gives the same verdict in both. Turn on a bug switch to watch seeds fail; open a failing seed to see its run paused at the violation, and share it.',
    },
    {
      heading: 'ZAB and the compare view',
      body: 'Protocol zab runs what ZooKeeper really runs: Step phase stops at election, discovery, sync, proposal, ack quorum and commit; the ring shows each server\u2019s epochs, committed and logged txns and the election\u2019s vote tallies. The arc on each server is its running timer (election timeout, or a leader\u2019s next heartbeat). Compare runs one scenario under Multi-Paxos and ZAB on one clock, with a table of messages per write, write latency and recovery; the lesson \u201cZooKeeper does not run Paxos\u201d walks through a leader crash under both.',
    },
  ],
};
