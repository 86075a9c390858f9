/** A zero-based line and UTF-16 column, as in the LSP. */
export interface Position {
	readonly line: number;
	readonly character: number;
}

/**
 * Converts between offsets and line/column positions. Line breaks are `\n`, `\r\n` and a lone `\r`,
 * exactly as the LSP counts them, so the CLI and the editor agree on every position.
 */
export class LineIndex {
	private readonly starts: number[];

	constructor(private readonly text: string) {
		const starts = [0];
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c === 13 /* \r */) {
				if (text.charCodeAt(i + 1) === 10) {
					i++;
				}
				starts.push(i + 1);
			} else if (c === 10 /* \n */) {
				starts.push(i + 1);
			}
		}
		this.starts = starts;
	}

	/** The number of lines (at least one). */
	get lineCount(): number {
		return this.starts.length;
	}

	/** The position of an offset; offsets outside the text are clamped to it. */
	positionAt(offset: number): Position {
		const clamped = Math.max(0, Math.min(offset, this.text.length));
		let low = 0;
		let high = this.starts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (this.starts[mid]! <= clamped) {
				low = mid;
			} else {
				high = mid - 1;
			}
		}
		return { line: low, character: clamped - this.starts[low]! };
	}

	/** The offset of a position; positions past a line's end are clamped to the line's end. */
	offsetAt(position: Position): number {
		if (position.line < 0) {
			return 0;
		}
		if (position.line >= this.starts.length) {
			return this.text.length;
		}
		const start = this.starts[position.line]!;
		const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1]! : this.text.length;
		let lineEnd = next;
		while (lineEnd > start && (this.text.charCodeAt(lineEnd - 1) === 10 || this.text.charCodeAt(lineEnd - 1) === 13)) {
			lineEnd--;
		}
		return Math.min(start + Math.max(0, position.character), lineEnd);
	}
}
