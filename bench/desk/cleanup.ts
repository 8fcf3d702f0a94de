// What the desk benchmark must undo however it ends (a normal exit, an error,
// Ctrl-C): stop the PostgreSQL it started, end the server child, remove temp
// folders. Each step is synchronous, so it also runs in an 'exit' handler.

type Step = { name: string; run: () => void };

const steps: Step[] = [];
let installed = false;

function runAll(): void {
  for (const step of steps.splice(0).reverse()) {
    try {
      step.run();
    } catch (error) {
      process.stderr.write(`bench: cleanup "${step.name}" failed: ${(error as Error).message}\n`);
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      process.stderr.write(`bench: ${signal}, cleaning up\n`);
      runAll();
      process.exit(130);
    });
  }
  process.on('uncaughtException', (error) => {
    process.stderr.write(`bench: ${error.stack ?? error.message}\n`);
    runAll();
    process.exit(1);
  });
}

/** Registers a synchronous undo step; the returned function runs it now (once) and forgets it. */
export function onCleanup(name: string, run: () => void): () => void {
  install();
  const step = { name, run };
  steps.push(step);
  return () => {
    const i = steps.indexOf(step);
    if (i >= 0) {
      steps.splice(i, 1);
      step.run();
    }
  };
}
