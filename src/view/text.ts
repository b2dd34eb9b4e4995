/**
 * User-facing strings (English; the Chinese is in text.zh.ts). Components read their text from `text`, which
 * follows the language the page is in, so that wording lives in one place.
 */
import { helpTextEn } from './helpText';
import { localized, type Catalogue } from '../script/language';
import { safetyTextEn } from './safetyText';
import { textZh } from './text.zh';
import type { ErrorCode } from '../zk/types';

export const textEn = {
  appName: 'Paxoscope',
  tagline: 'See consensus work: a ZooKeeper-like ensemble on Paxos, simulated deterministically in your browser.',
  intro:
    'Servers, clients and the network run in a Web Worker from a seed, so every run can be replayed step by step and checked.',
  footer: 'Same seed, same run.',
  workerFailed: (reason: string): string => `The simulation stopped: ${reason}`,
  /** The header's language switch: each language is named in itself. */
  language: {
    label: 'Language',
    names: { en: 'English', zh: '中文' },
  },
  page: {
    tagline: 'A ZooKeeper-like ensemble agreeing with Paxos, live in your browser.',
    restart: 'Restart simulation',
    dismiss: 'Dismiss',
    fatalTitle: 'The simulation stopped.',
    errorTitle: 'Command refused',
    noticeTitle: 'Note',
  },
  controls: {
    label: 'Simulation controls',
    play: 'Play',
    pause: 'Pause',
    step: 'Step',
    stepTitle: 'Run to the next event (→)',
    stepPhase: 'Step phase',
    stepPhaseTitle: 'Run to the next prepare, promise quorum, accept, accepted quorum or decide',
    playTitle: 'Play or pause (space)',
    speed: 'Speed',
    speedValue: (speed: number): string =>
      `${speed >= 10 ? speed.toFixed(0) : speed >= 1 ? speed.toFixed(1) : speed.toFixed(2)}x`,
    servers: 'Servers',
    protocol: 'Protocol',
    time: 'Time',
    timeValue: (ms: number): string => `${Math.floor(ms).toLocaleString('en-US')} ms`,
    events: 'Events',
    eventsValue: (count: number): string => count.toLocaleString('en-US'),
  },
  log: {
    title: (server: number): string => `Log of n${server}`,
    show: 'Show server',
    serverOption: (server: number, role: string): string => `n${server} (${role})`,
    slot: 'Slot',
    ballot: 'Ballot',
    txn: 'Transaction',
    state: 'State',
    zxid: 'zxid',
    chosen: 'chosen',
    applied: 'applied',
    accepted: 'accepted',
    stale: 'missing here',
    empty: 'Nothing accepted yet.',
    moreMissing: (count: number): string => `… and ${count} more slots decided elsewhere`,
    summary: (decided: number, applied: number, cluster: number): string =>
      `decided ${decided} · applied ${applied} · cluster decided ${cluster}`,
    down: 'This server is down: its durable log is shown.',
  },
  znodes: {
    title: (server: number): string => `Znodes on n${server}`,
    tree: 'Znodes',
    version: (v: number): string => `v${v}`,
    versionTitle: 'dataVersion',
    cversion: (v: number): string => `cv${v}`,
    cversionTitle: 'cversion',
    ephemeral: (owner: string): string => `ephemeral · ${owner}`,
    /** A watch chip's text, after its eye icon (an SVG: no emoji font needed). */
    watch: (w: string): string => w,
    /** The eye icon's accessible name. */
    watchIcon: 'watch',
    empty: 'No znodes yet.',
    noData: '∅',
    missing: 'watched, not created yet',
  },
  /** The page's first Tab stop. */
  skipToConsole: 'Skip to console',
  console: {
    title: 'Console',
    label: 'Console',
    output: 'Console output',
    placeholder: 'c1> create /data hello',
    hint: 'Try',
    examples: ['c1> create -e /data 1', 'c1> get -s -w /data', 'kill n1'],
    empty: 'Type a command and press Enter.',
    /** Between what a result answers and zkCli's text: "c1 create /y → Created /y". */
    arrow: ' → ',
    /** After the echo of a line a button ran. */
    fromControl: 'button',
    /** A short gloss beside a ZooKeeper error, by its code; ZooKeeper's English stays as printed. English needs
     *  none (the error already is English), so these are empty and nothing is shown. */
    errorGloss: {
      NONODE: '',
      NODEEXISTS: '',
      BADVERSION: '',
      NOTEMPTY: '',
      NOCHILDRENFOREPHEMERALS: '',
      BADARGUMENTS: '',
      SESSIONEXPIRED: '',
      CONNECTIONLOSS: '',
      OPERATIONTIMEOUT: '',
      ROLLEDBACK: '',
      RUNTIMEINCONSISTENCY: '',
    } satisfies Record<ErrorCode, string>,
  },
  events: {
    title: 'Events',
    log: 'Event log',
    phase: 'phase',
    empty: 'No events yet.',
    time: (t: number): string => `${Math.floor(t)}ms`,
    index: (i: number): string => `#${i}`,
    /** Announced once when the run pauses. */
    pausedAt: (index: number, t: number): string => `Paused at event #${index}, ${Math.floor(t)}ms`,
  },
  /** The cluster view: ring, links, quorums, messages, fault controls (src/ui/cluster). */
  bugs: {
    button: 'Bugs',
    buttonTitle: 'Break the protocol on purpose and watch the checkers catch it',
    group: 'Bug switches',
    intro: 'Each switch breaks one rule of Paxos. Turning one on or off starts a new run with it in the header.',
    introZab:
      'Each switch breaks one rule of ZAB (the Paxos switches apply to Paxos runs only). Turning one on or off starts a new run with it in the header.',
    label: (name: string): string => `Bug: ${name}`,
    explain: {
      'forget-promise':
        'An acceptor keeps its promise only in memory, so a restart forgets it. Paxos makes promises durable because a proposer counts on them: a majority that promised ballot b will accept nothing older, so what they reported is all that can be chosen below b. A server that forgets can accept an older ballot after a newer value was chosen.',
      'ignore-promised-values':
        'A new leader proposes its own value instead of the highest-ballot value its promises reported. Phase 1 exists to find values that may already be chosen, and the leader must propose them again; ignoring them lets a new ballot replace a chosen value.',
      'minority-quorum':
        'A quorum is floor(n/2) servers instead of a majority. Paxos is safe because any two quorums share a server, which carries what one ballot chose into the next; two minorities can be disjoint, so two ballots can choose different values for one slot.',
      'accept-below-promise':
        'An acceptor accepts a ballot below the one it promised. The promise is what makes phase 1 mean something: once a newer proposer has read the acceptors, an older one must not slip a value in behind it.',
      'apply-out-of-order':
        'A server applies a decided slot before the slots below it are decided. A replicated state machine must apply the log in order on every server, or the replicas diverge: a later write applied first leaves a different tree.',
      'zab-elect-by-id':
        'Votes compare only server ids, not (epoch, zxid, id), and the new leader skips the check that no follower is ahead of it. ZAB elects the most up-to-date server because its history becomes everyone\u2019s: a leader missing committed txns truncates them away on its followers.',
      'zab-skip-truncate':
        'The synchronisation never sends TRUNC. A follower that logged a proposal of an old epoch that was never committed keeps it, and applies it when the new leader commits its own history: the servers diverge.',
    } as Record<string, string>,
    banner: (names: readonly string[]): string =>
      `Bug switch on: ${names.join(', ')}. This run breaks Paxos on purpose; it is not the real protocol.`,
  },
  safety: safetyTextEn,
  history: {
    region: 'Client history',
    toggle: 'Show client history',
    openFile: 'Open history…',
    fileLabel: 'History file',
    backToRun: 'Back to this run',
    runSource: 'This run’s client operations (writes checked for linearizability; reads may be stale).',
    fileSource: (file: string, model: string): string => `${file}: a ${model} history, times are its lines.`,
    empty: 'No client operations yet: type a command in the console (c1> create /a 1).',
    showing: (shown: number, total: number): string => `Showing the last ${shown} of ${total} operations.`,
    linearizable: 'Linearizable: each diamond marks the moment the check placed the operation.',
    notLinearizable: 'Not linearizable.',
    unknown: 'Unknown: the search ran out of budget before it found an order or proved there is none.',
    prefix: (n: number, ops: string): string =>
      n === 0 ? 'The longest linearizable prefix is empty.' : `The longest linearizable prefix (${n}): ${ops}.`,
    culprit: (op: string, answer: string | null): string =>
      `${op} cannot follow it${answer === null ? '' : ` (after it the model ${answer})`}.`,
    unorderable: (n: number): string =>
      `The ${n} operations outlined in red cannot be ordered, whatever the other operations did.`,
    stale: 'stale (allowed)',
    staleWhy:
      'A read that missed a write another client had already heard back from: ZooKeeper allows it (reads are served locally; sync first to catch up).',
    pending: 'no answer yet',
    laneLabel: (lane: string): string => `Lane ${lane}`,
    barLabel: (lane: string, label: string, result: string, point: boolean, stale: boolean): string =>
      `${lane} ${label}${result === '' ? '' : ` → ${result}`}${point ? ', linearized' : ''}${stale ? ', stale (allowed)' : ''}`,
    detail: (label: string, result: string, from: string, to: string): string =>
      `${label}${result === '' ? '' : ` → ${result}`} · called ${from}, answered ${to}`,
    atMs: (ms: number): string => `${Math.round(ms)} ms`,
    atLine: (line: number): string => `line ${line}`,
    never: 'never',
    marks: {
      point: 'linearization point',
      culprit: 'cannot follow the prefix',
      unorderable: 'cannot be ordered',
    },
    fileNoOps: (file: string): string => `${file}: no register op line or EDN map found`,
    fileError: (file: string, line: number, message: string): string => `${file} line ${line}: ${message}`,
    fileUnreadable: (file: string): string => `${file}: the file could not be read`,
  },
  /** Every server's log side by side (src/ui/panels/AllLogs.tsx). */
  allLogs: {
    region: 'All logs',
    title: 'All logs',
    caption: (from: number, to: number): string =>
      to <= from ? 'No slots yet.' : `Slots ${from} to ${to - 1}, one column a slot, one row a server.`,
    server: (id: number, up: boolean): string => (up ? `n${id}` : `n${id} (down)`),
    cell: {
      none: 'empty',
      accepted: 'accepted',
      chosen: 'chosen',
      applied: 'applied',
      missing: 'missing',
    } as Record<'none' | 'accepted' | 'chosen' | 'applied' | 'missing', string>,
    run: (from: number, to: number, what: string): string =>
      from === to ? `slot ${from} ${what}` : `slots ${from}–${to} ${what}`,
    cellTitle: (server: string, slot: number, state: string): string => `${server} · slot ${slot} · ${state}`,
    empty: 'Nothing in any log yet.',
  },
  present: {
    button: 'Present',
    onTitle:
      'Projector view: the ring large, the lesson and the space-time diagram beside it. Keys: space plays or pauses, → steps, N and B go to a lesson’s next and previous step.',
    offTitle: 'Back to the full page',
  },
  help: helpTextEn,
  fuzz: {
    region: 'Fuzz',
    intro:
      'Random scenarios (client writes and reads, crashes, restarts, cuts, partitions, loss, duplication), each run headless with every checker, in workers of their own. It is the code of npm run fuzz: the same seed gives the same verdict.',
    seeds: 'Seeds',
    firstSeed: 'First seed',
    steps: 'Steps',
    servers: 'Servers',
    protocol: 'Fuzz algorithm',
    bugsGroup: 'Bug switches for the fuzzer',
    bugLabel: (name: string): string => `Fuzz with ${name}`,
    workerStopped: 'the fuzz worker stopped',
    run: 'Run fuzz',
    cancel: 'Cancel',
    progress: 'Fuzz progress',
    sameAs: 'Same as',
    progressValue: (done: number, total: number): string =>
      `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} seeds`,
    running: (done: number, total: number, failing: number, workers: number): string =>
      `Running: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} seeds, ${failing} failing (${workers} ${workers === 1 ? 'worker' : 'workers'}).`,
    passed: (total: number, seconds: number, events: number): string =>
      `All ${total.toLocaleString('en-US')} seeds passed every check (${events.toLocaleString('en-US')} trace events, ${seconds.toFixed(1)} s).`,
    failed: (failing: number, total: number, seconds: number): string =>
      `${failing} of ${total.toLocaleString('en-US')} seeds broke an invariant (${seconds.toFixed(1)} s). Open one to see it happen.`,
    cancelled: (done: number, total: number): string =>
      `Cancelled after ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} seeds.`,
    failingSeeds: 'Failing seeds',
    failingSeed: (seed: number, names: string): string => `Seed ${seed}: ${names}`,
    firstAt: (event: number, reason: string): string => `event #${event}: ${reason}`,
    open: (seed: number): string => `Open seed ${seed}`,
    openTitle: 'Load this seed as a normal run, paused at its first violation',
    opened: (seed: number): string =>
      `Seed ${seed} is open as a normal run, paused at its first violation: scrub, step or Copy link to share it.`,
    more: (n: number): string => `and ${n.toLocaleString('en-US')} more (see npm run fuzz for the full list)`,
    crashed: (seed: number, message: string): string => `Seed ${seed} could not run: ${message}`,
    badNumber: (field: string, value: string, min: number, max: number): string =>
      `${field} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, not "${value}".`,
  },
  cluster: {
    region: 'Cluster',
    ringLabel: (n: number): string => `Ring of ${n} servers`,
    server: (id: number): string => `Server n${id}`,
    role: {
      leader: 'leader',
      follower: 'follower',
      candidate: 'candidate',
      crashed: 'crashed',
    },
    ballotLine: (ballot: string, promised: string): string => `ballot ${ballot} · promised ${promised}`,
    ballotOnly: (ballot: string): string => `ballot ${ballot}`,
    promisedOnly: (promised: string): string => `promised ${promised}`,
    progressLine: (decided: number, applied: number): string => `decided ${decided} · applied ${applied}`,
    selectTitle: (id: number): string => `n${id}: click to show its log and znodes`,
    /** The ring's server button (its group keeps the name "Server n1"). */
    selectServer: (id: number): string => `Select n${id}`,
    /** A server's tooltip: all its details, shown on hover also when the ring draws it as a glyph. */
    serverTitle: (
      id: number,
      role: string,
      ballot: string,
      promised: string,
      decided: number,
      applied: number,
    ): string =>
      `n${id} · ${role} · ballot ${ballot} · promised ${promised} · decided ${decided} · applied ${applied}. Click to show its log and znodes.`,
    /** The arc on a server's circle: what its timer waits for, and how long is left (it shrinks as it runs). */
    timerArc: (id: number, kind: 'election' | 'heartbeat', leftMs: number): string =>
      kind === 'heartbeat' ? `n${id}: next heartbeat in ${leftMs} ms` : `n${id}: election timeout in ${leftMs} ms`,
    /** The first line of a dense ring's details: the name, since the block may sit a little away from its server. */
    denseRoleLine: (id: number, role: string): string => `n${id} · ${role}`,
    kill: (id: number): string => `Kill n${id}`,
    restart: (id: number): string => `Restart n${id}`,
    serversTitle: 'Servers',
    linkTitle: (from: number, to: number, up: boolean): string =>
      `n${from} → n${to} ${up ? 'up: click to cut this direction' : 'cut: click to heal this direction'}`,
    links: 'Links',
    linksSummary: (cut: number, total: number): string =>
      cut === 0 ? `Links (all ${total} up)` : `Links (${cut} of ${total} cut)`,
    linksCaption: 'Checked while the link from the row server to the column server is up.',
    linkFrom: 'from \\ to',
    link: (from: number, to: number): string => `Link n${from} to n${to}`,
    /** The notice after a click on a ring line: what it did, with Undo. */
    linkNotice: {
      region: 'Link change',
      did: (from: number, to: number, cut: boolean): string => `${cut ? 'Cut' : 'Healed'} n${from} → n${to}`,
      undone: (from: number, to: number, cut: boolean): string =>
        `Undone: n${from} → n${to} ${cut ? 'cut' : 'up'} again`,
      undo: 'Undo',
      undoTitle: (line: string): string => `Run ${line}`,
      dismiss: 'Dismiss',
    },
    quorum: (votes: number, needed: number, vote: 'promise' | 'accepted', slot?: number): string =>
      vote === 'promise'
        ? `${votes} of ${needed} promises`
        : `${votes} of ${needed} accepted${slot === undefined ? '' : ` (slot ${slot})`}`,
    quorumMore: (count: number): string => `+${count} more`,
    /** A tally: "2 votes · need 2 of 3", the slot first for accepted votes, the owner first when several run. */
    quorumVotes: (votes: number, needed: number, servers: number, slot?: number, owner?: number): string =>
      `${owner === undefined ? '' : `n${owner} · `}${slot === undefined ? '' : `slot ${slot} · `}${votes} ${votes === 1 ? 'vote' : 'votes'} · need ${needed} of ${servers}`,
    overlapToggle: 'Show quorum overlap',
    overlapTitle:
      'Outline the latest quorum (solid), the earlier one it must share a server with (dashed), and the servers in both',
    overlapNone: 'Quorum overlap: no two quorums to compare yet.',
    overlapQuorum: (q: { server: number; vote: string; ballot: string; slot?: number }): string =>
      q.vote === 'promise'
        ? `n${q.server}'s promises for ballot ${q.ballot}`
        : `n${q.server}'s accepted votes for slot ${q.slot ?? '?'} at ballot ${q.ballot}`,
    overlapCaption: (current: string, currentVoters: string, previous: string, previousVoters: string): string =>
      `Latest quorum: ${current} (${currentVoters}). Earlier quorum: ${previous} (${previousVoters}).`,
    overlapShared: (shared: string): string =>
      `Shared: ${shared}. Any two majorities share a server, and that server carries what the earlier quorum accepted into the later one.`,
    overlapDisjoint:
      'Shared: none. These quorums are disjoint, so nothing the earlier one accepted can reach the later one: Paxos is no longer safe.',
    overlapLegendCurrent: 'latest quorum',
    overlapLegendPrevious: 'earlier quorum',
    overlapLegendShared: 'in both',
    messagesCanvas: 'Messages in flight',
    /** Paused, each message on the ring is a button: hovering or focusing it shows its content. */
    messageTip: {
      group: 'Messages on the wire',
      name: (label: string, from: string, to: string): string => `Message ${label}, ${from} → ${to}`,
    },
    legend: 'Message kinds',
    legendItems: {
      prepare: 'prepare',
      promise: 'promise',
      nack: 'nack',
      accept: 'accept',
      accepted: 'accepted',
      decide: 'decide',
      heartbeat: 'heartbeat',
      client: 'client',
      catchUp: 'catch-up',
      forward: 'forward',
      election: 'election',
      discovery: 'discovery',
      sync: 'sync',
      proposal: 'proposal',
      ack: 'ack',
      commit: 'commit',
      dropped: 'dropped',
      duplicate: 'duplicate',
    },
    faults: {
      title: 'Faults',
      isolateLeader: 'Isolate leader',
      isolateLeaderTitle: 'Partition the current leader from every other server',
      splitMinority: 'Split minority',
      splitMinorityTitle: (k: number): string =>
        `Partition ${k} server${k === 1 ? '' : 's'} (with the leader) away from the rest`,
      healAll: 'Heal all',
      healAllTitle: 'Heal every link and end any partition',
      network: 'Network',
      latency: 'Latency',
      latencyValue: (min: number, max: number): string => `${min}..${max} ms`,
      loss: 'Loss',
      duplication: 'Duplication',
      percent: (p: number): string => `${p}%`,
    },
  },
  /** Time travel: the scrubber and the space-time diagram (src/ui/timetravel). */
  timeTravel: {
    region: 'Time travel',
    time: 'Time',
    now: 'Now',
    head: 'End of run',
    nowValue: (ms: number): string => `${Math.round(ms).toLocaleString('en-US')} ms`,
    nowOf: (now: string, end: string): string => `${now} of ${end}`,
    backToStart: 'Back to start',
    goToEnd: 'Go to end',
    past: 'In the past: acting now replaces the future',
    pastTitle:
      'The run after this moment is kept until you act: a console line, a fault or a control here replaces it.',
    diagramTitle: 'Space-time diagram',
    noOffscreenCanvas:
      'This browser cannot draw the space-time diagram (it needs OffscreenCanvas: Chrome 69+, Firefox 105+, Safari 16.4+).',
    showHeartbeats: 'Show heartbeats',
    follow: 'Follow',
    followTitle: 'Keep the cursor in view while playing',
    fit: 'Fit',
    fitTitle: 'Zoom out to show the whole run',
    exportSvg: 'Export diagram (SVG)',
    exportPng: 'Export diagram (PNG)',
    exportSvgShort: 'SVG',
    exportPngShort: 'PNG',
    exportTitle: 'Download the visible part of the diagram',
    help: 'Wheel: zoom time · drag: pan · click: go to that moment',
    summary: (
      servers: readonly string[],
      sessions: readonly string[],
      events: number,
      head: number,
      now: number,
    ): string =>
      `Space-time diagram: one lane per server (${servers.join(', ') || 'none'})` +
      (sessions.length === 0 ? '' : ` and per client session (${sessions.join(', ')})`) +
      `; ${events.toLocaleString('en-US')} events from 0 to ${Math.round(head).toLocaleString('en-US')} ms; cursor at ${Math.round(now).toLocaleString('en-US')} ms.`,
    ms: (t: number): string => `${Math.round(t).toLocaleString('en-US')} ms`,
    seconds: (s: number): string => `${s.toLocaleString('en-US', { maximumFractionDigits: 1 })} s`,
    phaseShort: {
      prepare: 'prep',
      'promise-quorum': 'prom✓',
      accept: 'acc',
      'accepted-quorum': 'acc✓',
      decide: 'dec',
    },
    phaseLong: {
      prepare: 'prepare',
      'promise-quorum': 'promise quorum',
      accept: 'accept',
      'accepted-quorum': 'accepted quorum',
      decide: 'decide',
    },
    tip: {
      message: (label: string, wire: string): string => (label === '' ? wire : label),
      duplicate: (copyOf: number): string => `duplicate of message #${copyOf}`,
      route: (from: string, to: string): string => `${from} → ${to}`,
      sent: (t: string): string => `sent ${t}`,
      delivered: (t: string): string => `delivered ${t}`,
      dropped: (t: string, reason: string): string => `dropped ${t} (${reason})`,
      inFlight: (t: string): string => `arrives ${t} (in flight)`,
      lost: 'will be lost',
      phase: (server: number, phase: string): string => `n${server}: ${phase}`,
      ballot: (round: number, server: number, slot?: number): string =>
        `ballot ${round}.n${server}${slot === undefined ? '' : ` · slot ${slot}`}`,
      crash: (server: number): string => `n${server} crashed`,
      restart: (server: number): string => `n${server} restarted`,
      watch: (session: string, type: string, path: string): string => `${session}: watch ${type} ${path}`,
      op: (session: string, command: string): string => `${session}> ${command}`,
      opOk: 'ok',
      opFailed: (error: string): string => `failed: ${error}`,
      opPending: 'pending',
      span: (from: string, to: string): string => `${from} → ${to}`,
      at: (t: string): string => `at ${t}`,
      clickToSeek: 'Click to go to this moment',
      event: (index: number): string => `event #${index}`,
    },
  },
} as const;

export type Text = typeof text;

/** What a translation of the catalogue supplies (text.zh.ts). */
export type TextCatalogue = Catalogue<typeof textEn>;

// localized() types the translation as the English catalogue's shape: a key missing in text.zh.ts fails here.
export const text = localized(textEn, textZh);
