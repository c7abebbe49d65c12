/* The site's search over the sharded index the build writes to search/ (build_tools/search_index.py
   describes the files). It folds the query with the same rules as build_tools/textfold.py, fetches
   only the few files the query's words need, and ranks the entries. No DOM here: the page's UI
   (find.js), the browse filter (browse.js), the tests and the benchmark (under Node) all use it. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.FindCore = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var KIND_RANK = { exercise: 0, browse: 0, page: 1, faq: 2 };
  var SNIPPET = 160; // characters of a snippet, about two lines under a result
  var TOKEN = /[\p{L}\p{N}'’`]+/gu;

  function stem(word, irregular) {
    if (Object.prototype.hasOwnProperty.call(irregular, word)) return irregular[word];
    var n = word.length;
    if (n < 3 || word[n - 1] !== "s" || /(ss|us|is)$/.test(word)) return word;
    if (n > 4 && /ies$/.test(word)) return word.slice(0, -3) + "y";
    if (/(sses|shes|ches|xes|zes)$/.test(word)) return word.slice(0, -2);
    return word.slice(0, -1);
  }

  function fold(text, irregular) {
    var plain = text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(/['’`]/g, "");
    return plain.split(/[^a-z0-9]+/).filter(Boolean).map(function (w) {
      return stem(w, irregular);
    });
  }

  /* Postings: `(delta << fieldBits | field) << bits | words` → ids, the field each was found in
     (0 name, 1 term, 2 body text), and each id's number of title words. */
  function decodePostings(list, bits, fieldBits, words) {
    var ids = new Array(list.length);
    var fields = new Array(list.length);
    var mask = (1 << bits) - 1;
    var fieldMask = (1 << fieldBits) - 1;
    var value = 0;
    for (var i = 0; i < list.length; i++) {
      value += Math.floor(list[i] / (1 << (bits + fieldBits)));
      ids[i] = value;
      fields[i] = (list[i] >> bits) & fieldMask;
      words.set(value, list[i] & mask);
    }
    return { ids: ids, fields: fields };
  }

  function decode(deltas) {
    var out = new Array(deltas.length);
    var value = 0;
    for (var i = 0; i < deltas.length; i++) {
      value += deltas[i];
      out[i] = value;
    }
    return out;
  }

  /* Optimal string alignment distance, stopped early once it exceeds 1. */
  function withinOne(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var prev2 = null;
    var prev = [];
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      var row = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d = Math.min(d, prev2[j - 2] + 1);
        }
        row[j] = d;
        if (d < best) best = d;
      }
      if (best > 1) return false;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length] <= 1;
  }

  /* A word typed so far is within one typo of the start of `word`. */
  function startsWithinOne(typed, word) {
    for (var n = typed.length - 1; n <= typed.length + 1; n++) {
      if (n > 0 && n <= word.length && withinOne(typed, word.slice(0, n))) return true;
    }
    return false;
  }

  function typoKeys(word) {
    var head = word.slice(0, 3);
    var keys = [word.slice(0, 2)];
    for (var i = 0; i < head.length; i++) keys.push(head.slice(0, i) + head.slice(i + 1));
    return keys.filter(function (k, i) {
      return k && keys.indexOf(k) === i;
    });
  }

  /* A hit is {p: penalty, f: field}; of two ways one word finds an entry, the better counts. */
  function addAll(hits, found, penalty) {
    for (var i = 0; i < found.ids.length; i++) {
      var had = hits.get(found.ids[i]);
      var f = found.fields[i];
      if (had === undefined || had.p > penalty || (had.p === penalty && had.f > f)) {
        hits.set(found.ids[i], { p: penalty, f: f });
      }
    }
  }

  /* Every word must find the entry: penalties add up, and the worst field counts. */
  function intersect(a, b) {
    var out = new Map();
    var small = a.size <= b.size ? a : b;
    var large = small === a ? b : a;
    small.forEach(function (hit, id) {
      var other = large.get(id);
      if (other !== undefined) out.set(id, { p: hit.p + other.p, f: Math.max(hit.f, other.f) });
    });
    return out;
  }

  /* The places of the words of `text` that fold to one of `marked`, as [start, end] pairs. */
  function marksIn(text, marked, irregular) {
    var marks = [];
    var match;
    TOKEN.lastIndex = 0;
    while ((match = TOKEN.exec(text))) {
      var words = fold(match[0], irregular);
      for (var i = 0; i < words.length; i++) {
        if (marked.has(words[i])) {
          marks.push([match.index, match.index + match[0].length]);
          break;
        }
      }
    }
    return marks;
  }

  /* A short piece of `text` around its first mark, the marks moved with it. */
  function cut(text, marks) {
    if (text.length <= SNIPPET) return { text: text, marks: marks };
    var start = 0;
    if (marks.length && marks[0][1] > SNIPPET - 20) {
      start = text.lastIndexOf(" ", Math.max(0, marks[0][0] - 40)) + 1;
    }
    var end = text.lastIndexOf(" ", start + SNIPPET);
    if (end <= start) end = start + SNIPPET;
    var head = start > 0 ? "…" : "";
    var shift = head.length - start;
    return {
      text: head + text.slice(start, end) + "…",
      marks: marks
        .filter(function (m) {
          return m[0] >= start && m[1] <= end;
        })
        .map(function (m) {
          return [m[0] + shift, m[1] + shift];
        }),
    };
  }

  /* `load(path)` resolves to the parsed JSON of a file under search/, or null if it is absent. */
  function createSearch(load) {
    var files = new Map();
    function get(path) {
      if (!files.has(path)) {
        files.set(
          path,
          Promise.resolve(load(path)).catch(function (error) {
            files.delete(path);
            throw error;
          })
        );
      }
      return files.get(path);
    }

    var metaPromise = null;
    function meta() {
      if (!metaPromise) {
        metaPromise = get("meta.json").then(function (m) {
          m.splitSet = new Set(m.splits);
          m.shardSet = new Set(m.shards);
          m.typoSet = new Set(m.typos);
          m.stopSet = new Set(m.stopwords);
          return m;
        });
      }
      return metaPromise;
    }

    function shardOf(m, word) {
      var prefix = word.slice(0, 2);
      while (m.splitSet.has(prefix) && word.length > prefix.length) {
        prefix = word.slice(0, prefix.length + 1);
      }
      return prefix;
    }

    var titleWords = new Map(); // entry id → number of words of its title, learnt from postings

    function ids(m, list) {
      return decodePostings(list, m.countBits, m.fieldBits, titleWords);
    }

    function shard(m, word) {
      var prefix = shardOf(m, word);
      if (!m.shardSet.has(prefix)) return Promise.resolve({});
      return get("w/" + prefix + ".json").then(function (data) {
        return data || {};
      });
    }

    /* Entries that hold `word`: 0 exact, 1 as a prefix (the word being typed), 3 within one typo;
       the index's words that found them go into `marked`. `open` is false when the word is too
       short for its shard to list its completions. */
    async function lookup(m, word, typing, typo, marked) {
      var data = await shard(m, word);
      var hits = new Map();
      if (data[word]) {
        addAll(hits, ids(m, data[word]), 0);
        marked.add(word);
      }
      var open = word.length >= 2 && !m.splitSet.has(shardOf(m, word));
      if (typing && open) {
        for (var key in data) {
          if (key !== word && key.lastIndexOf(word, 0) === 0) {
            addAll(hits, ids(m, data[key]), 1);
            marked.add(key);
          }
        }
      }
      // A word the index holds may still be a misspelling of another it holds ("dumbbell" and a
      // record's "Dumbell"); then only whole words one typo away count, not their completions.
      var exact = hits.size > 0;
      if (typo && word.length >= m.typoMin) {
        var keys = typoKeys(word);
        var groups = await Promise.all(
          keys.map(function (key) {
            return m.typoSet.has(key[0]) ? get("t/" + key[0] + ".json") : null;
          })
        );
        var near = new Set();
        groups.forEach(function (group, i) {
          ((group && group[keys[i]]) || []).forEach(function (candidate) {
            // "pullpus" keeps its s (words in -us are not plurals): try it without, too.
            var bare = word.replace(/s$/, "");
            var close = typing && !exact ? startsWithinOne : withinOne;
            if (candidate === word) return;
            if (close(word, candidate) || (bare !== word && close(bare, candidate))) {
              near.add(candidate);
            }
          });
        });
        var shards = await Promise.all(
          Array.from(near).map(function (candidate) {
            return shard(m, candidate).then(function (d) {
              return d[candidate] || [];
            });
          })
        );
        shards.forEach(function (list, i) {
          if (list.length) marked.add(Array.from(near)[i]);
          addAll(hits, ids(m, list), 3);
        });
      }
      return { hits: hits, open: open };
    }

    function kindOf(m, id) {
      var kind = m.kinds[0][0];
      for (var i = 0; i < m.kinds.length; i++) if (id >= m.kinds[i][1]) kind = m.kinds[i][0];
      return kind;
    }

    async function entry(m, id) {
      var chunk = await get("d/" + Math.floor(id / m.chunk) + ".json");
      var row = chunk[id % m.chunk];
      return {
        id: id,
        kind: kindOf(m, id),
        title: row[0],
        url: row[1],
        context: row[2],
        about: row[3] || "",
      };
    }

    /* The snippet of a result: the piece of its short text, else of the sentence of its body
       text, that holds most of the words found; null when it has neither. */
    async function snippet(m, e, marked, wanted) {
      var best = null;
      function consider(text) {
        var marks = marksIn(text, marked, m.irregular);
        var seen = new Set(
          marks.map(function (r) {
            return fold(text.slice(r[0], r[1]), m.irregular).join("");
          })
        ).size;
        if (!best || seen > best.seen) best = { text: text, marks: marks, seen: seen };
      }
      if (e.about) consider(e.about);
      if ((!best || best.seen < wanted) && e.kind === "exercise" && e.tier > 0) {
        var texts = await get("x/" + Math.floor(e.id / m.textChunk) + ".json");
        ((texts && texts[e.id % m.textChunk]) || []).forEach(consider);
      }
      return best && cut(best.text, best.marks);
    }

    /* The query's words as typed, and run together pairwise ("pull ups" is also "pullups"). */
    function variants(words) {
      var found = [{ words: words, merged: false }];
      for (var i = 0; i + 1 < words.length; i++) {
        var merged = words.slice(0, i).concat([words[i] + words[i + 1]], words.slice(i + 2));
        found.push({ words: merged, merged: true });
      }
      if (words.length > 2) found.push({ words: [words.join("")], merged: true });
      return found;
    }

    /* How an entry was found: 0 by its names, 1 by its terms (muscles, equipment, category...),
       2 by the question it is, 3 by body text. */
    function tierOf(kind, field) {
      if (field === 2) return 3;
      if (kind === "faq") return field === 0 ? 2 : 3;
      return field;
    }

    /* Better first: fewer typos and unfinished words, names before terms before questions before
       body text, fewer title words the query did not name, exercises and browse pages before
       other pages and answers, then A–Z. */
    function better(a, b) {
      return (
        a.penalty - b.penalty ||
        a.tier - b.tier ||
        a.extra - b.extra ||
        KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
        a.id - b.id
      );
    }

    async function search(query, limit) {
      limit = limit || 10;
      var m = await meta();
      var folded = fold(query, m.irregular);
      var words = folded.filter(function (w) {
        return !m.stopSet.has(w);
      });
      if (!words.length) return [];
      var typing = !/\s$/.test(query);
      var marked = new Set();
      var scores = new Map();
      var tried = variants(words);
      for (var v = 0; v < tried.length; v++) {
        var variant = tried[v];
        var found = await Promise.all(
          variant.words.map(function (word, i) {
            var last = i === variant.words.length - 1;
            // One typo is forgiven in words of five letters or more (`typoMin`), never in shorter.
            return lookup(m, word, typing && last, !variant.merged, marked);
          })
        );
        var acc = null;
        var used = 0;
        for (var i = 0; i < found.length; i++) {
          var last = i === found.length - 1;
          // A word still being typed, too short to complete, does not narrow the results yet.
          if (last && typing && !found[i].open && found[i].hits.size === 0 && found.length > 1) {
            continue;
          }
          acc = acc ? intersect(acc, found[i].hits) : found[i].hits;
          used++;
        }
        if (!acc) continue;
        acc.forEach(function (hit, id) {
          var kind = kindOf(m, id);
          // How closely the title matches counts only for entries found by their title.
          var extra = hit.f === 0 ? Math.max(0, (titleWords.get(id) || 0) - used) : 0;
          // A question typed whole is what the reader wants, as a name typed whole is.
          var tier = kind === "faq" && hit.f === 0 && extra === 0 ? 0 : tierOf(kind, hit.f);
          var candidate = {
            id: id,
            kind: kind,
            penalty: hit.p,
            tier: tier,
            extra: extra,
          };
          var had = scores.get(id);
          if (had === undefined || better(candidate, had) < 0) scores.set(id, candidate);
        });
      }
      var top = Array.from(scores.values()).sort(better).slice(0, limit);
      return Promise.all(
        top.map(function (candidate) {
          return entry(m, candidate.id).then(function (e) {
            e.penalty = candidate.penalty;
            e.tier = candidate.tier;
            e.extra = candidate.extra;
            e.titleMarks = marksIn(e.title, marked, m.irregular);
            return snippet(m, e, marked, words.length).then(function (cutText) {
              e.snippet = cutText;
              return e;
            });
          });
        })
      );
    }

    return { search: search, get: get, meta: meta, entry: entry, decode: decode };
  }

  return {
    createSearch: createSearch,
    fold: fold,
    stem: stem,
    decode: decode,
    withinOne: withinOne,
    startsWithinOne: startsWithinOne,
    marksIn: marksIn,
    cut: cut,
  };
});
