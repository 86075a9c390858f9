import type { EntityMention, EntityType, NameCandidate } from '../entities/recognise';
import type { Span } from '../types';
import { oneEditApart } from '../text/edits';
import { deletions, KeyIndex } from './keyIndex';

/** A mention as the corpus sees it: linked to its corpus-wide entity. */
export interface LinkedMention extends EntityMention {
	/** The corpus-wide entity id (a name key; dates and figures keep their own key). */
	readonly entity: string;
	/** True when the mention was found only because the name is recognised elsewhere in the corpus. */
	readonly propagated?: boolean;
}

/** A mention's place in the corpus. */
export interface MentionLocation extends Span {
	readonly docId: string;
	readonly text: string;
}

/** What the corpus knows of one entity. */
export interface EntitySummary {
	readonly id: string;
	readonly type: EntityType;
	/** The display name: the most frequent form, the longest on a tie. */
	readonly name: string;
	/** Every form seen (titles dropped), with how often. */
	readonly aliases: readonly { readonly text: string; readonly count: number }[];
	/** Mentions per document, in document order. */
	readonly documents: readonly { readonly docId: string; readonly count: number; readonly first: Span }[];
	readonly mentionCount: number;
}

interface DocEntry {
	readonly mentions: readonly EntityMention[];
	readonly candidates: readonly NameCandidate[];
	/** The cluster of articles on one story the document belongs to. */
	readonly cluster: string;
}

const NAME_TYPES = new Set<EntityType>(['person', 'organization', 'place', 'other']);
/** Recogniser confidence at which a name is trusted enough to be propagated to other articles. */
const CONFIDENT = 0.8;
/** Words shorter than this are never taken for a misspelling of another: short names differ by a letter too often ("Bush"/"Rush"). */
const MIN_MISSPELT = 5;

/**
 * The corpus entity registry: links mentions of one entity across articles and answers which
 * articles mention it. Every structure is an index keyed by name (hash joins), maintained per document,
 * so updating one article costs time in proportion to that article, never to the corpus.
 *
 * Linking across articles: mentions with the same key are one entity; a one-word person key ("cavusoglu")
 * joins the one full person name in the corpus that ends with it ("mevlut cavusoglu"), if there is
 * exactly one. A name no article is sure of, one letter from a name recognised with confidence, is a
 * misspelling of it ("Fetullah Gulen" / "Fethullah Gulen"; the person word "Gulden" / the surname of
 * "Fethullah Gulen"), found through indexes of name slots and letter deletions, never by comparing every
 * pair. Propagation: a capitalised word run that no recogniser tagged becomes a mention when the same
 * name is recognised with confidence in some article.
 */
export class EntityRegistry {
	private readonly docs = new Map<string, DocEntry>();
	/** key → docId → number of mentions. */
	private readonly keyDocs = new Map<string, Map<string, number>>();
	/** key → type → count. */
	private readonly keyTypes = new Map<string, Map<EntityType, number>>();
	/** key → type → count of the mentions labelled by hand, whose type outranks the recogniser's. */
	private readonly manualTypes = new Map<string, Map<EntityType, number>>();
	/** key → display form → count. */
	private readonly keyForms = new Map<string, Map<string, number>>();
	/** last word → full person keys ending with it → count. */
	private readonly surnames = new Map<string, Map<string, number>>();
	/** full person key without its initials ("mark felt") → the full person keys that reduce to it → count. */
	private readonly initialGroups = new Map<string, Map<string, number>>();
	/** key → cluster → number of documents of the cluster naming it. */
	private readonly keyClusters = new Map<string, Map<string, number>>();
	/** key → number of confident mentions. */
	private readonly confident = new Map<string, number>();
	/** candidate key → docs holding such a candidate. */
	private readonly candidateDocs = new Map<string, Set<string>>();
	/**
	 * Name slot ("* gulen", "fethullah *": a name key with one long word left open) → the names of two or
	 * more words filed under it. Two names one letter apart in one word share a slot.
	 */
	private readonly slots = new KeyIndex();
	/** One-word key less one letter (or whole) → the one-word person keys and surnames filed under it. */
	private readonly personWords = new KeyIndex();
	/** One-word person key or surname → how many person mentions file it in {@link personWords}. */
	private readonly personWordCounts = new Map<string, number>();
	/** One-word key less one letter (or whole) → the one-word place keys filed under it. */
	private readonly placeWords = new KeyIndex();
	/** One-word place key → how many place mentions file it in {@link placeWords}. */
	private readonly placeWordCounts = new Map<string, number>();

