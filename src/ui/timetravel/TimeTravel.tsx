// Time travel under the cluster view: the time slider and the space-time diagram.
import { text } from '../../view/text';
import { PastHint, Scrubber } from './Scrubber';
import { SpaceTimeDiagram } from './SpaceTimeDiagram';
import './timetravel.css';

export function TimeTravel() {
  return (
    <section className="panel tt-panel" aria-label={text.timeTravel.region}>
      <h2 className="visually-hidden">{text.timeTravel.region}</h2>
      <Scrubber />
      <SpaceTimeDiagram status={<PastHint />} />
    </section>
  );
}
