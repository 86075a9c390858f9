import { isMap, isScalar, isSeq, type Node } from 'yaml';

/**
 * The subset of JSON Schema (draft 7) that crosscheck.schema.json uses. Validating the YAML syntax
 * tree directly, rather than a plain object, keeps the source range of every value, so each problem
 * points at the offending line.
 */
export interface SchemaNode {
	readonly type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
	readonly description?: string;
	readonly enum?: readonly unknown[];
	readonly properties?: Readonly<Record<string, SchemaNode>>;
	readonly additionalProperties?: boolean | SchemaNode;
	readonly propertyNames?: SchemaNode;
	readonly required?: readonly string[];
	readonly items?: SchemaNode;
	readonly anyOf?: readonly SchemaNode[];
	readonly minimum?: number;
	readonly minLength?: number;
	readonly pattern?: string;
	readonly format?: string;
	readonly $ref?: string;
	readonly definitions?: Readonly<Record<string, SchemaNode>>;
}

/** A schema violation at a source range of the YAML text. */
export interface SchemaProblem {
	readonly start: number;
	readonly end: number;
	readonly message: string;
	/** The dotted path of the offending value, for example `rules.vague-attribution`. */
	readonly path: string;
}

/** Validates a YAML node against the schema. Returns every problem found; never throws. */
export function validateNode(node: Node | null, schema: SchemaNode): SchemaProblem[] {
	const problems: SchemaProblem[] = [];
	const root = schema;
	const resolve = (s: SchemaNode): SchemaNode => {
		if (s.$ref?.startsWith('#/definitions/')) {
			return root.definitions?.[s.$ref.slice('#/definitions/'.length)] ?? {};
		}
		return s;
	};
	const range = (n: Node | null | undefined): [number, number] => {
		const r = n?.range;
		return r ? [r[0], Math.max(r[1], r[0] + 1)] : [0, 1];
	};

	const check = (n: Node | null, s0: SchemaNode, path: string, keyNode?: Node | null): void => {
		const s = resolve(s0);
		const [start, end] = range(n ?? keyNode);
		const report = (message: string): void => {
			problems.push({ start, end, message, path });
		};
		if (s.anyOf) {
			const attempts = s.anyOf.map((alt) => validateAlone(n, alt, root));
			if (!attempts.some((a) => a.length === 0)) {
				report(`${label(path)} ${describeAnyOf(s.anyOf.map(resolve))}.`);
			}
			return;
		}
		const value = isScalar(n) ? n.value : undefined;
		switch (s.type) {
			case 'object': {
				if (!isMap(n)) {
					report(`${label(path)} must be a mapping (key: value lines).`);
					return;
				}
				const present = new Set(n.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '')));
				const missing = (s.required ?? []).filter((k) => !present.has(k));
				if (missing.length > 0) {
					report(`${label(path)} needs ${missing.map((k) => `"${k}"`).join(' and ')}.`);
				}
				for (const pair of n.items) {
					const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
					const keyPath = path ? `${path}.${key}` : String(key);
					if (key === undefined) {
						const [ks, ke] = range(pair.key as Node);
						problems.push({ start: ks, end: ke, message: `Keys in ${label(path)} must be plain text.`, path });
						continue;
					}
					const valueNode = (pair.value ?? null) as Node | null;
					const property = s.properties?.[key];
					if (s.propertyNames) {
						const names = resolve(s.propertyNames);
						if (names.enum && !names.enum.includes(key)) {
							const [ks, ke] = range(pair.key as Node);
							problems.push({ start: ks, end: ke, message: `Unknown rule id "${key}"${suggest(key, names.enum)}.`, path: keyPath });
							continue;
						}
					}
					if (property) {
						check(valueNode, property, keyPath, pair.key as Node);
					} else if (s.additionalProperties === false) {
						const known = Object.keys(s.properties ?? {});
						const [ks, ke] = range(pair.key as Node);
						problems.push({
							start: ks,
							end: ke,
							message: `Unknown key "${key}" in ${label(path)}${suggest(key, known)}. Known keys: ${known.join(', ')}.`,
							path: keyPath,
						});
					} else if (typeof s.additionalProperties === 'object') {
						check(valueNode, s.additionalProperties, keyPath, pair.key as Node);
					}
				}
				return;
			}
			case 'array': {
				if (!isSeq(n)) {
					report(`${label(path)} must be a list (lines starting with "- ").`);
					return;
				}
				n.items.forEach((item, i) => s.items && check(item as Node, s.items, `${path}[${i}]`));
				return;
			}
			case 'string': {
				if (typeof value !== 'string') {
					report(`${label(path)} must be text${s.enum ? ` (one of ${s.enum.join(', ')})` : ''}.`);
					return;
				}
				if (s.enum && !s.enum.includes(value)) {
					report(`${label(path)} is "${value}"; it must be one of ${s.enum.join(', ')}${suggest(value, s.enum)}.`);
				} else if (s.minLength !== undefined && value.trim().length < s.minLength) {
					report(`${label(path)} must not be empty.`);
				} else if (s.pattern && !new RegExp(s.pattern, 'u').test(value)) {
					report(`${label(path)} has the wrong form: "${value}".`);
				} else if (s.format === 'date-time-or-date' && Number.isNaN(Date.parse(value))) {
					report(`${label(path)} is not a date: "${value}". Use ISO 8601, for example 2025-03-04T08:30:00Z.`);
				}
				return;
			}
			case 'integer':
			case 'number': {
				if (typeof value !== 'number' || (s.type === 'integer' && !Number.isInteger(value))) {
					report(`${label(path)} must be ${s.type === 'integer' ? 'a whole number' : 'a number'}.`);
				} else if (s.enum && !s.enum.includes(value)) {
					report(`${label(path)} must be one of ${s.enum.join(', ')}.`);
				} else if (s.minimum !== undefined && value < s.minimum) {
					report(`${label(path)} must be at least ${s.minimum}.`);
				}
				return;
			}
			case 'boolean':
				if (typeof value !== 'boolean') {
					report(`${label(path)} must be true or false.`);
				}
				return;
			default:
				return;
		}
	};
	check(node, schema, '');
	return problems;
}

function validateAlone(n: Node | null, schema: SchemaNode, root: SchemaNode): SchemaProblem[] {
	return validateNode(n, { ...schema, definitions: root.definitions });
}

function describeAnyOf(alternatives: readonly SchemaNode[]): string {
	const kinds = alternatives.map((a) =>
		a.type === 'integer' ? 'a whole number' : a.type === 'string' ? 'text such as "2 MB"' : `a ${a.type}`,
	);
	return `must be ${kinds.join(' or ')}`;
}

function label(path: string): string {
	return path ? `"${path}"` : 'The file';
}

/** A " (did you mean …?)" hint when a close match exists. */
function suggest(word: string, candidates: readonly unknown[]): string {
	let best: string | undefined;
	let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
	for (const candidate of candidates) {
		const c = String(candidate);
		const d = editDistance(word.toLowerCase(), c.toLowerCase());
		if (d < bestDistance) {
			best = c;
			bestDistance = d;
		}
	}
	return best ? ` (did you mean "${best}"?)` : '';
}

/** Levenshtein distance; both words are short keys, so the quadratic table is tiny. */
export function editDistance(a: string, b: string): number {
	const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = previous[0]!;
		previous[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const saved = previous[j]!;
			previous[j] = Math.min(previous[j]! + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			diagonal = saved;
		}
	}
	return previous[b.length]!;
}
