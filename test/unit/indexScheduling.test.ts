/**
 * The plan index's scheduling parts, which need no VS Code: checks in time slices (the document
 * being typed in first, the event loop free between slices), change events in batches, and the
 * byte budget of reads in flight.
 */
import * as assert from 'assert';
import { ByteBudget } from '../../src/extension/planIndex/byteBudget';
import { ChangeBatcher } from '../../src/extension/planIndex/changeBatcher';
import { SliceRunner } from '../../src/extension/planIndex/sliceRunner';

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

/** A clock that moves only when work says it took time. */
function fakeClock(): { now: () => number; spend: (ms: number) => void } {
  let t = 0;
  return {
    now: () => t,
    spend: (ms) => {
      t += ms;
    },
  };
}

describe('SliceRunner: checks in time slices', () => {
  it('runs queued work in order, several items a slice, and ends each slice once', async () => {
    const log: string[] = [];
    const runner = new SliceRunner(1000, () => log.push('end'));
    await Promise.all([1, 2, 3].map((i) => runner.run(() => log.push(`w${i}`))));
    assert.deepEqual(log, ['w1', 'w2', 'w3', 'end']);
    assert.equal(runner.slices, 1);
  });

  it('stops a slice once its budget is spent and lets the event loop run before the next one', async () => {
    const log: string[] = [];
    const clock = fakeClock();
    const runner = new SliceRunner(5, () => log.push('end'), clock.now);
    const all = Promise.all(
      [1, 2, 3, 4].map((i) =>
        runner.run(() => {
          log.push(`w${i}`);
          clock.spend(4);
        }),
      ),
    );
    // something else the event loop has to do meanwhile (an editor request)
    void turn().then(() => log.push('other'));
    await all;
    assert.equal(runner.slices, 2, log.join(' '));
    assert.deepEqual(log, ['w1', 'w2', 'end', 'other', 'w3', 'w4', 'end']);
  });

  it('runs at least one item a slice, however long it takes', async () => {
    const clock = fakeClock();
    const runner = new SliceRunner(0, () => undefined, clock.now);
    await Promise.all([1, 2].map(() => runner.run(() => clock.spend(10))));
    assert.equal(runner.slices, 2);
  });

  it('runs urgent work (the document being typed in) at once, in a slice of its own, before the work already waiting', async () => {
    const log: string[] = [];
    const runner = new SliceRunner(1000, () => log.push('end'));
    const bulk = [1, 2, 3].map((i) => runner.run(() => log.push(`file${i}`)));
    const typed = runner.run(() => log.push('document'), true);
    assert.deepEqual(log, ['document', 'end'], 'before run() returns');
    await Promise.all([...bulk, typed]);
    assert.deepEqual(log, ['document', 'end', 'file1', 'file2', 'file3', 'end']);
    await assert.rejects(
      runner.run(() => {
        throw new Error('bad plan');
      }, true),
      /bad plan/,
    );
  });

  it('resolves after the slice ended (its change event is out) and rejects with what the work threw', async () => {
    let ended = false;
    const runner = new SliceRunner(1000, () => {
      ended = true;
    });
    const ok = runner.run(() => undefined).then(() => ended);
    const bad = runner.run(() => {
      throw new Error('boom');
    });
    assert.equal(await ok, true);
    await assert.rejects(bad, /boom/);
  });

  it('drops work not yet run when disposed, resolving its promises', async () => {
    let ran = 0;
    const runner = new SliceRunner(1000, () => undefined);
    const p = runner.run(() => {
      ran++;
    });
    runner.dispose();
    await p;
    await turn();
    assert.equal(ran, 0);
    await runner.run(() => {
      ran++;
    });
    assert.equal(ran, 0, 'nothing runs after dispose');
  });
});

