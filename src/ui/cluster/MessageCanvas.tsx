// Messages in flight, drawn on a canvas over the ring in its own requestAnimationFrame loop.
// It reads `flying` (outside React) and the scene the ClusterView keeps in a ref; it never sets state.
import { useEffect, useRef, type RefObject } from 'react';
import { drawTime } from '../../store/flying';
import { useRingFlying } from './simContext';
import { isFlashing, onlyMuted, paintFlashes, paintMessages } from '../../view/cluster/paintMessages';
import type { Scene } from '../../view/cluster/scene';

/** The canvas's size in css px and device pixels per px, kept current; `stop` ends the watching. */
interface CanvasSize {
  cssWidth: number;
  cssHeight: number;
  dpr: number;
  stop: () => void;
}

/** Keeps the canvas's backing store at its css size times devicePixelRatio. */
function watchSize(canvas: HTMLCanvasElement): CanvasSize {
  const size: CanvasSize = { cssWidth: 0, cssHeight: 0, dpr: 1, stop: () => undefined };
  const resize = (): void => {
    const rect = canvas.getBoundingClientRect();
    size.cssWidth = Math.max(1, rect.width);
    size.cssHeight = Math.max(1, rect.height);
    size.dpr = window.devicePixelRatio || 1;
    const pw = Math.round(size.cssWidth * size.dpr);
    const ph = Math.round(size.cssHeight * size.dpr);
    if (canvas.width !== pw || canvas.height !== ph) {
      canvas.width = pw;
      canvas.height = ph;
    }
  };
  const observer = new ResizeObserver(resize);
  observer.observe(canvas);
  resize();
  // devicePixelRatio changes (zoom, moving between screens) do not resize the element.
  let dprQuery: MediaQueryList | null = null;
  const onDpr = (): void => {
    resize();
    watchDpr();
  };
  const watchDpr = (): void => {
    dprQuery?.removeEventListener('change', onDpr);
    dprQuery = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    dprQuery.addEventListener('change', onDpr, { once: true });
  };
  watchDpr();
  size.stop = () => {
    observer.disconnect();
    dprQuery?.removeEventListener('change', onDpr);
  };
  return size;
}

export function MessageCanvas({ sceneRef, label }: { sceneRef: RefObject<Scene>; label: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const flying = useRingFlying();

  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas === null) return;
    const ctx = canvas.getContext('2d');
    if (ctx === null) return;
    const size = watchSize(canvas);
    let frame = 0;
    let frameCount = 0;
    let blank = false;
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
    const draw = (): void => {
      frame = requestAnimationFrame(draw);
      // How many messages are on screen, for the UI benchmark and for anyone inspecting the page.
      if ((frameCount++ & 31) === 0) canvas.dataset.inFlight = String(flying.messages.size);
      const scene = sceneRef.current;
      const wall = performance.now();
      // Flashes are pruned as frames arrive; paused, none come, so a finished one must not keep the canvas busy.
      const flashing = isFlashing(flying.flashes, wall);
      // Nothing in flight and nothing drawn last time: leave the canvas alone (no repaint at all).
      if (flying.messages.size === 0 && !flashing && blank) return;
      if ((frameCount & 1) === 1 && flying.messages.size > 0 && !flashing && onlyMuted(flying)) return;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      blank = flying.messages.size === 0 && !flashing;
      if (blank) return;
      // The SVG's viewBox with preserveAspectRatio "xMidYMid meet": same scale and centring here.
      const { cssWidth, cssHeight, dpr } = size;
      const box = scene.box;
      const scale = Math.min(cssWidth / box.w, cssHeight / box.h) * dpr;
      const offsetX = (cssWidth * dpr - box.w * scale) / 2 - box.x * scale;
      const offsetY = (cssHeight * dpr - box.h * scale) / 2 - box.y * scale;
      ctx.setTransform(scale, 0, 0, scale, offsetX, offsetY);
      if (flashing) paintFlashes(ctx, scene, flying.flashes, wall, reducedMotion.matches);
      paintMessages(ctx, scene, flying, drawTime(wall, flying));
    };
    frame = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(frame);
      size.stop();
    };
  }, [sceneRef, flying]);

  return <canvas ref={canvasRef} className="cluster-canvas" role="img" aria-label={label} />;
}
