/*
 * Handbook search worker.
 *
 * Speaks Material for MkDocs' search-worker protocol (SETUP -> READY, QUERY -> RESULT), so
 * Material's search box and result list are unchanged, but replaces its lunr-based matching,
 * which cannot find Chinese words inside longer jieba tokens, drops the last word of a
 * multi-word Han query and does not stem English wildcard queries.
 *
 * Matching (see docs/search.md):
 * - Page text and queries are NFKC-normalised and lower-cased here (full-width brackets become
 *   ASCII separators, full-width letters ASCII letters); highlighting maps back onto the
 *   original text.
 * - A run of Han characters matches where it occurs as a substring. If no page contains the
 *   whole run, it is split into words of the handbook's jieba vocabulary (config.vocab),
 *   each of which must occur.
 * - A Latin word is stemmed (forgetting -> forget) and matches words that start with the stem.
 * - All terms must match; if no page matches all, pages matching some are shown with the
 *   missing terms struck through (Material renders `terms`).
 */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const MAX_RESULTS = 100;
const TEASER = 60;
const PREFETCH_DELAY_MS = 300;

let docs = [];
let vocab = new Set();
let longestWord = 1;

const TERM = /(\p{sc=Han}+)|((?:(?!\p{sc=Han})[\p{L}\p{N}])+)/gu;