	/**
	 * Replaces a document's mentions. Returns the ids of the other documents whose linked mentions may
	 * have changed (their propagated mentions, surname links or display names); the document itself is
	 * not included.
	 */
	update(docId: string, mentions: readonly EntityMention[], candidates: readonly NameCandidate[], cluster = ''): Set<string> {
		const touched = new Set<string>();
		const before = this.snapshot(docId, mentions);
		this.unindex(docId, touched);
		const entry = { mentions, candidates, cluster };
		this.docs.set(docId, entry);
		this.index(docId, entry, touched);
		return this.affected(docId, touched, before);
	}

	/** Forgets a document; returns the other documents whose linked mentions may have changed. */
	remove(docId: string): Set<string> {
		const touched = new Set<string>();
		const before = this.snapshot(docId, []);
		this.unindex(docId, touched);
		this.docs.delete(docId);
		return this.affected(docId, touched, before);
	}

	/** The mentions of a document, linked, including names propagated from the rest of the corpus. */
	mentions(docId: string): LinkedMention[] {
		const entry = this.docs.get(docId);
		if (!entry) {
			return [];
		}
		const linked: LinkedMention[] = entry.mentions.map((m) => {
			if (!NAME_TYPES.has(m.type)) {
				return { ...m, entity: m.key };
			}
			const entity = this.resolve(m.key, m.type);
			// A surname joined to a full name is that person, whatever this article's recogniser typed it.
			return entity !== m.key && m.source !== 'manual' ? { ...m, entity, type: this.typeOf(entity) } : { ...m, entity };
		});
		// Longer candidates first, so "Ansel Brook" wins over its own "Brook".
		const taken: Span[] = [];
		const byLength = [...entry.candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
		for (const c of byLength) {
			if ((this.confident.get(c.key) ?? 0) > 0 && !taken.some((t) => t.start < c.end && c.start < t.end)) {
				taken.push(c);
				const entity = this.resolve(c.key, this.typeOf(c.key));
				linked.push({
					start: c.start,
					end: c.end,
					type: this.typeOf(entity),
					text: c.text,
					key: c.key,
					name: this.nameOf(entity),
					source: 'model',
					confidence: 0.5,
					entity,
					propagated: true,
				});
			}
		}
		return linked.sort((a, b) => a.start - b.start || a.end - b.end);
	}

	/** The summary of an entity, or `undefined` if no document mentions it. Costs time in its mentions. */
	entity(id: string): EntitySummary | undefined {
		const documents = new Map<string, { count: number; first: Span }>();
		const forms = new Map<string, number>();
		const locations = this.locations(id);
		for (const m of locations) {
			const d = documents.get(m.docId);
			if (d) {
				d.count++;
			} else {
				documents.set(m.docId, { count: 1, first: { start: m.start, end: m.end } });
			}
			forms.set(m.text, (forms.get(m.text) ?? 0) + 1);
		}
		if (locations.length === 0) {
			return undefined;
		}
		return {
			id,
			type: this.typeOf(id),
			name: this.nameOf(id),
			aliases: [...forms].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)),
			documents: [...documents].map(([docId, d]) => ({ docId, ...d })),
			mentionCount: locations.length,
		};
	}

	/** Every mention of an entity across the corpus, documents in id order. */
	locations(id: string): MentionLocation[] {
		const docIds = new Set<string>();
		for (const key of [...this.membersOf(id), ...this.misspellingsOf(id)]) {
			for (const docId of this.keyDocs.get(key)?.keys() ?? []) {
				docIds.add(docId);
			}
			for (const docId of this.candidateDocs.get(key) ?? []) {
				docIds.add(docId);
			}
		}
		const found: MentionLocation[] = [];
		for (const docId of [...docIds].sort()) {
			for (const m of this.mentions(docId)) {
				if (m.entity === id) {
					found.push({ docId, start: m.start, end: m.end, text: m.text });
				}
			}
		}
		return found;
	}

	/** Every named entity of the corpus (persons, organizations, places, other), most mentioned first. */
	names(): { id: string; type: EntityType; name: string; mentions: number; documents: number }[] {
		const counts = new Map<string, { mentions: number; documents: Set<string> }>();
		for (const [key, docs] of this.keyDocs) {
			const type = this.typeOf(key);
			if (!NAME_TYPES.has(type)) {
				continue;
			}
			const id = this.resolve(key, type);
			const entry = counts.get(id) ?? counts.set(id, { mentions: 0, documents: new Set() }).get(id)!;
			for (const [docId, n] of docs) {
				entry.mentions += n;
				entry.documents.add(docId);
			}
		}
		return [...counts]
			.map(([id, c]) => ({ id, type: this.typeOf(id), name: this.nameOf(id), mentions: c.mentions, documents: c.documents.size }))
			.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
	}

	/**
	 * The entity a key belongs to: a lone surname joins the corpus's one full person name ending with it
	 * when some article types it a person, or when no article is sure what it is and the full name is
	 * recognised with confidence ("Gulen", typed an organization without confidence, joins "Fethullah Gulen").
	 */
	private resolve(key: string, type: EntityType): string {
		if (key.includes(' ')) {
			const group = this.groupOf(key);
			return group !== key ? group : (this.misspeltFrom(key) ?? key);
		}
		const name = this.fullNameOf(key);
		if (name === undefined) {
			return this.misspeltFrom(key) ?? key;
		}
		if (type === 'person' || (this.keyTypes.get(key)?.get('person') ?? 0) > 0) {
			return name;
		}
		return (this.confident.get(key) ?? 0) === 0 && (this.confident.get(name) ?? 0) > 0 ? name : key;
	}

	/**
	 * The entity a key is a misspelling of, if it is one: the key is one letter from names of exactly one
	 * entity recognised with confidence, in one word of at least {@link MIN_MISSPELT} letters that starts
	 * with the same letter, and either no article is sure of the key or (for a key of two words or more)
	 * the entity is of another type and named more often ("Fetullah Gulen", once confidently an
	 * organization). A one-word person key must be unsure ("Gulden", typed a person) and no surname of the
	 * corpus; it joins the person whose surname it misspells. A one-word place key joins a place one letter
	 * away named in the same cluster when unsure, or named more often in one of its own articles when sure.
	 */
	private misspeltFrom(key: string): string | undefined {
		const sure = this.confident.get(key) ?? 0;
		let found: string | undefined;
		let ambiguous = false;
		const consider = (entity: string | undefined, checked = false) => {
			if (entity === undefined || !this.isConfidentEntity(entity)) {
				return;
			}
			// A name recognised with confidence is another's misspelling only if the other, of another type, is named more often.
			if (!checked && sure > 0 && (this.typeOf(entity) === this.ownType(key) || this.mentionCount(entity) <= this.mentionCount(key))) {
				return;
			}
			if (found !== undefined && found !== entity) {
				ambiguous = true;
			}
			found = entity;
		};
		if (key.includes(' ')) {
			for (const other of this.slotMates(key)) {
				if ((this.confident.get(other) ?? 0) > 0 && misspelt(key, other)) {
					consider(this.groupOf(other));
				}
			}
		} else if (sure === 0 && (this.keyTypes.get(key)?.get('person') ?? 0) > 0 && !this.surnames.has(key)) {
			// A surname of the corpus's own full names ("Brown") is no misspelling of another ("Browne").
			for (const other of this.wordMates(this.personWords, key)) {
				if (misspelt(key, other)) {
					consider(this.fullNameOf(other) ?? ((this.keyTypes.get(other)?.get('person') ?? 0) > 0 ? other : undefined));
				}
			}
		} else if ((this.keyTypes.get(key)?.get('place') ?? 0) > 0) {
			// A place's name one letter from a place of the same story ("Karavan" / "Karvan" in two reports of
			// one quake), or, however sure, from a place the same article names more often ("Raqaa" / "Raqqa").
			for (const other of this.wordMates(this.placeWords, key)) {
				if (
					misspelt(key, other) &&
					(sure === 0 ? this.shareCluster(key, other) : this.shareDocument(key, other) && this.mentionCount(other) > this.mentionCount(key))
				) {
					consider(this.groupOf(other), true);
				}
			}
		}
		return ambiguous ? undefined : found;
	}

	/** Whether some cluster has articles naming both keys. */
	private shareCluster(a: string, b: string): boolean {
		const others = this.keyClusters.get(b);
		return others !== undefined && [...(this.keyClusters.get(a)?.keys() ?? [])].some((cluster) => others.has(cluster));
	}

	/** Whether some article names both keys. */
	private shareDocument(a: string, b: string): boolean {
		const others = this.keyDocs.get(b);
		return others !== undefined && [...(this.keyDocs.get(a)?.keys() ?? [])].some((doc) => others.has(doc));
	}

	/** Whether some key of an entity (its names, or its surname) is recognised with confidence somewhere. */
	private isConfidentEntity(id: string): boolean {
		return this.membersOf(id).some((key) => (this.confident.get(key) ?? 0) > 0);
	}

	/** The mentions of an entity's keys (its names, or its surname) in the corpus, a key's own if it is none. */
	private mentionCount(id: string): number {
		let total = 0;
		for (const key of this.membersOf(id)) {
			for (const n of this.keyDocs.get(key)?.values() ?? []) {
				total += n;
			}
		}
		return total;
	}

	/** The majority type of a key's own mentions. */
	private ownType(key: string): EntityType | undefined {
		let best: EntityType | undefined;
		for (const [type, n] of this.keyTypes.get(key) ?? []) {
			if (best === undefined || n > this.keyTypes.get(key)!.get(best)!) best = type;
		}
		return best;
	}

	/** The keys that are misspellings of an entity (see {@link misspeltFrom}). */
	private misspellingsOf(id: string): string[] {
		const found = new Set<string>();
		for (const key of this.membersOf(id)) {
			const mates = key.includes(' ')
				? this.slotMates(key)
				: [...this.wordMates(this.personWords, key), ...this.wordMates(this.placeWords, key)];
			for (const other of mates) {
				if (!found.has(other) && misspelt(key, other) && this.keyDocs.has(other) && this.resolve(other, this.typeOf(other)) === id) {
					found.add(other);
				}
			}
		}
		return [...found];
	}

	/** The names of two or more words that share a slot with a key (one long word left open). */
	private slotMates(key: string): Set<string> {
		const mates = new Set<string>();
		for (const slot of slotsOf(key)) {
			for (const other of this.slots.get(slot)) {
				if (other !== key) {
					mates.add(other);
				}
			}
		}
		return mates;
	}

	/** The one-word keys of a deletion index ({@link personWords}, {@link placeWords}) that share a deletion key with a word. */
	private wordMates(index: KeyIndex, word: string): Set<string> {
		const mates = new Set<string>();
		if (word.length < MIN_MISSPELT) {
			return mates;
		}
		for (const deleted of deletions(word)) {
			for (const other of index.get(deleted)) {
				if (other !== word) {
					mates.add(other);
				}
			}
		}
		return mates;
	}

	/** The keys whose resolution may change when `key` changes: its slot mates, and its person or place word's deletion mates. */
	private neighboursOf(key: string): string[] {
		const word = key.includes(' ') ? surnameOf(key) : key;
		const near = [...this.wordMates(this.personWords, word)].filter((other) => misspelt(word, other));
		if (!key.includes(' ')) {
			near.push(...[...this.wordMates(this.placeWords, key)].filter((other) => misspelt(key, other)));
		} else {
			for (const other of this.slotMates(key)) {
				if (misspelt(key, other)) {
					near.push(other);
				}
			}
		}
		return near;
	}

	/**
	 * Files a document's name keys in the misspelling indexes (`sign` 1, after its mentions are counted)
	 * or takes out those no document names any more (-1, after they are uncounted), once per key and type.
	 */
	private fileSpellings(mentions: readonly EntityMention[], sign: number, touched: Set<string>): void {
		const counts = new Map<string, Map<EntityType, number>>();
		for (const m of mentions) {
			if (NAME_TYPES.has(m.type)) {
				bump(counts, m.key, m.type, 1);
			}
		}
		for (const [key, types] of counts) {
			if (key.includes(' ')) {
				for (const slot of slotsOf(key)) {
					if (sign > 0) {
						this.slots.add(slot, key);
					} else if (!this.keyDocs.has(key)) {
						this.slots.delete(slot, key);
					}
				}
			}
			const persons = types.get('person') ?? 0;
			if (persons > 0) {
				fileWord(this.personWords, this.personWordCounts, key.includes(' ') ? surnameOf(key) : key, sign * persons);
			}
			const places = types.get('place') ?? 0;
			if (places > 0 && !key.includes(' ')) {
				fileWord(this.placeWords, this.placeWordCounts, key, sign * places);
			}
			for (const other of this.neighboursOf(key)) {
				touched.add(other);
			}
		}
	}

	/**
	 * The entity of a full person key: the names that differ from it only by initials are one person
	 * ("W. Mark Felt", "Mark Felt", "W. Mark Felt Sr."), when all of them that have initials have the same
	 * ones; "George W. Bush" and "George H. W. Bush" stay apart, and so does "George Bush" from both. The
	 * entity's id is the group's shortest key.
	 */
	private groupOf(key: string): string {
		const reduced = withoutInitials(key);
		const group = reduced ? this.initialGroups.get(reduced.name) : undefined;
		if (!group || group.size < 2 || !group.has(key)) {
			return key;
		}
		let initials: string | undefined;
		let id = key;
		for (const member of group.keys()) {
			const own = withoutInitials(member)!.initials;
			if (own !== '') {
				if (initials !== undefined && initials !== own) {
					return key;
				}
				initials = own;
			}
			if (member.length < id.length || (member.length === id.length && member < id)) {
				id = member;
			}
		}
		return id;
	}

	/** The one person entity whose full names end with a one-word key, if there is exactly one. */
	private fullNameOf(key: string): string | undefined {
		let found: string | undefined;
		for (const full of this.surnames.get(key)?.keys() ?? []) {
			const id = this.groupOf(full);
			if (found !== undefined && found !== id) {
				return undefined;
			}
			found = id;
		}
		return found;
	}

	/** The full-name keys an entity is made of (itself, or its group of names differing by initials). */
	private namesOf(id: string): string[] {
		const reduced = withoutInitials(id);
		const group = reduced ? this.initialGroups.get(reduced.name) : undefined;
		if (!group || group.size < 2 || this.groupOf(id) !== id) {
			return [id];
		}
		return [...group.keys()].filter((key) => this.groupOf(key) === id);
	}

	/** The keys whose mentions make up entity `id`. */
	private membersOf(id: string): string[] {
		const members = this.namesOf(id);
		const last = surnameOf(id);
		if (id.includes(' ') && this.fullNameOf(last) === id) {
			members.push(last);
		}
		return members;
	}

	/**
	 * The majority type of a key (its members' types combined; the types reviewers gave, if any). A
	 * surname joined to a full name adds only its person votes: it was joined because it names a person.
	 */
	private typeOf(id: string): EntityType {
		const members = this.membersOf(id);
		const source = members.some((key) => this.manualTypes.has(key)) ? this.manualTypes : this.keyTypes;
		const totals = new Map<EntityType, number>();
		for (const key of members) {
			for (const [type, n] of source.get(key) ?? []) {
				if (key === id || key.includes(' ') || type === 'person' || source === this.manualTypes) {
					totals.set(type, (totals.get(type) ?? 0) + n);
				}
			}
		}
		let best: EntityType = 'other';
		let bestCount = -1;
		for (const [type, n] of totals) {
			if (n > bestCount) {
				best = type;
				bestCount = n;
			}
		}
		return best;
	}

	/** The display name of an entity: its most frequent form, the longest on a tie. */
	private nameOf(id: string): string {
		const forms = new Map<string, number>();
		for (const key of id.includes(' ') ? this.namesOf(id) : [id]) {
			for (const [form, n] of this.keyForms.get(key) ?? []) {
				forms.set(form, (forms.get(form) ?? 0) + n);
			}
		}
		let best = '';
		let bestCount = -1;
		for (const [form, n] of forms) {
			if (n > bestCount || (n === bestCount && form.length > best.length)) {
				best = form;
				bestCount = n;
			}
		}
		return best || id;
	}

	private index(docId: string, entry: DocEntry, touched: Set<string>): void {
		for (const m of entry.mentions) {
			if (!NAME_TYPES.has(m.type)) {
				continue;
			}
			bump(this.keyDocs, m.key, docId, 1);
			bump(this.keyTypes, m.key, m.type, 1);
			if (m.source === 'manual') {
				bump(this.manualTypes, m.key, m.type, 1);
			}
			bump(this.keyForms, m.key, m.name, 1);
			if (m.confidence >= CONFIDENT) {
				this.confident.set(m.key, (this.confident.get(m.key) ?? 0) + 1);
			}
			if (m.type === 'person' && m.key.includes(' ')) {
				const last = surnameOf(m.key);
				bump(this.surnames, last, m.key, 1);
				touched.add(last);
				this.regroup(m.key, 1, touched);
			}
			touched.add(m.key);
		}
		for (const key of new Set(entry.mentions.filter((m) => NAME_TYPES.has(m.type)).map((m) => m.key))) {
			bump(this.keyClusters, key, entry.cluster, 1);
		}
		this.fileSpellings(entry.mentions, 1, touched);
		for (const key of new Set(entry.candidates.map((c) => c.key))) {
			(this.candidateDocs.get(key) ?? this.candidateDocs.set(key, new Set()).get(key)!).add(docId);
		}
	}

	private unindex(docId: string, touched: Set<string>): void {
		const entry = this.docs.get(docId);
		if (!entry) {
			return;
		}
		for (const m of entry.mentions) {
			if (!NAME_TYPES.has(m.type)) {
				continue;
			}
			bump(this.keyDocs, m.key, docId, -1);
			bump(this.keyTypes, m.key, m.type, -1);
			if (m.source === 'manual') {
				bump(this.manualTypes, m.key, m.type, -1);
			}
			bump(this.keyForms, m.key, m.name, -1);
			if (m.confidence >= CONFIDENT) {
				const n = (this.confident.get(m.key) ?? 0) - 1;
				if (n > 0) {
					this.confident.set(m.key, n);
				} else {
					this.confident.delete(m.key);
				}
			}
			if (m.type === 'person' && m.key.includes(' ')) {
				const last = surnameOf(m.key);
				bump(this.surnames, last, m.key, -1);
				touched.add(last);
				this.regroup(m.key, -1, touched);
			}
			touched.add(m.key);
		}
		for (const key of new Set(entry.mentions.filter((m) => NAME_TYPES.has(m.type)).map((m) => m.key))) {
			bump(this.keyClusters, key, entry.cluster, -1);
		}
		this.fileSpellings(entry.mentions, -1, touched);
		for (const key of new Set(entry.candidates.map((c) => c.key))) {
			const docs = this.candidateDocs.get(key);
			docs?.delete(docId);
			if (docs?.size === 0) {
				this.candidateDocs.delete(key);
			}
		}
	}

	/** Counts a full person name in its group of names differing by initials; every name of the group is touched. */
	private regroup(key: string, delta: number, touched: Set<string>): void {
		const reduced = withoutInitials(key);
		if (!reduced) {
			return;
		}
		for (const member of this.initialGroups.get(reduced.name)?.keys() ?? []) {
			touched.add(member);
		}
		bump(this.initialGroups, reduced.name, key, delta);
		touched.add(key);
	}

	/** Per touched key: confidence, type, display name and surname link, before the update. */
	private snapshot(docId: string, incoming: readonly EntityMention[]): Map<string, string> {
		const keys = new Set<string>();
		for (const m of [...(this.docs.get(docId)?.mentions ?? []), ...incoming]) {
			if (NAME_TYPES.has(m.type)) {
				keys.add(m.key);
				keys.add(surnameOf(m.key));
			}
		}
		for (const key of [...keys]) {
			for (const other of this.neighboursOf(key)) {
				keys.add(other);
			}
		}
		return new Map([...keys].map((k) => [k, this.signature(k)]));
	}

	private signature(key: string): string {
		return `${(this.confident.get(key) ?? 0) > 0}|${this.typeOf(key)}|${this.nameOf(key)}|${this.resolve(key, this.typeOf(key))}`;
	}

	private affected(docId: string, touched: Set<string>, before: Map<string, string>): Set<string> {
		const changed = new Set<string>();
		for (const key of touched) {
			if (before.get(key) === this.signature(key)) {
				continue;
			}
			for (const other of this.keyDocs.get(key)?.keys() ?? []) {
				changed.add(other);
			}
			for (const other of this.candidateDocs.get(key) ?? []) {
				changed.add(other);
			}
			// Full names ending with this surname show its mentions' display name.
			for (const full of this.surnames.get(key)?.keys() ?? []) {
				for (const other of this.keyDocs.get(full)?.keys() ?? []) {
					changed.add(other);
				}
			}
		}
		changed.delete(docId);
		return changed;
	}
}

