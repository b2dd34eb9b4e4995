// Two painters for the same walk: a canvas (batched paths, one stroke per colour and style) and an SVG
// string for export.
import {
  AXIS_H,
  COLORS,
  GUTTER,
  laneY,
  type MessageEnd,
  type MessageVariant,
  type OpState,
  type Painter,
  type View,
} from './paint';

const FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const SMALL_FONT = '9px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const HEAD = 6;

function opColor(state: OpState): string {
  return state === 'ok' ? COLORS.opOk : state === 'fail' ? COLORS.opFail : COLORS.opPending;
}

/** Arrowhead wings at (x2, y2) pointing away from (x1, y1); null when the arrow is too short for one. */
function wings(x1: number, y1: number, x2: number, y2: number): [number, number, number, number] | null {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy);
  if (len < HEAD * 1.5) return null;
  const ux = dx / len;
  const uy = dy / len;
  const bx = x2 - ux * HEAD;
  const by = y2 - uy * HEAD;
  const w = HEAD * 0.5;
  return [bx - uy * w, by + ux * w, bx + uy * w, by - ux * w];
}

interface Bucket {
  path: Path2D;
  color: string;
  variant: MessageVariant;
}

export class CanvasPainter implements Painter {
  private readonly buckets = new Map<string, Bucket>();
  private crosses: Path2D | null = null;

  constructor(private readonly ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D) {}