function normalize(text) {
  return text.normalize("NFKC").toLowerCase();
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/* A light English stemmer: only inflections, so that a stem is a prefix of its forms. */
function stem(word) {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let s = word;
  if (/ies$/.test(s) && s.length > 4) s = s.slice(0, -3) + "y";
  else if (/sses$/.test(s)) s = s.slice(0, -2);
  else if (/(?:sh|ch|x|z|ss)es$/.test(s)) s = s.slice(0, -2);
  else if (/[^su]s$/.test(s) && !/is$/.test(s)) s = s.slice(0, -1);
  if (/ing$/.test(s) && s.length > 5) s = s.slice(0, -3);
  else if (/[^e]ed$/.test(s) && s.length > 4) s = s.slice(0, -2);
  if (s !== word && /([bdfgklmnprt])\1$/.test(s)) s = s.slice(0, -1);
  if (/e$/.test(s) && s.length > 4) s = s.slice(0, -1);
  if (/y$/.test(s) && s.length > 3) s = s.slice(0, -1);
  return s;
}

/* Split a Han run into vocabulary words, longest match first; unknown stretches stay whole. */
function segmentHan(run) {
  const words = [];
  let unknown = "";
  for (let i = 0; i < run.length;) {
    let found = "";
    for (let n = Math.min(longestWord, run.length - i); n >= 2; n--) {
      const candidate = run.slice(i, i + n);
      if (vocab.has(candidate)) { found = candidate; break; }
    }
    if (found) {
      if (unknown) { words.push(unknown); unknown = ""; }
      words.push(found);
      i += found.length;
    } else {
      unknown += run[i];
      i += 1;
    }
  }
  if (unknown) words.push(unknown);
  return words;
}

function makeMatcher(label, kind, key) {
  if (kind === "han")
    return {label, test: text => text.includes(key), pattern: new RegExp(escapeRegExp(key), "gu")};
  const pattern = new RegExp("(?<![a-z0-9])" + escapeRegExp(key) + "[a-z0-9]*", "gu");
  return {label, test: text => pattern.test(text) && ((pattern.lastIndex = 0) || true), pattern};
}

function anyDocContains(key) {
  return docs.some(doc => doc.all.includes(key));
}

/* Turn the query into terms; each term is one matcher that must hit. */
function parseQuery(query) {
  const matchers = [];
  for (const match of normalize(query).matchAll(TERM)) {
    if (match[1]) {
      const run = match[1];
      if (run.length === 1 || anyDocContains(run)) matchers.push(makeMatcher(run, "han", run));
      else for (const word of segmentHan(run)) matchers.push(makeMatcher(word, "han", word));
    } else {
      const word = match[2];
      matchers.push(makeMatcher(word, "latin", stem(word)));
    }
  }
  return matchers;
}

function countMatches(matcher, text) {
  matcher.pattern.lastIndex = 0;
  let count = 0;
  while (matcher.pattern.exec(text) !== null && count < 20) count++;
  matcher.pattern.lastIndex = 0;
  return count;
}

function highlight(original, lower, matchers) {
  if (original.length !== lower.length) return escapeHtml(original);
  const marks = new Array(original.length).fill(false);
  for (const matcher of matchers) {
    matcher.pattern.lastIndex = 0;
    let m;
    while ((m = matcher.pattern.exec(lower)) !== null) {
      for (let i = m.index; i < m.index + m[0].length; i++) marks[i] = true;
      if (m[0].length === 0) matcher.pattern.lastIndex++;
    }
    matcher.pattern.lastIndex = 0;
  }
  let html = "", open = false;
  for (let i = 0; i < original.length; i++) {
    if (marks[i] && !open) { html += "<mark>"; open = true; }
    if (!marks[i] && open) { html += "</mark>"; open = false; }
    html += escapeHtml(original[i]);
  }
  return open ? html + "</mark>" : html;
}

function teaser(doc, matchers) {
  let first = -1;
  for (const matcher of matchers) {
    matcher.pattern.lastIndex = 0;
    const m = matcher.pattern.exec(doc.lowerText);
    matcher.pattern.lastIndex = 0;
    if (m && (first === -1 || m.index < first)) first = m.index;
  }
  if (first === -1) first = 0;
  const start = Math.max(0, first - TEASER);
  const end = Math.min(doc.text.length, first + 2 * TEASER);
  const body = highlight(doc.text.slice(start, end), doc.lowerText.slice(start, end), matchers);
  return (start > 0 ? "…" : "") + body + (end < doc.text.length ? "…" : "");
}

function search(query) {
  const matchers = parseQuery(query);
  if (!matchers.length) return {items: []};
  const scored = [];
  for (const doc of docs) {
    const hits = matchers.map(m => m.test(doc.all));
    const matched = hits.filter(Boolean).length;
    if (!matched) continue;
    let score = 0;
    matchers.forEach((m, i) => {
      if (!hits[i]) return;
      score += 10 * countMatches(m, doc.lowerTitle) + 6 * countMatches(m, doc.lowerTags) + countMatches(m, doc.lowerText);
    });
    // A title made mostly of the query is what the reader is looking for (e.g. a topic page).
    if (hits.every(Boolean) && matchers.every(m => m.test(doc.lowerTitle))) {
      const covered = matchers.reduce((n, m) => n + m.label.length, 0);
      score += 40 * Math.min(1, covered / Math.max(1, doc.lowerTitle.replace(/[^\p{L}\p{N}]/gu, "").length)) + 20;
      if (doc.kind === "topic") score += 30;  // the topic's table of contents leads to all of it
    }
    scored.push({doc, hits, matched, score});
  }
  const complete = scored.filter(r => r.matched === matchers.length);
  const chosen = (complete.length ? complete : scored)
    .sort((a, b) => b.matched - a.matched || b.score - a.score)
    .slice(0, MAX_RESULTS);
  const items = chosen.map(({doc, hits, score}) => {
    const terms = {};
    matchers.forEach((m, i) => { terms[m.label] = hits[i]; });
    return [{
      location: doc.location,
      title: highlight(doc.title, doc.lowerTitle, matchers),
      text: teaser(doc, matchers),
      tags: doc.tags.map(escapeHtml),
      score,
      terms
    }];
  });
  return {items};
}

function prepare(doc, text) {
  const tags = doc.tags || [];
  const lowerTitle = normalize(doc.title);
  const lowerTags = normalize(tags.join(" "));
  const lowerText = normalize(text);
  return {...doc, text, tags, lowerTitle, lowerTags, lowerText, all: lowerTitle + "\n" + lowerTags + "\n" + lowerText};
}

/* Page text and vocabulary live in separate files (config.shards, config.vocab) fetched on the
   first query, so opening a page downloads only titles and tags. Docs that carry their own
   text (tests, small sites) need no fetching. Each shard is prepared as soon as it arrives
   (config.shardStarts says which docs it holds), so a query whose words are only in page text
   is answered from the first shards that match instead of waiting for all of them. */
let pending = null;
let textLoaded = true;
let base = null;
let onShard = null;  // called with the docs a newly arrived shard filled in

function setup(index) {
  const config = index.config || {};
  const inline = Array.isArray(config.vocab) ? config.vocab : [];
  vocab = new Set(inline);
  longestWord = Math.max(1, ...inline.map(w => w.length));
  docs = (index.docs || []).map(doc => prepare(doc, doc.text || ""));
  textLoaded = !(config.shards && config.shards.length);
  pending = null;
  base = textLoaded ? null : {shards: config.shards, starts: config.shardStarts, vocab: config.vocab};
}

/* [text, tags] entries of one shard into the docs from `start` on. */
function fill(start, entries) {
  const filled = [];
  entries.forEach((entry, j) => {
    const doc = docs[start + j];
    if (!doc) return;
    docs[start + j] = prepare({location: doc.location, title: doc.title, kind: doc.kind, tags: entry[1] || []}, entry[0] || "");
    filled.push(docs[start + j]);
  });
  return filled;
}

function loadText(root) {
  if (textLoaded || pending) return pending;
  const url = name => new URL(name, root).href;
  const starts = Array.isArray(base.starts) && base.starts.length === base.shards.length ? base.starts : null;
  pending = Promise.all([
    Promise.all(base.shards.map((name, k) => fetch(url(name)).then(r => r.json()).then(entries => {
      if (!starts) return entries;
      const filled = fill(starts[k], entries);
      if (onShard) onShard(filled);
      return [];
    }))),
    typeof base.vocab === "string" ? fetch(url(base.vocab)).then(r => r.json()) : Promise.resolve([])
  ]).then(([shards, words]) => {
    if (!starts) fill(0, [].concat(...shards));  // an index without shardStarts: all at once, in order
    vocab = new Set(words);
    longestWord = Math.max(1, ...words.map(w => w.length));
    textLoaded = true;
  });
  return pending;
}

if (typeof addEventListener === "function" && typeof importScripts === "function") {
  // The worker lives in assets/handbook/; the index files in search/.
  const searchRoot = new URL("../../search/", self.location.href);
  let latest = null;
  const answer = query => {
    let data;
    try { data = search(query); }
    catch (err) { console.warn(err); data = {items: []}; }
    postMessage({type: RESULT, data});
  };
  // The page says "prefetch" when the reader starts typing a query (assets/handbook.js).
  let prefetchWanted = false;
  const prefetch = () => {
    if (!base) return;
    const loading = loadText(searchRoot);
    if (loading) loading.catch(err => console.warn(err));
  };
  if (typeof BroadcastChannel === "function") {
    new BroadcastChannel("handbook-search " + searchRoot.href).onmessage = event => {
      if (event.data !== "prefetch" || prefetchWanted) return;
      prefetchWanted = true;
      // A moment's delay: a query typed at once is answered from titles first (as without
      // prefetching) instead of queueing behind the text download; a reader still typing gains.
      setTimeout(prefetch, PREFETCH_DELAY_MS);
    };
  }
  addEventListener("message", event => {
    const message = event.data;
    if (message.type === SETUP) {
      setup(message.data);
      postMessage({type: READY});
      if (prefetchWanted) prefetch();
    } else if (message.type === QUERY) {
      latest = message.data;
      // Material sends the (empty) query once the index is ready: that must not fetch page text.
      if (textLoaded || !String(latest).trim()) return answer(latest);
      // First query: answer from titles now if they match; else as soon as an arrived shard
      // has a page with every term; then again once all text is in.
      const early = search(latest);
      let shown = early.items.length > 0;
      if (shown) postMessage({type: RESULT, data: early});
      const query = latest;
      onShard = filled => {
        if (shown || query !== latest) return;
        const matchers = parseQuery(query);
        if (matchers.length && filled.some(doc => matchers.every(m => m.test(doc.all)))) {
          shown = true;
          answer(query);
        }
      };
      loadText(searchRoot).then(() => { onShard = null; answer(latest); }, err => { console.warn(err); answer(latest); });
    }
  });
}

/* For tests running the same code outside a worker. */
if (typeof module !== "undefined") module.exports = {setup, search, stem, segmentHan, parseQuery, loadText, fill};
