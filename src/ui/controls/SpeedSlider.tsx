import { text } from '../../view/text';
import { posToSpeed, SPEED_POS_MAX, SPEED_POS_MIN, SPEED_POS_STEP, speedToPos } from './speedScale';

/** The Speed slider on its log scale, with the speed it shows beside it (the page's controls and the compare view's). */
export function SpeedSlider({ id, speed, onChange }: { id: string; speed: number; onChange: (speed: number) => void }) {
  return (
    <div className="controls-group controls-speed">
      <label htmlFor={id}>{text.controls.speed}</label>
      <input
        id={id}
        type="range"
        min={SPEED_POS_MIN}
        max={SPEED_POS_MAX}
        step={SPEED_POS_STEP}
        value={speedToPos(speed)}
        aria-valuetext={text.controls.speedValue(speed)}
        onChange={(event) => onChange(posToSpeed(Number(event.currentTarget.value)))}
      />
      <output htmlFor={id} className="speed-value" aria-live="off">
        {text.controls.speedValue(speed)}
      </output>
    </div>
  );
}
