import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import { createLimiter } from './limit.js';

describe('createLimiter', () => {
  it('runs at most `size` tasks at once, in arrival order, and frees slots on failure', async () => {
    const limiter = createLimiter(2);
    const started: number[] = [];
    const releases: Array<() => void> = [];
    const tasks = [0, 1, 2, 3].map((n) =>
      limiter.run(async () => {
        started.push(n);
        await new Promise<void>((resolve) => releases.push(resolve));
        if (n === 0) throw new Error('task 0 failed');
        return n;
      }),
    );
    await tick();
    assert.deepEqual(started, [0, 1]);
    assert.equal(limiter.active, 2);
    assert.equal(limiter.waiting, 2);

    releases[0]!(); // task 0 fails: its slot goes to task 2
    await assert.rejects(tasks[0]!, /task 0 failed/);
    await tick();
    assert.deepEqual(started, [0, 1, 2]);
    assert.equal(limiter.active, 2);

    releases[1]!();
    releases[2]!();
    await tick();
    await tick();
    releases[3]!();
    assert.deepEqual(await Promise.all(tasks.slice(1)), [1, 2, 3]);
    assert.equal(limiter.active, 0);
    assert.equal(limiter.waiting, 0);
  });

  it('rejects a size below one', () => {
    assert.throws(() => createLimiter(0), RangeError);
  });
});
