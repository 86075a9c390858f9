import { isMap, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';

/**
 * Adds `alias` to the alias group of `name` under `entities.aliases` in the text of crosscheck.yaml,
 * creating the sections it needs and keeping everything else (comments included) as written. Returns
 * the new text; the same text when the alias is already declared; `undefined` when the file does not
 * parse or its sections are not maps and lists, so it must be left for the user to fix.
 */
export function addAliasToConfig(yamlText: string, name: string, alias: string): string | undefined {
	const text = yamlText.charCodeAt(0) === 0xfeff ? ' ' + yamlText.slice(1) : yamlText;
	// A file with only comments gets an empty map to add to; its comments stay above it.
	const doc = parseDocument(parseDocument(text).contents === null ? text.trimEnd() + (text.trim() ? '\n' : '') + '{}\n' : text, {
		uniqueKeys: true,
	});
	if (doc.errors.length > 0) {
		return undefined;
	}
	const root = doc.contents;
	if (!isMap(root)) {
		return undefined;
	}
	root.flow = false;
	const section = (parent: YAMLMap, key: string): YAMLMap | undefined => {
		const found = parent.get(key, true);
		if (found === undefined || found === null) {
			const made = new YAMLMap();
			parent.set(key, made);
			return made;
		}
		return isMap(found) ? found : undefined;
	};
	const aliases = section(root, 'entities') && section(section(root, 'entities')!, 'aliases');
	if (!aliases) {
		return undefined;
	}
	for (const pair of aliases.items) {
		const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
		const values = isSeq(pair.value) ? pair.value.items.map((i) => String((i as { value?: unknown }).value ?? i)) : [];
		if ((key === name && values.includes(alias)) || (key === alias && values.includes(name))) {
			return yamlText;
		}
	}
	const existing = aliases.get(name, true);
	if (existing === undefined || existing === null) {
		const list = new YAMLSeq();
		list.items.push(doc.createNode(alias));
		aliases.set(name, list);
	} else if (isSeq(existing)) {
		existing.items.push(doc.createNode(alias));
	} else {
		return undefined;
	}
	return doc.toString({ lineWidth: 0 });
}
