import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that mostly wait on real time: the walks that watch every one-second reveal (one per
 * engine), and the hall's rehearsal (a 30 s silent Wi-Fi). Started first, they run beside the files
 * that keep the CPU busy instead of after them: a clean clone has no timings, and vitest then starts
 * the largest files first, which left these last.
 */
const REAL_TIME = ['tests/browser/story.test.ts', 'tests/browser/engines/story.test.ts', 'tests/browser/hallRehearsal.test.ts'];

/**
 * Vitest's order (groups, then the last run's durations or the files' sizes), with REAL_TIME first in
 * each group and the files that drive no browser (seconds each) last, to fill the workers' ends.
 */
export class RealTimeFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (s: TestSpecification) => (REAL_TIME.some((f) => s.moduleId.endsWith(f)) ? 0 : s.moduleId.includes('/tests/browser/') ? 1 : 2);
    return (await super.sort(files)).sort((a, b) => a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder || rank(a) - rank(b));
  }
}
