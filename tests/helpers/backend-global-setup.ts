import type { TestProject } from 'vitest/node';
import { describeForTests, startTestStack } from './test-stack.ts';

export default async function setup(project: TestProject) {
  const stack = await startTestStack();
  project.provide('stack', describeForTests(stack));
  return () => stack.stop();
}
