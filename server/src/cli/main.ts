import { run } from './run';

void run(process.argv.slice(2), {
	cwd: process.cwd(),
	stdout: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(text),
	stderrIsTTY: process.stderr.isTTY === true,
}).then((code) => {
	process.exitCode = code;
});
