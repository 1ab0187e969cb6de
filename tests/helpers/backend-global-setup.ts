import type { TestProject } from 'vitest/node';
import { acquireSharedStack, describeForTests, releaseSharedStack } from './test-stack.ts';

export default async function setup(project: TestProject) {
  const stack = await acquireSharedStack();
  project.provide('stack', describeForTests(stack));
  return releaseSharedStack;
}