  background(view: View, lanes: readonly string[]): void {
    const ctx = this.ctx;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, view.width, view.height);
    for (let i = 0; i < lanes.length; i++) {
      const y = laneY(view, i);
      if (i % 2 === 1) {
        ctx.fillStyle = COLORS.laneAlt;
        ctx.fillRect(GUTTER, y - view.laneH / 2, view.width - GUTTER, view.laneH);
      }
    }
    ctx.strokeStyle = COLORS.laneLine;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let i = 0; i < lanes.length; i++) {
      const y = Math.round(laneY(view, i)) + 0.5;
      ctx.moveTo(GUTTER, y);
      ctx.lineTo(view.width, y);
    }
    ctx.stroke();
  }

  grid(x: number, label: string): void {
    const ctx = this.ctx;
    if (x < GUTTER) return;
    ctx.strokeStyle = COLORS.grid;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(Math.round(x) + 0.5, AXIS_H);
    ctx.lineTo(Math.round(x) + 0.5, ctx.canvas.height);
    ctx.stroke();
    if (label === '') return;
    ctx.fillStyle = COLORS.axis;
    ctx.font = FONT;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(label, x, AXIS_H / 2);
  }

  down(x0: number, x1: number, y: number, h: number): void {
    const ctx = this.ctx;
    ctx.fillStyle = COLORS.down;
    ctx.fillRect(x0, y - h / 2, Math.max(1, x1 - x0), h);
  }

  op(x0: number, x1: number, y: number, h: number, state: OpState): void {
    const ctx = this.ctx;
    const bh = Math.max(4, Math.min(10, h * 0.4));
    ctx.fillStyle = opColor(state);
    ctx.globalAlpha = state === 'pending' ? 0.35 : 0.5;
    ctx.fillRect(x0, y - bh / 2, Math.max(2, x1 - x0), bh);
    ctx.globalAlpha = 1;
    ctx.fillRect(x0, y - bh / 2 - 2, 1.5, bh + 4);
    if (state !== 'pending') ctx.fillRect(x1 - 1.5, y - bh / 2 - 2, 1.5, bh + 4);
  }

  message(
    x1: number,
    y1: number,
    x2: number,
    y2: number,
    color: string,
    variant: MessageVariant,
    end: MessageEnd,
  ): void {
    const key = `${color}|${variant}`;
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = { path: new Path2D(), color, variant };
      this.buckets.set(key, bucket);
    }
    const path = bucket.path;
    path.moveTo(x1, y1);
    path.lineTo(x2, y2);
    if (end === 'arrow') {
      const w = wings(x1, y1, x2, y2);
      if (w !== null) {
        path.moveTo(w[0], w[1]);
        path.lineTo(x2, y2);
        path.lineTo(w[2], w[3]);
      }
    } else {
      const cross = (this.crosses ??= new Path2D());
      cross.moveTo(x2 - 3.5, y2 - 3.5);
      cross.lineTo(x2 + 3.5, y2 + 3.5);
      cross.moveTo(x2 + 3.5, y2 - 3.5);
      cross.lineTo(x2 - 3.5, y2 + 3.5);
    }
  }

  flushMessages(): void {
    const ctx = this.ctx;
    // Butt caps and 1 px lines: Skia strokes these as hairlines, several times faster on a software canvas
    // (thousands of arrows at 25 servers), and they look the same at this size.
    ctx.lineCap = 'butt';
    // Faint first, then duplicates, then the messages that matter on top.
    for (const variant of ['faint', 'dup', 'normal'] as const) {
      for (const bucket of this.buckets.values()) {
        if (bucket.variant !== variant) continue;
        ctx.strokeStyle = bucket.color;
        ctx.globalAlpha = variant === 'faint' ? 0.3 : variant === 'dup' ? 0.55 : 0.95;
        ctx.lineWidth = 1;
        ctx.setLineDash(variant === 'dup' ? [4, 3] : []);
        ctx.stroke(bucket.path);
      }
    }
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
    if (this.crosses !== null) {
      ctx.strokeStyle = COLORS.drop;
      ctx.lineWidth = 1.8;
      ctx.stroke(this.crosses);
    }
    this.buckets.clear();
    this.crosses = null;
  }

  mark(x: number, y: number, h: number, label: string, color: string, showLabel: boolean): void {
    const ctx = this.ctx;
    const half = Math.max(4, h * 0.38);
    ctx.fillStyle = color;
    ctx.fillRect(x - 1, y - half, 2, half * 2);
    if (showLabel) {
      ctx.font = SMALL_FONT;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'bottom';
      ctx.fillText(label, x + 2, y - 1);
    }
  }

  crash(x: number, y: number, size: number): void {
    const ctx = this.ctx;
    ctx.strokeStyle = COLORS.downEdge;
    ctx.lineWidth = 2.4;
    ctx.beginPath();
    ctx.moveTo(x - size, y - size);
    ctx.lineTo(x + size, y + size);
    ctx.moveTo(x + size, y - size);
    ctx.lineTo(x - size, y + size);
    ctx.stroke();
  }

  restart(x: number, y: number, size: number): void {
    const ctx = this.ctx;
    ctx.fillStyle = COLORS.restart;
    ctx.beginPath();
    ctx.moveTo(x - size * 0.7, y - size);
    ctx.lineTo(x + size, y);
    ctx.lineTo(x - size * 0.7, y + size);
    ctx.closePath();
    ctx.fill();
  }

  dot(x: number, y: number, color: string): void {
    const ctx = this.ctx;
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.moveTo(x, y - 4);
    ctx.lineTo(x + 4, y);
    ctx.lineTo(x, y + 4);
    ctx.lineTo(x - 4, y);
    ctx.closePath();
    ctx.fill();
  }

  future(x: number, view: View): void {
    const ctx = this.ctx;
    ctx.fillStyle = COLORS.future;
    ctx.fillRect(x, AXIS_H, view.width - x, view.height - AXIS_H);
  }

  breaking(x: number, y: number, size: number, strong: boolean): void {
    const ctx = this.ctx;
    ctx.strokeStyle = COLORS.breaking;
    ctx.lineWidth = strong ? 3 : 2;
    ctx.setLineDash(strong ? [] : [3, 2]);
    ctx.beginPath();
    ctx.arc(x, y, size, 0, Math.PI * 2);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  breakingMessage(x1: number, y1: number, x2: number, y2: number): void {
    const ctx = this.ctx;
    ctx.strokeStyle = COLORS.breakingBand;
    ctx.lineWidth = 7;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.stroke();
    ctx.lineCap = 'butt';
  }

  cursor(x: number, view: View): void {
    const ctx = this.ctx;
    ctx.fillStyle = COLORS.cursor;
    ctx.fillRect(x - 1, AXIS_H - 4, 2, view.height - AXIS_H + 4);
    ctx.fillStyle = COLORS.cursorEdge;
    ctx.beginPath();
    ctx.moveTo(x - 5, AXIS_H - 8);
    ctx.lineTo(x + 5, AXIS_H - 8);
    ctx.lineTo(x, AXIS_H - 2);
    ctx.closePath();
    ctx.fill();
  }

  gutter(view: View, lanes: readonly string[], servers: number): void {
    const ctx = this.ctx;
    ctx.fillStyle = COLORS.gutter;
    ctx.fillRect(0, 0, GUTTER, view.height);
    ctx.fillStyle = COLORS.laneLine;
    ctx.fillRect(GUTTER - 1, AXIS_H, 1, view.height - AXIS_H);
    ctx.fillRect(0, AXIS_H - 0.5, view.width, 1);
    ctx.font = view.laneH >= 12 ? `600 ${FONT}` : SMALL_FONT;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (let i = 0; i < lanes.length; i++) {
      ctx.fillStyle = i < servers ? COLORS.laneText : COLORS.clientText;
      ctx.fillText(lanes[i]!, GUTTER - 7, laneY(view, i));
    }
  }
}

