import { useEffect } from 'react';
import { useSim } from '../store/simStore';
import { LessonPanel } from './lessons/LessonPanel';
import { LessonPicker } from './lessons/LessonPicker';
import { WelcomeCard } from './lessons/WelcomeCard';
import { ShareBar } from './share/ShareBar';
import { isEmbed, startFromLocation } from './share/shareStore';
import { ShareStatus } from './share/ShareStatus';
import { ClusterView } from './cluster/ClusterView';
import { FaultControls } from './cluster/FaultControls';
import { BugBanner, BugSwitches } from './controls/BugSwitches';
import { ControlsBar } from './controls/ControlsBar';
import { HelpButton } from './controls/HelpButton';
import { LanguageSwitch } from './controls/LanguageSwitch';
import { useShortcuts } from './controls/useShortcuts';
import { Alerts } from './panels/Alerts';
import { ConsolePanel } from './panels/ConsolePanel';
import { EventLog } from './panels/EventLog';
import { FuzzPanel } from './fuzz/FuzzPanel';
import { LogPanel } from './panels/LogPanel';
import { AllLogs } from './panels/AllLogs';
import { ClientHistory } from './panels/ClientHistory';
import { SafetyMonitor } from './panels/SafetyMonitor';
import { ZnodeTree } from './panels/ZnodeTree';
import { text } from '../view/text';
import { TimeTravel } from './timetravel/TimeTravel';
import { PresentButton } from './present/PresentButton';
import { PresentPage } from './present/PresentPage';
import { usePresent } from './present/presentStore';
import { useCompare } from '../store/compareStore';
import { CompareButton, CompareLinkError } from './compare/CompareButton';
import { CompareView } from './compare/CompareView';
import { followCompareInHistory, openCompareFromLocation } from './compare/compareActions';

/** One worker per page load, even when StrictMode mounts the page twice. */
let started = false;

export function App() {
  useEffect(() => {
    if (started) return;
    started = true;
    // A compare link (?compare=...#s=...), a shared link (#s=...), a lesson (#lesson=...) or the default run.
    const comparing = !isEmbed() && openCompareFromLocation();
    startFromLocation(!comparing);
    if (!isEmbed()) followCompareInHistory();
  }, []);
  useShortcuts();
  const ready = useSim((s) => s.ready);
  const present = usePresent((s) => s.on);
  const comparing = useCompare((s) => s.on);

  if (isEmbed()) {
    // ?embed=1: only the cluster and the controls, for slides and blogs.
    return (
      <div className="app app-embed">
        <BugBanner />
        <ControlsBar />
        <Alerts />
        <ShareStatus compact />
        {/* A lesson embedded in a slide still needs its text and Next. */}
        <LessonPanel />
        <main className="embed-main" aria-busy={!ready}>
          <div className="panel cluster-panel">
            <ClusterView />
          </div>
        </main>
      </div>
    );
  }

  // Present mode: the ring as large as the window allows, the lesson and the diagram beside it.
  if (present && !comparing) return <PresentPage ready={ready} />;

  const header = <PageHeader comparing={comparing} />;

  // The compare view: one scenario under two protocols, side by side, instead of the page's run.
  if (comparing)
    return (
      <div className="app app-compare">
        {header}
        <ShareStatus />
        <main className="compare-main">
          <CompareView />
        </main>
      </div>
    );

  return (
    <div className="app">
      <SkipToConsole />
      {header}
      <CompareLinkError />
      <BugBanner />
      <ControlsBar />
      <Alerts />
      <ShareStatus />
      <WelcomeCard />
      <LessonPanel />
      <main className="workspace" aria-busy={!ready}>
        <div className="workspace-cluster">
          {/* The ring, the monitor and the diagram right under them, in view together: the ring takes the height the
              other two leave. */}
          <div className="workspace-first">
            <div className="panel cluster-panel">
              <ClusterView />
            </div>
            <SafetyMonitor />
            <TimeTravel />
          </div>
          <div className="panel faults-panel">
            <FaultControls />
          </div>
          <AllLogs />
          <ClientHistory />
          <FuzzPanel />
        </div>
        <div className="workspace-side">
          <LogPanel />
          <ZnodeTree />
          <ConsolePanel />
          <EventLog />
        </div>
      </main>
    </div>
  );
}

function PageHeader({ comparing }: { comparing: boolean }) {
  return (
    <header className="app-header">
      <img className="app-logo" src="/favicon.svg" alt="" width={28} height={28} />
      <h1>{text.appName}</h1>
      <p className="app-tagline">{text.page.tagline}</p>
      {!comparing && <LessonPicker />}
      {!comparing && <BugSwitches />}
      {!comparing && <PresentButton />}
      <CompareButton />
      <HelpButton />
      <ShareBar />
      <LanguageSwitch />
    </header>
  );
}

/** The first Tab stop: straight to the console's input, past the header and the controls (some 40 stops). */
function SkipToConsole() {
  return (
    <a
      className="skip-link"
      href="#console-input"
      onClick={(event) => {
        // The page's hash holds shared runs and lessons: move focus without touching it.
        event.preventDefault();
        document.getElementById('console-input')?.focus();
      }}
    >
      {text.skipToConsole}
    </a>
  );
}
