import { browser } from 'wxt/browser';
import type { BackgroundDeps } from '../background-deps';
import { isComplianceAlarm } from './compliance-alarms';
import { refreshDeadlineSignals, runComplianceSweep } from './compliance-service';

/**
 * Wires the compliance checks: the alarms (sweep and the one-shot at the next due-soon moment),
 * browser start and each wake. `refresh` runs after every write (deps.notifyChanged). Notification
 * clicks open the options page where the deadline is.
 */
export function registerCompliance(deps: BackgroundDeps): { refresh: () => Promise<void> } {
  const logged = (what: string, task: () => Promise<unknown>) => task().catch((err) => console.error(`[seller-vault] compliance (${what}) failed`, err));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (isComplianceAlarm(alarm.name)) void logged(alarm.name, () => runComplianceSweep(deps));
  });
  browser.notifications?.onClicked.addListener((id) => {
    if (!id.startsWith('sv-deadline:')) return;
    const section = id.includes(':incident:') ? 'incidents' : 'requests';
    void logged('open', () => browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${section}`) }));
  });
  browser.runtime.onStartup.addListener(() => void logged('startup', () => runComplianceSweep(deps)));
  void logged('wake', async () => {
    await deps.deadlineSignals.ensureSweep();
    await runComplianceSweep(deps);
  });
  return { refresh: () => logged('write', () => refreshDeadlineSignals(deps)).then(() => undefined) };
}
