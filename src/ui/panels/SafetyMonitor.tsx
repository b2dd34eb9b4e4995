import { useSim } from '../../store/simStore';
import { firstViolation, majorityCanTalk, safetyItems } from '../../view/safety';
import { text } from '../../view/text';
import { useBreakingFocus } from './useBreakingFocus';

const t = text.safety;

export function SafetyMonitor() {
  const violations = useSim((s) => s.violations);
  const eventCount = useSim((s) => s.eventCount);
  const send = useSim((s) => s.send);
  const canTalk = useSim((s) => majorityCanTalk(s.servers, s.links));
  const items = safetyItems(violations, eventCount, canTalk);
  const first = firstViolation(items);
  const focus = useBreakingFocus();
  // To the event, with the log of a server it involves on show (where its slot is marked).
  const show = (index: number): void => {
    send({ type: 'seek-event', index });
    const server = focus === null ? undefined : [...focus.servers][0];
    if (server !== undefined) send({ type: 'select', server });
  };
  return (
    <section className="panel safety-panel" aria-labelledby="safety-title">
      <div className="panel-head">
        <h2 id="safety-title">{t.region}</h2>
      </div>
      {first !== null && (
        <div role="alert" className="safety-alert">
          <div>
            <p className="safety-headline">
              <strong>{t.caught(first.name)}</strong> {t.atEvent(first.breakingEvent!)}: {first.headline}
            </p>
            <p className="safety-reason">{first.reason}</p>
          </div>
          <button type="button" className="btn" onClick={() => show(first.breakingEvent!)}>
            {t.showBreaking}
          </button>
        </div>
      )}
      <ul className="safety-list">
        {items.map((item) => (
          <li
            key={item.check}
            aria-label={item.name}
            className={`safety-item${item.violated ? ' safety-violated' : item.waiting ? ' safety-waiting' : ''}`}
            title={item.reason ?? (item.waiting ? t.waitingWhy : item.rule)}
          >
            <span className="safety-name">{item.name}</span>{' '}
            <span className="safety-state">{item.violated ? t.violated : item.waiting ? t.waiting : t.holds}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
