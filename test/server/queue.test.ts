// The work queue on its own: first in first out, no more at once than allowed, a bounded wait
// line, a deadline, and each job's folder gone after its time to live.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobQueue, QueueFullError, type JobWork } from '../../reports/jobs/queue.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function queue(options: Partial<ConstructorParameters<typeof JobQueue>[0]> = {}) {
  return new JobQueue({
    concurrency: 2,
    maxQueued: 3,
    deadlineMs: 5000,
    ttlMs: 60_000,
    describeError: (error) => (error as Error).message,
    ...options,
  });
}

async function settled(q: JobQueue, id: string) {
  for (;;) {
    const job = q.get(id, '')!;
    if (job.state === 'done' || job.state === 'failed') return job;
    await sleep(5);
  }
}

describe('JobQueue', () => {
  it('runs jobs first in, first out, never more at once than allowed', async () => {
    const q = queue({ concurrency: 2, maxQueued: 10 });
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const work =
      (n: number): JobWork =>
      async (context) => {
        started.push(n);
        most = Math.max(most, ++running);
        await sleep(20);
        running--;
        const file = path.join(context.dir, `${n}.txt`);
        writeFileSync(file, `任务 ${n}`);
        return [file];
      };
    const ids = [0, 1, 2, 3, 4, 5].map((n) => q.submit(q.create(''), work(n)).id);
    const jobs = await Promise.all(ids.map((id) => settled(q, id)));
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(jobs.map((j) => j.files[0].name)).toEqual([
      '0.txt',
      '1.txt',
      '2.txt',
      '3.txt',
      '4.txt',
      '5.txt',
    ]);
    expect(jobs[0].files[0].bytes).toBe(Buffer.byteLength('任务 0'));
    await q.close();
  });

  it('refuses a job beyond the wait line, and takes it again once there is room', async () => {
    const q = queue({ concurrency: 1, maxQueued: 1 });
    const slow: JobWork = async () => {
      await sleep(50);
      return [];
    };
    const first = q.submit(q.create(''), slow);
    q.submit(q.create(''), slow);
    expect(() => q.create('')).toThrow(QueueFullError);
    expect(() => q.create('')).toThrow(/服务器正忙/);
    await settled(q, first.id);
    await sleep(5);
    expect(() => q.submit(q.create(''), slow)).not.toThrow();
    await q.close();
  });

  it('fails a job past its deadline in Chinese, tells its work to stop, and frees its place', async () => {
    const q = queue({ concurrency: 1, deadlineMs: 50 });
    let aborted = false;
    const stuck = q.submit(q.create(''), (context) => {
      context.signal.addEventListener('abort', () => (aborted = true));
      return new Promise<string[]>(() => undefined);
    });
    const next = q.submit(q.create(''), async () => []);
    expect((await settled(q, stuck.id)).error).toMatch(/任务超过 1 秒未完成/);
    expect(aborted).toBe(true);
    expect((await settled(q, next.id)).state).toBe('done');
    await q.close();
  });

  it('deletes a finished job and its folder after the time to live, and shows jobs only to their owner', async () => {
    const q = queue({ ttlMs: 80 });
    const job = q.submit(q.create('第一支部'), async (context) => {
      const file = path.join(context.dir, '卡.pdf');
      writeFileSync(file, 'x');
      return [file];
    });
    expect(q.get(job.id, '第二支部')).toBeUndefined();
    for (; q.get(job.id, '第一支部')?.state !== 'done';) await sleep(5);
    expect(existsSync(job.dir)).toBe(true);
    expect(q.get(job.id, '第一支部')!.expiresAt).toBeGreaterThan(Date.now());
    await sleep(200);
    expect(q.get(job.id, '第一支部')).toBeUndefined();
    expect(existsSync(job.dir)).toBe(false);
    await q.close();
    expect(existsSync(q.folder)).toBe(false);
  });
});
