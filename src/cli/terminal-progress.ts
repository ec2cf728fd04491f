// Progress bars for `ledgerline run` on a terminal: one bar per phase, on stderr so a JSON summary
// on stdout stays machine-readable.
import cliProgress from 'cli-progress';
import type { PhaseProgress, ProgressReporter } from '../ports/progress.js';

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  const bars = new cliProgress.MultiBar(
    {
      stream,
      format: ' {phase} |{bar}| {value}/{total} {detail}',
      barCompleteChar: '█',
      barIncompleteChar: '░',
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let open = 0;
  return {
    phase(name: string): PhaseProgress {
      const bar = bars.create(0, 0, { phase: name.padEnd(9), detail: '' });
      open += 1;
      let finished = false;
      return {
        total: (count) => bar.setTotal(count),
        advance: (by = 1, detail = '') => bar.increment(by, { detail: detail.slice(0, 40) }),
        done: () => {
          if (finished) return;
          finished = true;
          bar.update(bar.getTotal(), { detail: 'done' });
          open -= 1;
          if (open === 0) bars.stop();
        },
      };
    },
  };
}
