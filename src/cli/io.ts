/** The process's streams, behind an interface so commands stay testable and side effects visible. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readonly outIsTTY: boolean;
  readonly errIsTTY: boolean;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  outIsTTY: process.stdout.isTTY === true,
  errIsTTY: process.stderr.isTTY === true,
};
