// The space-time diagram's colours (the canvas and the SVG export draw with the same).
import { DROP_COLOR } from '../cluster/messageStyle';

export const COLORS = {
  laneLine: '#d5dae1',
  laneAlt: '#f6f7f9',
  laneText: '#1f3a5f',
  clientText: '#9a3412',
  gutter: '#ffffff',
  axis: '#5b6470',
  grid: '#eceff3',
  down: 'rgba(75, 85, 99, 0.16)',
  downEdge: '#dc2626',
  restart: '#16a34a',
  opOk: '#ea580c',
  opFail: '#dc2626',
  opPending: '#f59e0b',
  phase: '#1f5fa8',
  watch: '#7a4fb5',
  cursor: '#f4b942',
  cursorEdge: '#b7791f',
  future: 'rgba(255, 255, 255, 0.62)',
  hover: '#111827',
  drop: DROP_COLOR,
  breaking: '#b3261e',
  breakingBand: 'rgba(179, 38, 30, 0.28)',
} as const;
