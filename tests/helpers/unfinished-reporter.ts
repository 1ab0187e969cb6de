/**
 * Names the test files that started and never ended, and the tests in each that did not. When a
 * worker process dies (a native crash, a signal), Vitest says only "Worker exited unexpectedly"
 * and leaves the file out of its count: this says which file and which test, at the end of the
 * output, so that a failure on a CI machine can be diagnosed from that output alone.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class UnfinishedReporter implements Reporter {
  private readonly started = new Map<string, string>();

  onTestModuleStart(testModule: TestModule): void {
    this.started.set(testModule.moduleId, new Date().toISOString());
  }

  onTestRunEnd(testModules: readonly TestModule[]): void {
    const unfinished = testModules.filter((testModule) => ['pending', 'queued'].includes(testModule.state()));
    if (unfinished.length === 0) return;
    const lines = unfinished.flatMap((testModule) => [
      `  ${testModule.project.name} ${testModule.relativeModuleId} (started ${this.started.get(testModule.moduleId) ?? 'never'})`,
      ...[...testModule.children.allTests()].map((test) => `    ${test.result().state.padEnd(7)} ${test.fullName}`),
    ]);
    process.stderr.write(`\nTest files that did not finish (their worker may have exited):\n${lines.join('\n')}\n`);
  }
}
