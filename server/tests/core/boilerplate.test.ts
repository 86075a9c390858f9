import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boilerplateReason } from '../../src/core/text/boilerplate';

void describe('boilerplateReason', () => {
	const debris: [string, string][] = [
		['Advertisement', 'advertising'],
		['ADVERTISEMENT', 'advertising'],
		['Share', 'sharing'],
		['Share on Facebook', 'sharing'],
		['Leave a Reply', 'sharing'],
		['Skip to main content', 'navigation'],
		['Jump directly to the content', 'navigation'],
		['Your email address will not be published. Required fields are marked *', 'comment-form'],
		['Sign up for our evening briefing', 'newsletter'],
		['Get the latest headlines in your inbox every morning', 'newsletter'],
		['© 2024 The Fenwick Post. All rights reserved.', 'copyright'],
		['Copyright 2023 Lowmarsh Media Group', 'copyright'],
		['Photo: Tomas Verl/Fenwick Post', 'photo-credit'],
		['Ada Brennock—AFP', 'photo-credit'],
		['Harbour crowds at dawn / Reuters', 'photo-credit'],
		['Minister Ilse Varn ©FP', 'photo-credit'],
		['Last Updated : GMT 06:49:16', 'timestamp'],
		['Updated: March 5, 2025 14:02 CET', 'timestamp'],
		['GMT 15:46 2018 Wednesday ,12 December', 'timestamp'],
		['By Jana Kettering', 'byline'],
		['Reporting by Oli Brand; Editing by Sam Ruel', 'byline'],
		['Source: Fenwick Wire', 'source-line'],
		['Read more: Ferry services resume after storm', 'teaser'],
		['Related: What we know about the bridge', 'teaser'],
		['Tags: bridges, Lowmarsh, infrastructure', 'tags'],
		['4', 'counter'],
		['12 comments', 'counter'],
		['https://example.org/story/123', 'link'],
		['We use cookies to improve your experience.', 'cookie-notice'],
		['Follow us on social media', 'sharing'],
	];
	for (const [line, reason] of debris) {
		void it(`marks ${JSON.stringify(line)} as ${reason}`, () => {
			assert.equal(boilerplateReason(line), reason);
		});
	}

	const body = [
		'By Thursday, the toll had risen to 31.',
		'Share prices fell sharply after the announcement.',
		'The advertisement campaign cost the council 40,000 euros.',
		'Officials said the photo was taken on Monday.',
		'Comments made by the minister drew criticism from the opposition.',
		'The newsletter, published weekly by the council, first reported the cracks last year.',
		'She said 4 people were still missing.',
	];
	for (const line of body) {
		void it(`keeps ${JSON.stringify(line)} as text`, () => {
			assert.equal(boilerplateReason(line), undefined);
		});
	}

	void it('recognises a bare site-name line from the article metadata', () => {
		assert.equal(boilerplateReason('The Fenwick Post', 'The Fenwick Post'), 'site-name');
		assert.equal(boilerplateReason('Fenwick Post', 'The Fenwick Post'), 'site-name');
		assert.equal(boilerplateReason('The Fenwick Post reported the cracks first.', 'The Fenwick Post'), undefined);
	});
});

void describe('boilerplateReason on dates', () => {
	for (const line of ['March 14, 2013 at 11:51 AM', 'May 03, 2013', 'March 14th, 2013', '9 September 2013 at 10.15']) {
		void it(`marks ${JSON.stringify(line)} as a time stamp`, () => {
			assert.equal(boilerplateReason(line), 'timestamp');
		});
	}
});
