/**
 * Recognises web-page debris in crawled articles: navigation, advertising, sharing widgets, comment
 * forms, newsletter prompts, copyright lines, photo credits, counters and the like. It works on one
 * trimmed line at a time, plus repetition within the article (see {@link classifyLines}).
 */

/** Why a line counts as boilerplate. Part of the CLI's `--explain` output. */
export type BoilerplateReason =
	| 'navigation'
	| 'advertising'
	| 'sharing'
	| 'comment-form'
	| 'newsletter'
	| 'copyright'
	| 'photo-credit'
	| 'timestamp'
	| 'byline'
	| 'source-line'
	| 'teaser'
	| 'tags'
	| 'counter'
	| 'link'
	| 'script'
	| 'cookie-notice'
	| 'site-name'
	| 'repeated';

const EXACT: ReadonlyMap<string, BoilerplateReason> = new Map<string, BoilerplateReason>([
	...words('navigation', [
		'skip to main content',
		'skip to content',
		'skip to navigation',
		'skip navigation',
		'jump to content',
		'jump directly to the content',
		'jump to navigation',
		'menu',
		'main menu',
		'search',
		'home',
		'close',
		'loading',
		'back to top',
		'next article',
		'previous article',
		'next',
		'previous',
		'log in',
		'login',
		'sign in',
		'register',
		'subscribe',
		'contact us',
		'about us',
		'privacy policy',
		'terms of use',
		'terms and conditions',
		'sections',
		'more',
		'toggle navigation',
		'open menu',
		'close menu',
		'accept',
		'continue reading',
		'show more',
		'load more',
	]),
	...words('advertising', [
		'advertisement',
		'advertisements',
		'advert',
		'ad',
		'ads',
		'sponsored',
		'sponsored content',
		'promoted',
		'paid content',
		'partner content',
	]),
	...words('sharing', [
		'share',
		'shares',
		'share this',
		'share this article',
		'share this story',
		'share on facebook',
		'share on twitter',
		'share via email',
		'tweet',
		'email',
		'e-mail',
		'print',
		'facebook',
		'twitter',
		'x',
		'linkedin',
		'pinterest',
		'reddit',
		'whatsapp',
		'messenger',
		'telegram',
		'copy link',
		'copy url',
		'comments',
		'comment',
		'view comments',
		'leave a reply',
		'leave a comment',
		'post a comment',
		'listen',
		'listen to this article',
		'save',
		'bookmark',
		'gift this article',
		'follow',
		'like',
	]),
	...words('teaser', [
		'read more',
		'read next',
		'related',
		'related articles',
		'related stories',
		'related news',
		'related content',
		'recommended',
		'recommended for you',
		'most read',
		'most popular',
		'trending',
		'trending now',
		'you may also like',
		'more from this section',
		'more stories',
		'top stories',
		'latest news',
		"editor's picks",
		'watch',
		'video',
		'videos',
		'photo',
		'photos',
		'image',
		'gallery',
		'view gallery',
		'open gallery',
		'see also',
		'also read',
	]),
	...words('tags', ['tags', 'topics', 'tag', 'topic', 'categories', 'filed under']),
	...words('comment-form', ['name', 'name *', 'email *', 'website', 'post comment', 'submit', 'cancel reply']),
]);

function words(reason: BoilerplateReason, list: readonly string[]): [string, BoilerplateReason][] {
	return list.map((w) => [w, reason]);
}

