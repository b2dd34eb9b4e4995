// Phase marks on the space-time diagram: their colours, short labels and tooltips, Paxos's or ZAB's.
import type { TraceEvent } from '../../sim/trace';
import { formatZxid } from '../../zk/format';
import { KIND_STYLES, LEGEND_COLORS } from '../cluster/messageStyle';
import { text } from '../text';
import { isZabMark, type PhaseEvent } from '../zab/marks';
import { zabText } from '../zab/text';

const tt = text.timeTravel;
type PhaseName = Extract<TraceEvent, { kind: 'phase' }>['phase'];

export const PHASE_COLORS: Readonly<Record<PhaseName, string>> = {
  prepare: KIND_STYLES.prepare.color,
  'promise-quorum': KIND_STYLES.promise.color,
  accept: KIND_STYLES.accept.color,
  'accepted-quorum': KIND_STYLES.accepted.color,
  decide: KIND_STYLES.decide.color,
  election: LEGEND_COLORS.election,
  discovery: LEGEND_COLORS.discovery,
  sync: LEGEND_COLORS.sync,
  proposal: LEGEND_COLORS.proposal,
  'ack-quorum': LEGEND_COLORS.ack,
  commit: LEGEND_COLORS.commit,
};

/** A mark's short label on its lane and its long name in the tooltip, Paxos's or ZAB's. */
export function phaseShort(event: PhaseEvent): string {
  return isZabMark(event) ? zabText.phaseShort[event.phase] : tt.phaseShort[event.phase];
}

export function phaseTip(event: PhaseEvent, at: string, index: number): { title: string; lines: string[] } {
  const tip = tt.tip;
  if (isZabMark(event))
    return {
      title: tip.phase(event.server, zabText.phaseLong[event.phase]),
      lines: [
        zabText.markDetail(event.epoch, event.zxid === undefined ? undefined : formatZxid(event.zxid)),
        tip.at(at),
        tip.event(index),
        tip.clickToSeek,
      ],
    };
  return {
    title: tip.phase(event.server, tt.phaseLong[event.phase]),
    lines: [
      tip.ballot(event.ballot.round, event.ballot.server, event.slot),
      tip.at(at),
      tip.event(index),
      tip.clickToSeek,
    ],
  };
}
