import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Corpus, resolveOptions } from '../../src/core';
import { findEventDates, formatEventDate, publicationDay, resolveEventDate } from '../../src/core/figures/eventDates';
import { analyseStructure } from '../../src/core/text/structure';
import { lines, repoRoot } from '../helpers';

function eventDates(body: string, headline = 'Dam fails above Marrow'): [string, string][] {
	const text = lines(headline, '', body);
	return findEventDates(text, analyseStructure(text)).map((d) => [d.text, `${d.minutes[0]}-${d.minutes[1]}`]);
}

function article(published: string | undefined, body: string): string {
	return [...(published ? ['---', `published: ${published}`, '---'] : []), 'Dam fails above Marrow', '', body, ''].join('\n');
}

void describe('event dates', () => {
	void it('finds the date next to a word saying the event happened, with the time of day', () => {
		assert.deepEqual(eventDates('The dam collapsed shortly before midnight on Tuesday, officials said on Wednesday.'), [
			['shortly before midnight on Tuesday', '1350-1440'],
		]);
		assert.deepEqual(eventDates('The dam gave way at about 11:40 p.m. on Tuesday after heavy rain.'), [
			['at about 11:40 p.m. on Tuesday', '1390-1450'],
		]);
		assert.deepEqual(eventDates('The dam burst at 02:15 on Wednesday, March 5.'), [['at 02:15 on Wednesday, March 5', '125-145']]);
		assert.deepEqual(eventDates('Dozens died after the failure of the dam on the night of March 4.'), [['night of March 4', '1080-1800']]);
		assert.deepEqual(eventDates('The dam gave way late on Tuesday.'), [['late on Tuesday', '960-1440']]);
		assert.deepEqual(eventDates('The water came down the valley on Tuesday night.'), [['Tuesday night', '1080-1800']]);
	});

	void it('leaves out when something was said, spans, what is yet to happen and other events', () => {
		assert.deepEqual(eventDates('The ministry confirmed on Thursday that the dam had collapsed.'), []);
		assert.deepEqual(eventDates('The city’s health department on Thursday confirmed 31 dead.'), []);
		assert.deepEqual(eventDates('Police have detained 46 people since Wednesday.'), []);
		assert.deepEqual(eventDates('A memorial will be opened on Friday morning.'), []);
		assert.deepEqual(eventDates('Rescuers worked through the night on Wednesday.'), []);
		// A sentence about another kind of event than the article's.
		assert.deepEqual(eventDates('An earthquake struck the region on Monday, March 3.'), []);
	});

	void it('resolves weekdays against the publication day: the latest such day on or before it', () => {
		const published = publicationDay('2025-03-05T07:15:00+01:00'); // a Wednesday
		const text = lines('Dam fails', '', 'The dam collapsed on Tuesday. The dam collapsed on Wednesday. The dam collapsed last Wednesday.');
		const [tuesday, wednesday, lastWednesday] = findEventDates(text, analyseStructure(text)).map((d) => resolveEventDate(d, published));
		assert.equal(formatEventDate(tuesday!), 'Tue 4 Mar 2025');
		assert.equal(formatEventDate(wednesday!), 'Wed 5 Mar 2025');
		assert.equal(formatEventDate(lastWednesday!), 'Wed 26 Feb 2025');
		// Without a publication time a weekday cannot be placed; a date with a year can.
		assert.equal(resolveEventDate(findEventDates(text, analyseStructure(text))[0]!, undefined), undefined);
		const dated = lines('Dam fails', '', 'The dam collapsed on March 4, 2025.');
		assert.equal(formatEventDate(resolveEventDate(findEventDates(dated, analyseStructure(dated))[0]!, undefined)!), 'Tue 4 Mar 2025');
		// "December 30" in a January paper is last year's.
		const december = lines('Dam fails', '', 'The dam collapsed on December 30.');
		assert.equal(
			formatEventDate(resolveEventDate(findEventDates(december, analyseStructure(december))[0]!, publicationDay('2025-01-02'))!),
			'Mon 30 Dec 2024',
		);
	});

	void it('formats a night that runs into the next day', () => {
		const base = Date.UTC(2025, 2, 4) / 60_000;
		assert.equal(
			formatEventDate({ min: base + 1080, max: base + 1800, minInclusive: true, maxInclusive: true }),
			'Tue 4 Mar 2025, 18:00–06:00 the next day',
		);
		assert.equal(
			formatEventDate({ min: base + 1350, max: base + 1440, minInclusive: true, maxInclusive: true }),
			'Tue 4 Mar 2025, 22:30–24:00',
		);
	});
});

