import type { ClusterSetting } from '../options';

/**
 * A glob pattern as a regular expression over forward-slash paths: `**` any number of folders, `*` any
 * characters but `/`, `?` one of them, `{a,b}` alternatives. Enough for crosscheck.yaml's cluster lists;
 * the file walker uses the full implementation.
 */
export function globToRegExp(glob: string): RegExp {
	let out = '';
	for (let i = 0; i < glob.length; i++) {
		const ch = glob[i]!;
		if (ch === '*') {
			if (glob[i + 1] === '*') {
				const slash = glob[i + 2] === '/';
				out += slash ? '(?:[^/]*/)*' : '.*';
				i += slash ? 2 : 1;
			} else {
				out += '[^/]*';
			}
		} else if (ch === '?') {
			out += '[^/]';
		} else if (ch === '{') {
			const close = glob.indexOf('}', i);
			if (close < 0) {
				out += '\\{';
			} else {
				out += `(?:${glob
					.slice(i + 1, close)
					.split(',')
					.map((alt) => alt.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
					.join('|')})`;
				i = close;
			}
		} else {
			out += ch.replace(/[.+^$()|[\]\\]/g, '\\$&');
		}
	}
	return new RegExp(`^${out.replace(/^\.\//, '')}$`);
}

let compiled: { setting: ClusterSetting; groups: { name: string; patterns: RegExp[] }[] } | undefined;

/**
 * The cluster of an article, from its path relative to the corpus root: its folder (`folder`, the
 * default; "" at the root), `*` for the whole workspace, or the first named group whose globs match
 * (else its folder). Documents without a path (unsaved) are a cluster of their own kind.
 */
export function clusterOf(path: string | undefined, setting: ClusterSetting): string {
	if (path === undefined) {
		return setting === 'workspace' ? '*' : '(unsaved)';
	}
	if (setting === 'workspace') {
		return '*';
	}
	if (setting !== 'folder') {
		if (compiled?.setting !== setting) {
			compiled = { setting, groups: setting.map((group) => ({ name: group.name, patterns: group.files.map(globToRegExp) })) };
		}
		for (const group of compiled.groups) {
			if (group.patterns.some((p) => p.test(path))) {
				return `=${group.name}`;
			}
		}
	}
	const slash = path.lastIndexOf('/');
	return slash < 0 ? '' : path.slice(0, slash);
}

/** A cluster as people read it: the folder, "the workspace", or the group's name. */
export function clusterLabel(cluster: string): string {
	if (cluster === '*') {
		return 'the workspace';
	}
	if (cluster.startsWith('=')) {
		return cluster.slice(1);
	}
	return cluster === '' ? '(root folder)' : cluster;
}
