// Error classes that decide what the user sees and the exit code (DESIGN.md: 1 failure, 2 usage).

/** A known problem caused by the user's input or environment: printed as one line, no stack. */
export class MilestonesError extends Error {
  readonly exitCode: number;
  /** `FILE` or `FILE:LINE` the message is about, when there is one. */
  readonly where?: string;
  /** What to do about it. */
  readonly hint?: string;

  constructor(message: string, options: { exitCode?: number; where?: string; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? 1;
    this.where = options.where;
    this.hint = options.hint;
  }

  /** `FILE:LINE: what is wrong — what to do` */
  format(): string {
    const head = this.where ? `${this.where}: ${this.message}` : this.message;
    return this.hint ? `${head} — ${this.hint}` : head;
  }
}

/** Bad input file, corrupt database, I/O failure: exit 1. */
export class InputError extends MilestonesError {}

/** Unknown week, bad option, unknown format: exit 2. */
export class UsageError extends MilestonesError {
  constructor(message: string, options: { where?: string; hint?: string; cause?: unknown } = {}) {
    super(message, { ...options, exitCode: 2 });
  }
}