/** The slots of a name of two or more words: the name with one word of {@link MIN_MISSPELT} or more letters left open. */
function slotsOf(key: string): string[] {
	const words = key.split(' ');
	const slots: string[] = [];
	words.forEach((word, i) => {
		if (word.length >= MIN_MISSPELT) {
			slots.push(words.map((w, j) => (j === i ? '*' : w)).join(' '));
		}
	});
	return slots;
}

/**
 * Whether two keys of as many words differ by one letter in exactly one word, a word of at least
 * {@link MIN_MISSPELT} letters in both that starts with the same letter ("fetullah gulen" / "fethullah gulen").
 */
function misspelt(a: string, b: string): boolean {
	const wa = a.split(' ');
	const wb = b.split(' ');
	if (wa.length !== wb.length || a === b) {
		return false;
	}
	let differing = -1;
	for (let i = 0; i < wa.length; i++) {
		if (wa[i] !== wb[i]) {
			if (differing >= 0) {
				return false;
			}
			differing = i;
		}
	}
	const [x, y] = [wa[differing]!, wb[differing]!];
	return Math.min(x.length, y.length) >= MIN_MISSPELT && x[0] === y[0] && oneEditApart(x, y);
}

/** Generational suffixes after a surname ("Mark Felt Jr."). */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/**
 * The suffixes a name is also written without, for the same person ("L. Patrick Gray III" / "Patrick
 * Gray"); "Jr." is kept, as it tells a son from his father ("Mark Felt Jr." / "Mark Felt").
 */