function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function n(value: number): string {
  return Number.isFinite(value) ? (Math.round(value * 10) / 10).toString() : '0';
}

/** Writes the same picture as SVG elements (for "Export diagram (SVG)"). */
export class SvgPainter implements Painter {
  private readonly parts: string[] = [];
  private readonly messages: string[] = [];
  private readonly crosses: string[] = [];
  private width = 0;
  private height = 0;

  background(view: View, lanes: readonly string[]): void {
    this.width = view.width;
    this.height = view.height;
    this.parts.push(`<rect width="${n(view.width)}" height="${n(view.height)}" fill="#ffffff"/>`);
    for (let i = 0; i < lanes.length; i++) {
      const y = laneY(view, i);
      if (i % 2 === 1)
        this.parts.push(
          `<rect x="${GUTTER}" y="${n(y - view.laneH / 2)}" width="${n(view.width - GUTTER)}" height="${n(view.laneH)}" fill="${COLORS.laneAlt}"/>`,
        );
      this.parts.push(
        `<line x1="${GUTTER}" y1="${n(y)}" x2="${n(view.width)}" y2="${n(y)}" stroke="${COLORS.laneLine}"/>`,
      );
    }
  }

  grid(x: number, label: string): void {
    if (x < GUTTER) return;
    this.parts.push(`<line x1="${n(x)}" y1="${AXIS_H}" x2="${n(x)}" y2="${n(this.height)}" stroke="${COLORS.grid}"/>`);
    if (label !== '')
      this.parts.push(
        `<text x="${n(x)}" y="${AXIS_H / 2 + 4}" text-anchor="middle" font-size="11" fill="${COLORS.axis}">${esc(label)}</text>`,
      );
  }

  down(x0: number, x1: number, y: number, h: number): void {
    this.parts.push(
      `<rect x="${n(x0)}" y="${n(y - h / 2)}" width="${n(Math.max(1, x1 - x0))}" height="${n(h)}" fill="${COLORS.down}"/>`,
    );
  }

  op(x0: number, x1: number, y: number, h: number, state: OpState, label: string): void {
    const bh = Math.max(4, Math.min(10, h * 0.4));
    this.parts.push(
      `<rect x="${n(x0)}" y="${n(y - bh / 2)}" width="${n(Math.max(2, x1 - x0))}" height="${n(bh)}" fill="${opColor(state)}" fill-opacity="${state === 'pending' ? 0.35 : 0.5}"><title>${esc(label)}</title></rect>`,
    );
  }

  message(
    x1: number,
    y1: number,
    x2: number,
    y2: number,
    color: string,
    variant: MessageVariant,
    end: MessageEnd,
  ): void {
    const opacity = variant === 'faint' ? 0.3 : variant === 'dup' ? 0.55 : 0.95;
    const dash = variant === 'dup' ? ' stroke-dasharray="4 3"' : '';
    let d = `M${n(x1)} ${n(y1)}L${n(x2)} ${n(y2)}`;
    if (end === 'arrow') {
      const w = wings(x1, y1, x2, y2);
      if (w !== null) d += `M${n(w[0])} ${n(w[1])}L${n(x2)} ${n(y2)}L${n(w[2])} ${n(w[3])}`;
    } else {
      this.crosses.push(
        `M${n(x2 - 3.5)} ${n(y2 - 3.5)}L${n(x2 + 3.5)} ${n(y2 + 3.5)}M${n(x2 + 3.5)} ${n(y2 - 3.5)}L${n(x2 - 3.5)} ${n(y2 + 3.5)}`,
      );
    }
    this.messages.push(
      `<path d="${d}" stroke="${color}" stroke-opacity="${opacity}" stroke-width="${variant === 'normal' ? 1.4 : 1}"${dash} fill="none"/>`,
    );
  }

