// The fuzz panel's state and its workers: seeds go out one at a time to each worker, verdicts come back in any
// order; Cancel ends the workers at once. Opening a failing seed loads its exact run in the simulation worker.
import { create } from 'zustand';
import { bugsOf, type BugName, type ProtocolName } from '../../protocol';
import { useSim } from '../../store/simStore';
import {
  DEFAULT_FUZZ_FIELDS,
  failingSeedOf,
  insertBySeed,
  readFuzzFields,
  type FailingSeed,
  type FuzzFields,
  type FuzzPlan,
} from '../../view/fuzz';
import { text } from '../../view/text';
import type { FuzzAnswer, FuzzJob } from '../../worker/fuzzIpc';
import { closeLesson } from '../lessons/lessonStore';
import { language } from '../../script/language';

export type FuzzStatus = 'idle' | 'running' | 'done' | 'cancelled';

export interface FuzzState {
  fields: FuzzFields;
  status: FuzzStatus;
  /** The plan of the last run started (its CLI line is shown). */
  plan: FuzzPlan | null;
  done: number;
  events: number;
  failing: FailingSeed[];
  /** Seeds whose run threw (a bug in Paxoscope itself, shown as such). */
  crashed: string[];
  workers: number;
  elapsedMs: number;
  /** The fields' problem on Run (nothing else changed). */
  error: string | null;
  /** The failing seed last opened as a run. */
  opened: number | null;
}

export const useFuzz = create<FuzzState>()(() => ({
  fields: DEFAULT_FUZZ_FIELDS,
  status: 'idle',
  plan: null,
  done: 0,
  events: 0,
  failing: [],
  crashed: [],
  workers: 0,
  elapsedMs: 0,
  error: null,
  opened: null,
}));

/** Leave a core to the page and the simulation worker; a few workers are plenty for a panel. */
function workerCount(): number {
  return Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
}

let pool: Worker[] = [];
let startedAt = 0;

function stopPool(): void {
  for (const worker of pool) worker.terminate();
  pool = [];
}

export function setFuzzField(field: 'seeds' | 'firstSeed' | 'steps' | 'servers', value: string): void {
  useFuzz.setState((s) => ({ fields: { ...s.fields, [field]: value }, error: null }));
}

export function setFuzzProtocol(protocol: ProtocolName): void {
  // Bug switches of the other protocol are not offered for this one, and do nothing in it: dropped.
  const offered = bugsOf(protocol);
  useFuzz.setState((s) => ({
    fields: { ...s.fields, protocol, bugs: s.fields.bugs.filter((b) => offered.includes(b)) },
  }));
}

export function setFuzzBug(bug: BugName, on: boolean): void {
  useFuzz.setState((s) => ({
    fields: { ...s.fields, bugs: on ? [...s.fields.bugs, bug] : s.fields.bugs.filter((b) => b !== bug) },
  }));
}

export function runFuzz(): void {
  const read = readFuzzFields(useFuzz.getState().fields);
  if ('error' in read) {
    useFuzz.setState({ error: read.error });
    return;
  }
  stopPool();
  const plan = read;
  const workers = Math.min(workerCount(), plan.seeds);
  startedAt = performance.now();
  useFuzz.setState({
    status: 'running',
    plan,
    done: 0,
    events: 0,
    failing: [],
    crashed: [],
    workers,
    elapsedMs: 0,
    error: null,
  });
  let next = plan.firstSeed;
  const end = plan.firstSeed + plan.seeds;
  const handOut = (worker: Worker): void => {
    if (next >= end) return;
    worker.postMessage({ seed: next++, options: plan.options, language: language() } satisfies FuzzJob);
  };
  const own = (): Worker[] => pool;
  pool = Array.from({ length: workers }, () => {
    const worker = new Worker(new URL('../../worker/fuzz.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FuzzAnswer>) => {
      // A cancelled or replaced run's workers are gone; a message already queued from one is ignored.
      if (!own().includes(worker)) return;
      record(event.data, plan.seeds);
      handOut(worker);
    };
    worker.onerror = (event) => {
      if (!own().includes(worker)) return;
      useFuzz.setState((s) => ({ crashed: [...s.crashed, event.message || text.fuzz.workerStopped] }));
      finish('cancelled');
    };
    return worker;
  });
  for (const worker of pool) handOut(worker);
}

function record(answer: FuzzAnswer, total: number): void {
  const s = useFuzz.getState();
  const done = s.done + 1;
  if (answer.type === 'failed')
    useFuzz.setState({ done, crashed: [...s.crashed, text.fuzz.crashed(answer.seed, answer.message)] });
  else {
    const failing = failingSeedOf(answer);
    useFuzz.setState({
      done,
      events: s.events + answer.events,
      ...(failing === null ? {} : { failing: insertBySeed(s.failing, failing) }),
    });
  }
  if (done === total) finish('done');
}

function finish(status: 'done' | 'cancelled'): void {
  stopPool();
  useFuzz.setState({ status, elapsedMs: performance.now() - startedAt });
}

export function cancelFuzz(): void {
  if (useFuzz.getState().status === 'running') finish('cancelled');
}

/** Load a failing seed's exact run, replayed to its end, and pause on the event that broke its first invariant. */
export function openFailingSeed(seed: number): void {
  const failing = useFuzz.getState().failing.find((f) => f.seed === seed);
  if (failing === undefined) return;
  closeLesson();
  const { header, actions, cursor } = failing.replay;
  const send = useSim.getState().send;
  send({ type: 'load', header, lines: [], actions, cursor, play: false });
  send({ type: 'seek-event', index: failing.findings[0]!.event });
  useFuzz.setState({ opened: seed });
}
