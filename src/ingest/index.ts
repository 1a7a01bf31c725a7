// The ingest layer's public entry: decoding, format sniffing, readers (text dump, HTML, feeds, JSONL), cleaning, readInputs.
export { decode, canonicalLabel, declaredCharset, isUtf8, scoreArabicDecoding, type Decoded, type DecodeOptions } from './decode.js';
export { sniffFormat, parseInputFormat, INPUT_FORMATS, type InputFormat, type FormatHint } from './sniff-format.js';
export { createRawArticle, isRecordError, toIsoDate, type RawArticle, type RecordError } from './raw-article.js';
export { parseTextDump, splitByline, splitCredit } from './text-dump.js';
export { parseHtml } from './html.js';
export { htmlToParagraphs } from './html-text.js';
export { parseFeed } from './feed.js';
export { parseJsonl, parseJsonlRecord } from './jsonl.js';
export { cleanArticle, classifyFurniture, findPullQuotes, foldLine, articleId, PARAGRAPH_SEPARATOR } from './clean-article.js';
export { guessLanguage } from './script.js';
export { readInputs, readText, type ReadResult, type ReadOptions } from './read-inputs.js';