void describe('date-conflict', () => {
	function corpusOf(docs: Record<string, string>): Corpus {
		const corpus = new Corpus(resolveOptions({ recogniseEntities: false }));
		for (const [p, text] of Object.entries(docs)) {
			corpus.update(p, text, 1, p);
		}
		return corpus;
	}

	void it('flags the same event dated in ways that cannot both be true, linked, and accepts ones that can', () => {
		const corpus = corpusOf({
			'm/a.txt': article('2025-03-05', 'The dam collapsed shortly before midnight on Tuesday.'),
			'm/b.txt': article('2025-03-07', 'The dam burst at about 2 a.m. on Wednesday, March 5.'),
			'm/c.txt': article('2025-03-06', 'The water came down the valley on Tuesday night.'),
		});
		const found = (id: string) => corpus.findings(id).filter((f) => f.ruleId === 'date-conflict');
		const [a] = found('m/a.txt');
		assert.equal(a?.severity, 'warning');
		assert.equal(
			a?.message,
			'Date conflict (the flood): "shortly before midnight on Tuesday" (Tue 4 Mar 2025, 22:30–24:00) here cannot match "at about 2 a.m. on Wednesday, March 5" (b.txt) elsewhere.',
		);
		assert.deepEqual(
			a?.related?.map((r) => [r.docId, r.message]),
			[['m/b.txt', 'b.txt: "at about 2 a.m. on Wednesday, March 5" (Wed 5 Mar 2025, 01:30–02:30)']],
		);
		// "Tuesday night" runs into the early hours of Wednesday: both other reports can be true with it.
		assert.deepEqual(found('m/c.txt'), []);
		assert.equal(found('m/b.txt').length, 1);
		// Incremental: removing the other article clears the finding.
		corpus.remove('m/b.txt');
		assert.deepEqual(found('m/a.txt'), []);
	});

	void it('needs a publication time to place a weekday, and compares within a cluster only', () => {
		const corpus = corpusOf({
			'm/a.txt': article(undefined, 'The dam collapsed on Tuesday.'),
			'm/b.txt': article('2025-03-07', 'The dam collapsed on Thursday.'),
			'other/c.txt': article('2025-03-07', 'The dam collapsed on Monday.'),
		});
		assert.deepEqual(
			['m/a.txt', 'm/b.txt', 'other/c.txt'].flatMap((id) => corpus.findings(id).filter((f) => f.ruleId === 'date-conflict')),
			[],
		);
	});

	void it('flags the planted date conflict of the demo corpus (samples/README.md D2 against D1)', () => {
		const dir = path.join(repoRoot, 'samples');
		const config = readFileSync(path.join(dir, 'crosscheck.yaml'), 'utf8');
		const corpus = new Corpus(resolveOptions({ recogniseEntities: false }), {
			'northgate-wire.txt': { published: /northgate-wire\.txt:\s*\n\s*outlet: .*\n\s*published: (\S+)/.exec(config)![1]! },
			'riverbend-dispatch.txt': { published: /riverbend-dispatch\.txt:\s*\n\s*outlet: .*\n\s*published: (\S+)/.exec(config)![1]! },
		});
		const texts = new Map<string, string>();
		for (const name of readdirSync(dir).filter((f) => /\.(txt|news)$/.test(f))) {
			const text = readFileSync(path.join(dir, name), 'utf8');
			texts.set(name, text);
			corpus.update(name, text, 1, name);
		}
		const flagged = [...texts.keys()]
			.flatMap((name) =>
				corpus
					.findings(name)
					.filter((f) => f.ruleId === 'date-conflict')
					.map((f) => `${name}: ${texts.get(name)!.slice(f.start, f.end)}`),
			)
			.sort();
		assert.deepEqual(flagged, [
			'harbour-ledger.txt: late on Tuesday',
			'meridian-evening-post.news: at about 2 a.m. on Wednesday, March 5',
			'northgate-wire.txt: at about 11:40 p.m. on Tuesday',
			'northgate-wire.txt: shortly before midnight on Tuesday',
		]);
	});
});
