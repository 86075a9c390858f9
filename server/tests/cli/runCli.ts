import { run, type CliIo } from '../../src/cli/run';

/** What one run of the command-line tool printed and returned. */
export interface Result {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs the command-line tool in-process in `cwd`, capturing its output. */
export async function cli(cwd: string, ...argv: string[]): Promise<Result> {
	let stdout = '';
	let stderr = '';
	const io: CliIo = { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false };
	const code = await run(argv, io);
	return { code, stdout, stderr };
}
