/** Minimal, strict argument parsing for the CLIs: unknown flags are errors, with the usage. */
export const parseArgs = (
  argv: readonly string[],
  spec: Record<string, 'string' | 'number' | 'boolean'>,
  usage: string,
): Record<string, string | number | boolean> => {
  const out: Record<string, string | number | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) fail(`unexpected argument "${a}"`, usage);
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    const kind = spec[name];
    if (!kind) fail(`unknown option --${name}`, usage);
    if (kind === 'boolean') {
      out[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) fail(`--${name} needs a value`, usage);
    if (kind === 'number') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0)
        fail(`--${name} must be a whole number, got "${value}"`, usage);
      out[name] = n;
    } else out[name] = value!;
  }
  return out;
};

export function fail(message: string, usage: string): never {
  console.error(`error: ${message}\n\n${usage}`);
  process.exit(2);
}
