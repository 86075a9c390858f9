/**
 * The statistical name recogniser: an averaged-perceptron BIO tagger over people, organizations,
 * places and other names, with gazetteers inside the model. Pure: the model comes in as data.
 */
export { recogniseNames, tagsToSpans, type NameMention } from './recognise';
export { loadEntityModel, encodeEntityModel, NAME_TYPES, TAGS, type EntityModel, type EntityModelFile, type NameType } from './model';
export { tokenizeForNames, type NerToken } from './tokenize';
export { GAZETTEER_CATEGORIES, COMMON_WORD_LEVELS, type GazetteerCategory, type GazetteerLists } from './gazetteers';
