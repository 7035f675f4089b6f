/** The process's streams, behind an interface so commands stay testable and side effects visible. */
export interface Io {
  out(text: string): void;
  /** Writes to stdout and resolves when it may take more (a full pipe: after `drain`), for streamed output. */
  write(text: string): Promise<void>;
  err(text: string): void;
  readonly outIsTTY: boolean;
  readonly errIsTTY: boolean;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  write: (text) =>
    new Promise<void>((resolve, reject) => {
      if (process.stdout.write(text)) resolve();
      else {
        // EPIPE ends the process in main.ts; any other error must not leave the pipeline waiting forever.
        const onError = (e: Error): void => reject(e);
        process.stdout.once('error', onError);
        process.stdout.once('drain', () => {
          process.stdout.off('error', onError);
          resolve();
        });
      }
    }),
  err: (text) => void process.stderr.write(text),
  outIsTTY: process.stdout.isTTY === true,
  errIsTTY: process.stderr.isTTY === true,
};
