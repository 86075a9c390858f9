/** Whether two words are one letter added, dropped or changed apart (or equal). Linear in their length. */
export function oneEditApart(a: string, b: string): boolean {
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
	if (long.length - short.length > 1) {
		return false;
	}
	let i = 0;
	while (i < short.length && short[i] === long[i]) {
		i++;
	}
	// Past the first difference, the rest must match with the longer word's letter skipped, or with both skipped.
	return long.length > short.length ? short.slice(i) === long.slice(i + 1) : short.slice(i + 1) === long.slice(i + 1);
}
