/** Where a command writes; injected so tests run commands in-process and read what they print. */
export interface Output {
  write(text: string): unknown;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  /** The environment the configuration is read from. */
  env: Record<string, string | undefined>;
  clock: () => Date;
  /** What `when --batch` reads; commands that take no input leave it alone. */
  stdin?: NodeJS.ReadableStream;
}