/** Lines longer than this (in UTF-16 units) are never checked against the debris patterns but `script`. */
const LONG_LINE = 500;
const SCRIPT = /^(\(function\b|function\s*\(|var\s+\w+\s*=|window\.|document\.|<\/?[a-z]+[\s>])/;

/** Patterns on the lower-cased, trimmed line; each applies only to lines of at most `maxWords` words. */
const PATTERNS: readonly { re: RegExp; reason: BoilerplateReason; maxWords: number }[] = [
	{ re: /^(©|\(c\)\s|copyright\b)|all rights reserved|\bno part of this (article|publication)/, reason: 'copyright', maxWords: 40 },
	{
		re: /your email address will not be published|required fields are marked|save my name, email|you must be logged in to post/,
		reason: 'comment-form',
		maxWords: 40,
	},
	{
		re: /^(sign up|subscribe|join|get our|get the latest|stay informed|never miss)\b|\bin your inbox\b/,
		reason: 'newsletter',
		maxWords: 30,
	},
	{ re: /\bnewsletters?\b/, reason: 'newsletter', maxWords: 8 },
	{ re: /we use cookies|(web)?site uses cookies|cookie (policy|settings|preferences)/, reason: 'cookie-notice', maxWords: 60 },
	{
		re: /^(read more|read also|also read|related|see also|more on this( story)?|watch|listen|recommended|more|latest|trending|most read)\s*[:|»›>–—-]/,
		reason: 'teaser',
		maxWords: 30,
	},
	{
		re: /^(posted|published|updated|last updated|last modified|first published|date)(\s+(on|at))?\s*:?\s*.*\d/,
		reason: 'timestamp',
		maxWords: 14,
	},
	{
		re: /^\d{1,2}:\d{2}(\s*(am|pm))?\b|^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+\d{1,2}\s+[a-z]+\s+\d{4}$|^[a-z]+\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}(,?\s+(at\s+)?\d{1,2}[:.]\d{2}.*)?$|^\d{1,2}\s+[a-z]+\s+\d{4}(\s+(at\s+)?\d{1,2}[:.]\d{2}.*)?$/,
		reason: 'timestamp',
		maxWords: 10,
	},
	{ re: /^(source|sources|via)\s*:/, reason: 'source-line', maxWords: 8 },
	{ re: /^(tags?|topics?|filed under|categories|category)\s*:/, reason: 'tags', maxWords: 40 },
	{
		re: /^(photo|photos|image|picture|pictures|photograph|credit|photo credit|image credit|video|graphic)\s*(:|by\b)/,
		reason: 'photo-credit',
		maxWords: 16,
	},
	{
		re: /((^|\s)-|—|–|\/|\|)\s*(afp|reuters|ap|associated press|getty images|getty|epa|anadolu|xinhua|efe|dpa|shutterstock|alamy|pa|ap photo)( via getty images)?\s*$/,
		reason: 'photo-credit',
		maxWords: 10,
	},
	{ re: /^(gmt|utc)\s*\d{1,2}:\d{2}\b|^\d{1,2}:\d{2}\s*(gmt|utc)\b/, reason: 'timestamp', maxWords: 10 },
	{ re: /©/, reason: 'photo-credit', maxWords: 14 },
	{ re: /^\(?(afp|reuters|ap|getty images|epa)( photo)?\)?$/, reason: 'photo-credit', maxWords: 3 },
	{
		re: /^[\d.,]+\s*[km]?$|^\d+\s*(comments?|shares?|views?|likes?|replies|reactions?|min read|minutes? read)$|^\d+\s*\/\s*\d+$/,
		reason: 'counter',
		maxWords: 4,
	},
	{ re: /^(https?:\/\/|www\.)\S+$/, reason: 'link', maxWords: 1 },
	{
		re: /^(\(function\b|function\s*\(|var\s+\w+\s*=|window\.|document\.|<\/?[a-z]+[\s>])|\{\s*"[\w-]+"\s*:/,
		reason: 'script',
		maxWords: 400,
	},
	{
		re: /^(click here|follow us|like us on|download (our|the) app|get the app|open in app|install (our|the) app)\b/,
		reason: 'sharing',
		maxWords: 20,
	},
];

/**
 * A byline: "By Jane Doe", "Reporting by Jane Doe and John Roe; Editing by …". The name must be
 * capitalised and the line must not end like a sentence, so "By Thursday, the toll had risen." is body.
 */
const BYLINE =
	/^(By|BY|Written by|Reporting by|Additional reporting by|Editing by|Compiled by|Edited by)\s+\p{Lu}[\p{L}'’.\-]*(\s+\p{Lu}[\p{L}'’.\-]*){0,3}(\s*(,|;|and|&|\||—|–|-|in)\s*[^.!?]*)?$/u;

/** Normalises a line for comparison: lower case, collapsed white space, no leading bullets or trailing arrows. */
export function normaliseLine(line: string): string {
	return line
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.replace(/^[\s•·|>»›*–—-]+/, '')
		.replace(/[\s:|»›>…]+$/, '')
		.trim();
}

/** Counts white-space separated words. */
export function countWords(line: string): number {
	let count = 0;
	let inWord = false;
	for (let i = 0; i < line.length; i++) {
		const space = line.charCodeAt(i) <= 32 || line.charCodeAt(i) === 0xa0;
		if (!space && !inWord) {
			count++;
		}
		inWord = !space;
	}
	return count;
}

/**
 * Classifies one trimmed line on its own. Returns the reason when it is debris, else `undefined`.
 * `outlet` (from the article's metadata) lets a bare site-name line be recognised.
 */
export function boilerplateReason(line: string, outlet?: string): BoilerplateReason | undefined {
	// Debris is short; a long line can only be leftover page code, which shows at its start. Skipping the
	// normalisation of long lines keeps the layout pass fast on real articles.
	if (line.length > LONG_LINE) {
		return SCRIPT.test(line.trimStart().slice(0, 40).toLowerCase()) ? 'script' : undefined;
	}
	const normal = normaliseLine(line);
	if (normal.length === 0) {
		// A line of only symbols ("***", "|") is a separator.
		return 'navigation';
	}
	const exact = EXACT.get(normal);
	if (exact) {
		return exact;
	}
	const wordCount = countWords(normal);
	for (const { re, reason, maxWords } of PATTERNS) {
		if (wordCount <= maxWords && re.test(normal)) {
			return reason;
		}
	}
	if (wordCount <= 12 && BYLINE.test(line.trim())) {
		return 'byline';
	}
	if (outlet && wordCount <= 6) {
		const site = normaliseLine(outlet);
		if (site.length > 0 && (normal === site || normal.replace(/^the /, '') === site.replace(/^the /, ''))) {
			return 'site-name';
		}
	}
	return undefined;
}
