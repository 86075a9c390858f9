/**
 * Gender cues a news article gives about the people it names, used only to keep "she" from resolving
 * to a man and "he" to a woman: titles ("Mrs", "Sir"), gendered roles next to the name ("actress",
 * "spokeswoman", "her husband"), and common first names. A name with no cue is unknown, never guessed.
 */

export type Gender = 'female' | 'male';

/** Common first names, lower case, that are (almost) always given to women. */
const FEMALE_NAMES = new Set(
	(
		'mary anne patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley ' +
		'kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen ' +
		'amy shirley helen anna brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn ' +
		'janet ruth maria heather diane virginia julie joyce victoria olivia christina lauren joan evelyn judith megan ' +
		'cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara alice doris abigail ' +
		'julia judy grace denise amber marilyn beverly danielle sophia marie diana brittany natalie isabella charlotte ' +
		'rose alexis kayla lindsay yvonne jane paula sylvia irene louise eleanor ella chloe lucy mia ' +
		'sophie ava amelia jessie agnes edith ingrid astrid sigrid elena natalia svetlana olga tatiana irina fatima aisha ' +
		'leila layla mariam maryam miriam esther naomi rania yasmin zainab priya sunita anita lakshmi ' +
		'hillary kamala angela theresa nicola ursula giorgia jacinda sanna annalena kirsty kate katie ' +
		'britney beyonce madonna oprah rihanna adele whitney'
	).split(/\s+/),
);

/** Common first names, lower case, that are (almost) always given to men. */
const MALE_NAMES = new Set(
	(
		'james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald ' +
		'steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas ' +
		'eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis ' +
		'jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger ' +
		'gerald harold sean austin carl arthur lawrence dylan bryan billy joe bruce gabriel logan albert ' +
		'willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis harry oliver charlie ' +
		'alfred dominic dominick vincenzo giuseppe giovanni luigi marco luca francesco antonio carlos luis miguel pedro pablo ' +
		'jorge diego hans klaus jurgen stefan wolfgang pierre jean-pierre jacques francois emmanuel nicolas vladimir dmitry ' +
		'sergei sergey ivan igor mikhail boris alexei recep mevlut ahmet mehmet mustafa ali mohammed muhammad mohamed ahmed ' +
		'omar hassan hussein ibrahim yusuf abdullah khalid hamid hamad rashid bashar hosni binyamin yitzhak moshe ' +
		'shimon ehud narendra rahul raj barack bill warren brent rulon ' +
		'vinny vinnie sal salvatore carmine benny tony frankie johnny mike jim tom bob dave steve rob ben dan matt nick'
	).split(/\s+/),
);

const FEMALE_TITLES = /^(?:mrs|ms|miss|madam|madame|mme|lady|dame|queen|princess|duchess|countess|sister|mother|baroness|empress)$/;
const MALE_TITLES = /^(?:mr|sir|lord|king|prince|duke|baron|brother|father|emperor|sheikh|monsieur|herr)$/;

/** Role words that tell a woman or a man: "actress Ana Lind", "Ana Lind, a mother of two". */
const FEMALE_ROLES =
	/^(?:actress|spokeswoman|chairwoman|congresswoman|businesswoman|policewoman|councilwoman|sportswoman|woman|girl|mother|mom|mum|wife|widow|daughter|sister|aunt|grandmother|grandma|niece|girlfriend|bride|waitress|heiress|hostess|stewardess|princess|queen|duchess|lady|granddaughter|stepmother|stepdaughter)$/;
const MALE_ROLES =
	/^(?:actor|spokesman|chairman|congressman|businessman|policeman|councilman|sportsman|fireman|man|boy|father|dad|husband|widower|son|brother|uncle|grandfather|grandpa|nephew|boyfriend|groom|waiter|heir|host|steward|prince|king|duke|lord|gentleman|grandson|stepfather|stepson)$/;

/** The gender a title or role word gives, if any. */
export function genderOfWord(word: string): Gender | undefined {
	const w = word.toLowerCase().replace(/[.,]$/, '');
	if (FEMALE_TITLES.test(w) || FEMALE_ROLES.test(w)) {
		return 'female';
	}
	if (MALE_TITLES.test(w) || MALE_ROLES.test(w)) {
		return 'male';
	}
	return undefined;
}

/** The gender a first name gives, if it is a common name given almost only to one. */
export function genderOfFirstName(word: string): Gender | undefined {
	const w = word.toLowerCase();
	return FEMALE_NAMES.has(w) ? 'female' : MALE_NAMES.has(w) ? 'male' : undefined;
}

/**
 * The gender the article gives a person named at `[start, end)`: a title or role word within the name or
 * right before it ("Mrs Lind", "actress Ana Lind", "her husband, Per Lind"), a gendered appositive right
 * after it ("Ana Lind, a mother of two"), else the first name.
 */
export function genderAt(text: string, start: number, end: number): Gender | undefined {
	const name = text.slice(start, end);
	const words = name.split(/\s+/).filter((w) => w !== '');
	for (const w of words.slice(0, -1)) {
		const g = genderOfWord(w);
		if (g) {
			return g;
		}
	}
	const before = /([\p{L}]+)[.,]?\s+$/u.exec(text.slice(Math.max(0, start - 24), start));
	if (before) {
		const g = genderOfWord(before[1]!);
		if (g) {
			return g;
		}
	}
	const after = /^,\s+(?:a|an|the|his|her|their)\s+(?:[\p{L}\p{N}-]+\s+){0,2}?([\p{L}]+)\b/u.exec(text.slice(end, end + 48));
	if (after) {
		const g = genderOfWord(after[1]!);
		if (g) {
			return g;
		}
	}
	// The first word that is a common first name; a surname ("Henry", "Thomas") does not count.
	const given = words.length > 1 ? words.slice(0, -1) : words;
	for (const w of given) {
		const g = /^\p{Lu}\p{Ll}/u.test(w) ? genderOfFirstName(w.replace(/[’']s$/, '')) : undefined;
		if (g) {
			return g;
		}
	}
	return undefined;
}
