import type { LifecycleDeps } from '../lifecycle/invites';
import { type LifecycleRun, runDue } from '../lifecycle/lifecycle';

/**
 * The scheduled job: whatever is due at the dependencies' clock (closings at `closesAt`, with report delivery, and
 * scheduled reminders). EventBridge invokes it every 15 minutes; an overlap with a retry is harmless, since every step
 * checks and records its own work (see lifecycle.ts).
 */
export function lifecycleHandler(deps: LifecycleDeps): () => Promise<LifecycleRun> {
  return () => runDue(deps, deps.clock());
}