  flushMessages(): void {
    this.parts.push(`<g stroke-linecap="round">${this.messages.join('')}</g>`);
    if (this.crosses.length > 0)
      this.parts.push(`<path d="${this.crosses.join('')}" stroke="${COLORS.drop}" stroke-width="1.8" fill="none"/>`);
    this.messages.length = 0;
    this.crosses.length = 0;
  }

  mark(x: number, y: number, h: number, label: string, color: string, showLabel: boolean): void {
    const half = Math.max(4, h * 0.38);
    this.parts.push(`<rect x="${n(x - 1)}" y="${n(y - half)}" width="2" height="${n(half * 2)}" fill="${color}"/>`);
    if (showLabel)
      this.parts.push(`<text x="${n(x + 2)}" y="${n(y - 2)}" font-size="9" fill="${color}">${esc(label)}</text>`);
  }

  crash(x: number, y: number, s: number): void {
    this.parts.push(
      `<path d="M${n(x - s)} ${n(y - s)}L${n(x + s)} ${n(y + s)}M${n(x + s)} ${n(y - s)}L${n(x - s)} ${n(y + s)}" stroke="${COLORS.downEdge}" stroke-width="2.4"/>`,
    );
  }

  restart(x: number, y: number, s: number): void {
    this.parts.push(
      `<path d="M${n(x - s * 0.7)} ${n(y - s)}L${n(x + s)} ${n(y)}L${n(x - s * 0.7)} ${n(y + s)}Z" fill="${COLORS.restart}"/>`,
    );
  }

  dot(x: number, y: number, color: string): void {
    this.parts.push(
      `<path d="M${n(x)} ${n(y - 4)}L${n(x + 4)} ${n(y)}L${n(x)} ${n(y + 4)}L${n(x - 4)} ${n(y)}Z" fill="${color}"/>`,
    );
  }

  future(x: number, view: View): void {
    this.parts.push(
      `<rect x="${n(x)}" y="${AXIS_H}" width="${n(view.width - x)}" height="${n(view.height - AXIS_H)}" fill="#ffffff" fill-opacity="0.62"/>`,
    );
  }

  breaking(x: number, y: number, size: number, strong: boolean): void {
    const dash = strong ? '' : ' stroke-dasharray="3 2"';
    this.parts.push(
      `<circle cx="${n(x)}" cy="${n(y)}" r="${n(size)}" fill="none" stroke="${COLORS.breaking}" stroke-width="${strong ? 3 : 2}"${dash}/>`,
    );
  }

  breakingMessage(x1: number, y1: number, x2: number, y2: number): void {
    this.parts.push(
      `<path d="M${n(x1)} ${n(y1)}L${n(x2)} ${n(y2)}" stroke="${COLORS.breakingBand}" stroke-width="7" stroke-linecap="round"/>`,
    );
  }

  cursor(x: number, view: View): void {
    this.parts.push(
      `<rect x="${n(x - 1)}" y="${AXIS_H - 4}" width="2" height="${n(view.height - AXIS_H + 4)}" fill="${COLORS.cursor}"/>`,
    );
  }

  gutter(view: View, lanes: readonly string[], servers: number): void {
    this.parts.push(`<rect width="${GUTTER}" height="${n(view.height)}" fill="#ffffff"/>`);
    this.parts.push(
      `<line x1="${GUTTER}" y1="${AXIS_H}" x2="${GUTTER}" y2="${n(view.height)}" stroke="${COLORS.laneLine}"/>`,
    );
    for (let i = 0; i < lanes.length; i++) {
      const fill = i < servers ? COLORS.laneText : COLORS.clientText;
      this.parts.push(
        `<text x="${GUTTER - 7}" y="${n(laneY(view, i) + 4)}" text-anchor="end" font-size="11" font-weight="600" fill="${fill}">${esc(lanes[i]!)}</text>`,
      );
    }
  }

  /** The finished document. */
  toString(): string {
    return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${n(this.width)}" height="${n(this.height)}" viewBox="0 0 ${n(this.width)} ${n(this.height)}" font-family="system-ui, sans-serif">\n${this.parts.join('\n')}\n</svg>\n`;
  }
}
