// A progress bar on the terminal for long runs; nothing when output goes to a file or a test.
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** `unit`: what is counted, as the bar says it (张 cards, 个 files). */
export function progressBar(
  stream: NodeJS.WritableStream,
  total: number,
  label: string,
  unit = '张',
): Progress {
  const tty = (stream as NodeJS.WriteStream).isTTY === true;
  if (!tty || total === 0) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WriteStream,
      format: `${label} [{bar}] {value}/{total} ${unit} {percentage}% 剩余约 {eta}s`,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
