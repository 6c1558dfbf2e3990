// `orgos`: parses the command line, runs one command, and maps errors to exit codes (2 for usage and input, 1 for a
// bug). Commands return their whole output as a string, so nothing reaches stdout unless the command succeeded.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { ImportError, InputError, UsageError } from './errors';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_USAGE = 2;

const DEFAULT_MIN_GROUP = 5;
const MIN_GROUP_FLOOR = 3;

export const USAGE = `Usage: orgos <command> [options]

Commands:
  instrument [--json] [--lang en|zh|de]   list the survey instrument (JSON with --json)
  template                                print the CSV header for the instrument
  score FILE.csv [options]                score a CSV of responses (FILE - reads standard input)
    --instrument VERSION    the instrument version the answers were collected with (every command; default the newest)
    --map MAP.json          which column is which item, and recodes (orgos map proposes one)
    --leadership LEAD.csv   score a second CSV as the leadership view (never mixed into the workforce scores)
    --min-group N           minimum group size for breakdowns and diagnoses (default ${DEFAULT_MIN_GROUP}, at least ${MIN_GROUP_FLOOR})
    --exclude-flagged       leave straight-lined and too-fast responses out of the scores
    --json                  print the readiness report as JSON
    --html                  print the readiness report as a self-contained HTML page
  map FILE.csv [--map MAP.json]           propose a mapping for a CSV from another survey tool (edit, then --map)

  Files may be comma, semicolon or tab separated, in UTF-8, UTF-16 (with BOM) or Windows-1252; columns are matched
  by item id or item text in any instrument language; what was found is said on stderr.

  orgos <command> --help    help for one command
  orgos --version           print the version
`;

interface CommandSpec {
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals: [min: number, max: number];
  run(
    values: Record<string, string | boolean | (string | boolean)[] | undefined>,
    positionals: string[],
    note: (line: string) => void,
  ): Promise<string>;
}

const commands: Record<string, CommandSpec> = {
  instrument: {
    usage: 'orgos instrument [--json] [--lang en|zh|de] [--instrument VERSION]',
    options: { json: { type: 'boolean' }, lang: { type: 'string' }, instrument: { type: 'string' } },
    positionals: [0, 0],
    async run(values) {
      const { instrumentCommand } = await import('./commands/instrument');
      return instrumentCommand(
        { json: values.json === true, lang: values.lang as string | undefined },
        await instrumentOption(values.instrument),
      );
    },
  },
  template: {
    usage: 'orgos template [--instrument VERSION]',
    options: { instrument: { type: 'string' } },
    positionals: [0, 0],
    async run(values) {
      const { templateCommand } = await import('./commands/template');
      return templateCommand(await instrumentOption(values.instrument));
    },
  },
  score: {
    usage:
      'orgos score FILE.csv [--map MAP.json] [--leadership LEAD.csv] [--min-group N] [--exclude-flagged] [--instrument VERSION] [--json | --html]',
    options: {
      instrument: { type: 'string' },
      map: { type: 'string' },
      leadership: { type: 'string' },
      'min-group': { type: 'string' },
      'exclude-flagged': { type: 'boolean' },
      json: { type: 'boolean' },
      html: { type: 'boolean' },
    },
    positionals: [1, 1],
    async run(values, positionals, note) {
      if (values.json && values.html) throw new UsageError('choose one of --json and --html');
      const minGroup = parseMinGroup(values['min-group'] as string | undefined);
      // Loaded on demand: `instrument` and `template` should not pay for the engine, the diagnosis and the renderer.
      const { scoreCommand } = await import('./commands/score');
      return scoreCommand({
        instrument: await instrumentOption(values.instrument),
        file: positionals[0]!,
        leadership: values.leadership as string | undefined,
        minGroup,
        excludeFlagged: values['exclude-flagged'] === true,
        format: values.json ? 'json' : values.html ? 'html' : 'text',
        mapping: await mappingOption(values.map),
        note,
      });
    },
  },
  map: {
    usage: 'orgos map FILE.csv [--map MAP.json] [--instrument VERSION] > map.json',
    options: { map: { type: 'string' }, instrument: { type: 'string' } },
    positionals: [1, 1],
    async run(values, positionals, note) {
      const { mapCommand } = await import('./commands/map');
      return mapCommand(
        { file: positionals[0]!, mapping: await mappingOption(values.map), note },
        await instrumentOption(values.instrument),
      );
    },
  },
};

async function mappingOption(value: unknown) {
  if (typeof value !== 'string') return undefined;
  const { readMappingFile } = await import('./mapping-file');
  return readMappingFile(value);
}

/** `--instrument VERSION`: one of the versions campaigns can be on; the newest when not given. */
async function instrumentOption(value: unknown) {
  const { CURRENT_INSTRUMENT, findInstrument, INSTRUMENT_VERSIONS } = await import('../shared/instrument');
  if (value === undefined) return CURRENT_INSTRUMENT;
  const found = typeof value === 'string' ? findInstrument(CURRENT_INSTRUMENT.id, value) : undefined;
  if (!found) {
    throw new UsageError(`--instrument: expected one of ${INSTRUMENT_VERSIONS.join(', ')}, got "${String(value)}"`);
  }
  return found;
}

function parseMinGroup(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MIN_GROUP;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`--min-group: expected a whole number, got "${value}"`);
  if (n < MIN_GROUP_FLOOR) {
    throw new UsageError(`--min-group: at least ${MIN_GROUP_FLOOR} (smaller groups could expose a person), got ${n}`);
  }
  return n;
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  const { CURRENT_INSTRUMENT } = await import('../shared/instrument');
  return `orgos ${pkg.version} (instrument ${CURRENT_INSTRUMENT.id}@${CURRENT_INSTRUMENT.version})\n`;
}

/** Runs one command line (without `node` and the script) and returns the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(await version());
    return EXIT_OK;
  }
  const spec = name === undefined ? undefined : Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!spec) {
    io.stderr(`${name === undefined ? 'orgos: a command is needed' : `orgos: unknown command "${name}"`}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(`Usage: ${spec.usage}\n\n${USAGE}`);
      return EXIT_OK;
    }
    const { values, positionals } = parseCommandLine(spec, args);
    const [min, max] = spec.positionals;
    if (positionals.length < min) throw new UsageError('a file is needed');
    if (positionals.length > max) throw new UsageError(`unexpected argument "${positionals[max]}"`);
    // Notes (what each file was read as) go to stderr once the command has succeeded, before its output.
    const notes: string[] = [];
    const out = await spec.run(values, positionals, (line) => notes.push(line));
    if (notes.length > 0) io.stderr(`${notes.map((n) => `orgos ${name}: ${n}`).join('\n')}\n`);
    io.stdout(out);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(
        `orgos ${name}: ${error.message}\nUsage: ${spec.usage}\nRun \`orgos --help\` for all commands and options.\n`,
      );
      return EXIT_USAGE;
    }
    if (error instanceof InputError || error instanceof ImportError) {
      io.stderr(`orgos ${name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(
      `orgos ${name}: internal error, please report it\n${error instanceof Error ? error.stack : String(error)}\n`,
    );
    return EXIT_BUG;
  }
}

function parseCommandLine(spec: CommandSpec, args: string[]) {
  try {
    return parseArgs({ args, options: spec.options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS')) throw error;
    const unknown = /'([^']+)'/.exec((error as Error).message)?.[1];
    throw new UsageError(
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown ? `unknown option ${unknown}` : (error as Error).message,
    );
  }
}

/** The process entry: `bin/orgos.js` calls this. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  // `orgos score … | head` closes the pipe early; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_OK);
    throw error;
  });
  return run(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
