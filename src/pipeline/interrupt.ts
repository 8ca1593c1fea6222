/**
 * Synchronous clean-up on interruption: while at least one clean-up is registered, the
 * process listens for SIGINT, SIGTERM and `exit`.
 *
 * On SIGINT/SIGTERM, when nothing else in the process listens for that signal, every
 * clean-up runs and the signal is raised again with the default action, so the process
 * still dies of it (exit status 130 / 143 in a shell). When the application has its own
 * handler, the signal is left to it; clean-ups then run on `exit`.
 */
type Cleanup = () => void;

const cleanups = new Set<Cleanup>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function runAll(): void {
  for (const c of [...cleanups]) {
    cleanups.delete(c);
    try {
      c();
    } catch {
      // best effort: the next clean-up still runs
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return; // the application handles it
  runAll();
  uninstall();
  process.kill(process.pid, signal);
}

function install(): void {
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', runAll);
}

function uninstall(): void {
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off('exit', runAll);
}

/**
 * Registers `cleanup` (synchronous, must not throw) to run if the process is interrupted
 * or exits before the returned function is called. Calling the returned function
 * unregisters it without running it.
 */
export function onInterrupt(cleanup: Cleanup): () => void {
  if (cleanups.size === 0) install();
  cleanups.add(cleanup);
  return () => {
    if (!cleanups.delete(cleanup)) return;
    if (cleanups.size === 0) uninstall();
  };
}