const DROPPED_SUFFIXES = new Set(['sr', 'ii', 'iii', 'iv']);

/** The surname of a full name's key: its last word before any generational suffix ("mark felt jr" → "felt"). */
function surnameOf(key: string): string {
	const words = key.split(' ');
	let end = words.length;
	while (end > 2 && SUFFIXES.has(words[end - 1]!)) {
		end--;
	}
	return words[end - 1]!;
}

/**
 * A full name's key without its initials (one-letter words) and dropped suffixes ("sr", "iii"), with the
 * initials dropped ("w mark felt sr" → "mark felt" and "w"; "mark felt" → itself and ""). Undefined when fewer than two
 * words remain ("j smith"): initials alone say too little.
 */
function withoutInitials(key: string): { name: string; initials: string } | undefined {
	const words = key.split(' ');
	const kept: string[] = [];
	const initials: string[] = [];
	for (const word of words) {
		if (word.length === 1) {
			initials.push(word);
		} else if (!DROPPED_SUFFIXES.has(word)) {
			kept.push(word);
		}
	}
	return kept.length < 2 ? undefined : { name: kept.join(' '), initials: initials.join(' ') };
}

function bump<K, V>(map: Map<K, Map<V, number>>, key: K, inner: V, delta: number): void {
	let counts = map.get(key);
	if (!counts) {
		if (delta <= 0) {
			return;
		}
		counts = new Map();
		map.set(key, counts);
	}
	const n = (counts.get(inner) ?? 0) + delta;
	if (n > 0) {
		counts.set(inner, n);
	} else {
		counts.delete(inner);
		if (counts.size === 0) {
			map.delete(key);
		}
	}
}

/**
 * Counts a one-word key in or out of a deletion index (the registry's person or place words); files it
 * under its deletions while it is counted.
 */
function fileWord(index: KeyIndex, counts: Map<string, number>, word: string, delta: number): void {
	if (word.length < MIN_MISSPELT) {
		return;
	}
	const before = counts.get(word) ?? 0;
	const after = before + delta;
	if (after > 0) {
		counts.set(word, after);
	} else {
		counts.delete(word);
	}
	if (before > 0 !== after > 0) {
		for (const deleted of deletions(word)) {
			if (after > 0) {
				index.add(deleted, word);
			} else {
				index.delete(deleted, word);
			}
		}
	}
}