describe('ByteBudget: bytes held by reads in flight', () => {
  it('grants requests that fit at once, makes the others wait in order', async () => {
    const budget = new ByteBudget(100);
    const r1 = await budget.acquire(60);
    const r2 = await budget.acquire(40);
    assert.equal(budget.inUse, 100);
    const order: string[] = [];
    const third = budget.acquire(30).then((r) => {
      order.push('30');
      return r;
    });
    const fourth = budget.acquire(10).then((r) => {
      order.push('10');
      return r;
    });
    await turn();
    assert.deepEqual(order, [], 'nothing fits yet, and the small one does not jump the queue');
    r1();
    const [r3, r4] = await Promise.all([third, fourth]);
    assert.deepEqual(order, ['30', '10']);
    assert.equal(budget.inUse, 80);
    r1(); // a second release changes nothing
    assert.equal(budget.inUse, 80);
    r2();
    r3();
    r4();
    assert.equal(budget.inUse, 0);
  });

  it('lets a request larger than the whole budget run alone', async () => {
    const budget = new ByteBudget(100);
    const small = await budget.acquire(10);
    let granted = false;
    const huge = budget.acquire(500).then((r) => {
      granted = true;
      return r;
    });
    await turn();
    assert.equal(granted, false, 'it waits for the budget to be empty');
    small();
    const release = await huge;
    assert.equal(budget.inUse, 500);
    let next = false;
    const after = budget.acquire(1).then((r) => {
      next = true;
      return r;
    });
    await turn();
    assert.equal(next, false, 'nothing else meanwhile');
    release();
    (await after)();
    assert.equal(budget.inUse, 0);
  });

  it('charges bytes already held at once, over the limit, and holds the next requests back until the charge is released', async () => {
    const budget = new ByteBudget(100);
    const read = await budget.acquire(16); // a read of unknown size, which returned 130 bytes
    const over = budget.charge(130 - 16);
    assert.equal(budget.inUse, 130);
    let granted = false;
    const next = budget.acquire(16).then((r) => {
      granted = true;
      return r;
    });
    await turn();
    assert.equal(granted, false, 'no new read while more than the budget is held');
    over();
    over(); // a second release changes nothing
    const r = await next;
    assert.equal(granted, true);
    assert.equal(budget.inUse, 32, 'the first read and the next one');
    read();
    r();
    assert.equal(budget.inUse, 0);
  });
});

describe('ChangeBatcher: change events in batches', () => {
  function batcher(intervalMs: number): {
    b: ChangeBatcher<string, string>;
    out: string[][];
    clock: ReturnType<typeof fakeClock>;
    next: () => Promise<string[]>;
  } {
    const out: string[][] = [];
    const clock = fakeClock();
    let waiting: ((batch: string[]) => void) | undefined;
    const b = new ChangeBatcher<string, string>(
      intervalMs,
      (changed, removed) => {
        const batch = [...changed.map((c) => `+${c}`), ...removed.map((r) => `-${r}`)];
        out.push(batch);
        waiting?.(batch);
      },
      clock.now,
    );
    clock.spend(1000);
    return {
      b,
      out,
      clock,
      next: () =>
        new Promise((r) => {
          waiting = r;
        }),
    };
  }

  it('hands out the first batch at once, then at most one per interval; the latest change of a key wins', () => {
    const { b, out, clock } = batcher(100);
    b.change('a', 'a1');
    b.change('a', 'a2');
    b.settle();
    assert.deepEqual(out, [['+a2']]);
    clock.spend(30);
    b.change('b', 'b');
    b.settle();
    b.change('c', 'c');
    b.settle();
    assert.equal(out.length, 1, 'held back within the interval');
    clock.spend(80);
    b.change('d', 'd');
    b.settle();
    assert.deepEqual(out, [['+a2'], ['+b', '+c', '+d']]);
    b.flush();
    assert.equal(out.length, 2, 'nothing to hand out: no event');
    b.dispose();
  });

  it('hands out urgent news (the document being typed in) at once, with what was held back', () => {
    const { b, out } = batcher(100);
    b.change('a', 'a');
    b.settle();
    b.change('file', 'file');
    b.settle();
    b.change('doc', 'doc', true);
    b.settle();
    assert.deepEqual(out, [['+a'], ['+file', '+doc']]);
    b.dispose();
  });

  it('a removal cancels a change not yet out and goes out on its own', async () => {
    const { b, out, next } = batcher(100);
    b.change('a', 'a');
    b.settle();
    b.change('x', 'x');
    b.settle(); // held back
    const batch = next();
    b.remove('x', 'x');
    assert.deepEqual(await batch, ['-x']);
    b.remove('y', 'y');
    b.change('y', 'y2', true);
    b.settle();
    assert.deepEqual(out, [['+a'], ['-x'], ['+y2']], 'a change after a removal cancels the removal');
    b.dispose();
  });
});
