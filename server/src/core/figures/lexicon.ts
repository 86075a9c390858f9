/**
 * The words the figures layer reads: what a figure counts (its measure), who (its population) and
 * which event it belongs to. All lower case. Users add measures with `figures.measures`.
 */

/**
 * Measures by name, each with the words that say it after a figure ("16,000 people were arrested",
 * "31 dead") and the verbs that take a figure as their object ("killing 31", "arrested 6,000 soldiers").
 */
export interface MeasureWords {
	/** Words after the figure (participles, adjectives, nouns): "killed", "dead", "deaths". */
	readonly after: readonly string[];
	/** Words before the figure that count it: "killing", "death toll", "injuring". */
	readonly before: readonly string[];
}

export const MEASURES: Readonly<Record<string, MeasureWords>> = {
	killed: {
		after: ['killed', 'dead', 'died', 'deaths', 'deaths', 'fatalities', 'lives', 'perished', 'slain', 'murdered', 'casualties', 'bodies'],
		before: [
			'killing',
			'killed',
			'kills',
			'kill',
			'death toll',
			'toll',
			'claimed the lives of',
			'shot to death',
			'shot dead',
			'stabbed to death',
			'beaten to death',
		],
	},
	injured: {
		after: ['injured', 'wounded', 'hurt', 'injuries', 'hospitalised', 'hospitalized'],
		before: ['injuring', 'injured', 'injures', 'wounding', 'wounded', 'wounds', 'hurting'],
	},
	arrested: {
		after: ['arrested', 'arrests', 'charged', 'indicted'],
		before: ['arresting', 'arrested', 'arrests', 'charged', 'charging'],
	},
	detained: {
		after: ['detained', 'detentions', 'held', 'in custody', 'rounded up', 'captured'],
		before: ['detaining', 'detained', 'detains', 'captured', 'capturing', 'rounded up'],
	},
	missing: {
		after: ['missing', 'unaccounted'],
		before: [],
	},
	displaced: {
		after: ['displaced', 'evacuated', 'homeless', 'fled', 'rescued', 'moved out', 'relocated'],
		before: ['displacing', 'displaced', 'evacuating', 'evacuated', 'rescuing', 'rescued'],
	},
	sheltered: {
		after: [
			'sheltering',
			'sought shelter',
			'taking shelter',
			'took shelter',
			'taken shelter',
			'seeking shelter',
			'sought refuge',
			'taking refuge',
			'took refuge',
			'taken refuge',
			'seeking refuge',
			'in shelters',
			'in emergency shelters',
		],
		before: ['sheltering', 'shelter to', 'shelters to', 'shelter for', 'refuge to', 'refuge with', 'shelter with'],
	},
	dismissed: {
		after: ['dismissed', 'suspended', 'sacked', 'fired', 'purged', 'removed from', 'expelled'],
		before: ['dismissing', 'dismissed', 'suspending', 'suspended', 'sacking', 'sacked', 'purged', 'expelled'],
	},
	magnitude: {
		after: ['magnitude'],
		before: ['magnitude', 'magnitude of', 'measuring', 'measured'],
	},
};

/** What is fired that is not a person: "rockets fired" counts rockets. */
export const PROJECTILES = new Set([
	'rockets',
	'missiles',
	'shells',
	'mortars',
	'rounds',
	'shots',
	'bullets',
	'grenades',
	'bombs',
	'projectiles',
	'salvos',
	'flares',
]);

/** Nouns a figure can count that are just "people": they do not narrow what is counted. */
export const GENERIC_POPULATIONS = new Set([
	'people',
	'persons',
	'person',
	'individuals',
	'victims',
	'residents',
	'inhabitants',
	'others',
	'more',
	'total',
	'in all',
	'so far',
]);

/** Words between a figure and its measure that change nothing ("have been formally arrested"). */
export const FILLERS = new Set([
	'have',
	'has',
	'had',
	'been',
	'were',
	'was',
	'are',
	'is',
	'be',
	'being',
	'reportedly',
	'reported',
	'formally',
	'officially',
	'now',
	'also',
	'already',
	'so',
	'far',
	'confirmed',
	'known',
	'thought',
	'believed',
	'feared',
	'said',
	'to',
	'people',
	'more',
	'other',
	'others',
	'later',
	'since',
	'been',
	'were',
	'seriously',
	'critically',
	'badly',
	'severely',
	'slightly',
	'fatally',
	'at',
	'least',
	'who',
]);

/**
 * Event nouns by the kind of event they name. A figure is compared only with figures of the same kind
 * of event (the coup's arrests, not the air strikes' dead).
 */
export const EVENTS: Readonly<Record<string, string>> = {
	coup: 'coup',
	putsch: 'coup',
	uprising: 'coup',
	quake: 'quake',
	earthquake: 'quake',
	earthquakes: 'quake',
	tremor: 'quake',
	temblor: 'quake',
	aftershock: 'aftershock',
	aftershocks: 'aftershock',
	attack: 'attack',
	attacks: 'attack',
	bombing: 'attack',
	bombings: 'attack',
	blast: 'attack',
	explosion: 'attack',
	explosions: 'attack',
	suicide: 'attack',
	strike: 'strike',
	strikes: 'strike',
	airstrike: 'strike',
	airstrikes: 'strike',
	'air strike': 'strike',
	'air strikes': 'strike',
	raid: 'strike',
	bombardment: 'strike',
	assault: 'attack',
	onslaught: 'war',
	raids: 'strike',
	shelling: 'strike',
	shooting: 'attack',
	shootings: 'attack',
	gunman: 'attack',
	gunfire: 'attack',
	rampage: 'attack',
	massacre: 'attack',
	fire: 'fire',
	blaze: 'fire',
	fires: 'fire',
	wildfire: 'fire',
	crash: 'crash',
	collision: 'crash',
	derailment: 'crash',
	flood: 'flood',
	floods: 'flood',
	floodwater: 'flood',
	dam: 'flood',
	flooding: 'flood',
	storm: 'storm',
	hurricane: 'storm',
	typhoon: 'storm',
	cyclone: 'storm',
	tornado: 'storm',
	riot: 'unrest',
	riots: 'unrest',
	protest: 'unrest',
	protests: 'unrest',
	clashes: 'unrest',
	unrest: 'unrest',
	heist: 'robbery',
	robbery: 'robbery',
	theft: 'robbery',
	burglary: 'robbery',
	piracy: 'piracy',
	pirates: 'piracy',
	hijacking: 'piracy',
	war: 'war',
	fighting: 'war',
	offensive: 'war',
	battle: 'war',
	epidemic: 'epidemic',
	outbreak: 'epidemic',
};
