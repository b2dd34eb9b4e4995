// Quorum tallies by their proposer ("2 votes · need 2 of 3"), towards the centre, clear of the servers' labels;
// in the owner's colour when several proposers run, faded once reached (the slot decided, the leader elected).
import { quorumKey, type QuorumView } from '../../view/projections';
import { badgeGroups, type BadgeGroup } from '../../view/cluster/badges';
import { badgeStacks, type BadgeStack, type RingLayout } from '../../view/cluster/layout';

export interface PlacedBadges extends BadgeGroup {
  readonly stack: BadgeStack;
}

/** The last badge placement, reused while it still fits (labels are measured by their length). */
const placed: { layout: RingLayout | null; key: string; stacks: BadgeStack[] } = { layout: null, key: '', stacks: [] };

/** Each proposer's tallies, stacked beside it, the columns of several proposers clear of each other. */
export function placeBadges(layout: RingLayout, quorums: readonly QuorumView[]): PlacedBadges[] {
  const groups = badgeGroups(quorums, layout.n).filter((g) => layout.servers[g.server - 1] !== undefined);
  // Placing several columns is a search: do it only when the proposers or their labels' lengths change (a vote
  // turns "1 vote" into "2 votes", about the same room), not at every tally.
  const key = groups
    .map(({ server, labels, more }) => `${server}:${labels.map((label) => label.length).join(',')}:${more ?? ''}`)
    .join('|');
  if (placed.layout !== layout || placed.key !== key) {
    placed.layout = layout;
    placed.key = key;
    placed.stacks = badgeStacks(
      layout,
      groups.map(({ server, labels, more }) => ({ spot: layout.servers[server - 1]!, labels, more })),
    );
  }
  return groups.map((group, i) => ({ ...group, stack: placed.stacks[i]! }));
}

export function QuorumBadges({ badges }: { badges: readonly PlacedBadges[] }) {
  const out = [];
  for (const { server, shown, labels, more, stack, owner } of badges) {
    const fs = stack.fontSize;
    const ownerClass = owner === undefined ? '' : ` quorum-owner quorum-owner-${owner}`;
    shown.forEach((q, i) => {
      const pill = stack.pills[i]!;
      const reached = q.reachedAt !== undefined;
      out.push(
        <g key={quorumKey(q)} className={`quorum-badge quorum-${q.vote}${reached ? ' reached' : ''}${ownerClass}`}>
          <rect x={pill.x} y={pill.y} width={pill.w} height={pill.h} rx={pill.h / 2} />
          <text
            x={pill.x + pill.w / 2}
            y={pill.y + pill.h / 2}
            dy="0.35em"
            textAnchor="middle"
            style={{ fontSize: fs }}
          >
            {labels[i]}
          </text>
        </g>,
      );
    });
    if (more !== undefined && stack.more !== undefined) {
      out.push(
        <text
          key={`${server}-more`}
          className="quorum-more"
          x={stack.more.x}
          y={stack.more.y}
          dy="0.35em"
          textAnchor="middle"
          style={{ fontSize: fs * 0.9 }}
        >
          {more}
        </text>,
      );
    }
  }
  return <g className="quorums">{out}</g>;
}
