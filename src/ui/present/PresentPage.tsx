// Present mode's page: the header (title, lessons, Present, help), the controls, the ring filling the height they
// leave, and beside it the lesson and the space-time diagram. Everything else is folded away.
import { ClusterView } from '../cluster/ClusterView';
import { BugBanner } from '../controls/BugSwitches';
import { ControlsBar } from '../controls/ControlsBar';
import { HelpButton } from '../controls/HelpButton';
import { LessonPanel } from '../lessons/LessonPanel';
import { LessonPicker } from '../lessons/LessonPicker';
import { Alerts } from '../panels/Alerts';
import { AllLogs } from '../panels/AllLogs';
import { ShareStatus } from '../share/ShareStatus';
import { TimeTravel } from '../timetravel/TimeTravel';
import { text } from '../../view/text';
import { PresentButton } from './PresentButton';

export function PresentPage({ ready }: { ready: boolean }) {
  return (
    <div className="app app-present">
      <header className="app-header">
        <img className="app-logo" src="/favicon.svg" alt="" width={28} height={28} />
        <h1>{text.appName}</h1>
        <span className="app-tagline" />
        <LessonPicker />
        <PresentButton />
        <HelpButton />
      </header>
      <BugBanner />
      <ControlsBar />
      <Alerts />
      <ShareStatus compact />
      <main className="present-main" aria-busy={!ready}>
        <div className="panel cluster-panel">
          <ClusterView present />
        </div>
        <div className="present-side">
          <LessonPanel />
          <TimeTravel />
          <AllLogs />
        </div>
      </main>
    </div>
  );
}
