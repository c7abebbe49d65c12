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

  /* Postings: `delta << bits | words` → ids, and each id's number of title words. */
  function decodePostings(list, bits, words) {
    var ids = new Array(list.length);
    var mask = (1 << bits) - 1;
    var value = 0;
    for (var i = 0; i < list.length; i++) {
      value += list[i] >> bits;
      ids[i] = value;
      words.set(value, list[i] & mask);
    }
    return ids;
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

  function addAll(hits, ids, penalty) {
    for (var i = 0; i < ids.length; i++) {
      var had = hits.get(ids[i]);
      if (had === undefined || had > penalty) hits.set(ids[i], penalty);
    }
  }

  function intersect(a, b) {
    var out = new Map();
    var small = a.size <= b.size ? a : b;
    var large = small === a ? b : a;
    small.forEach(function (penalty, id) {
      var other = large.get(id);
      if (other !== undefined) out.set(id, penalty + other);
    });
    return out;
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
      return decodePostings(list, m.countBits, titleWords);
    }

    function shard(m, word) {
      var prefix = shardOf(m, word);
      if (!m.shardSet.has(prefix)) return Promise.resolve({});
      return get("w/" + prefix + ".json").then(function (data) {
        return data || {};
      });
    }

    /* Entries that hold `word`: 0 exact, 1 as a prefix (the word being typed), 3 within one typo.
       `open` is false when the word is too short for its shard to list its completions. */
    async function lookup(m, word, typing, typo) {
      var data = await shard(m, word);
      var hits = new Map();
      if (data[word]) addAll(hits, ids(m, data[word]), 0);
      var open = word.length >= 2 && !m.splitSet.has(shardOf(m, word));
      if (typing && open) {
        for (var key in data) {
          if (key !== word && key.lastIndexOf(word, 0) === 0) addAll(hits, ids(m, data[key]), 1);
        }
      }
      if (hits.size === 0 && typo && word.length >= m.typoMin) {
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
            var close = typing ? startsWithinOne : withinOne;
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
        shards.forEach(function (list) {
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
      return { id: id, kind: kindOf(m, id), title: row[0], url: row[1], context: row[2] };
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

    /* Better first: fewer typos and unfinished words, fewer title words the query did not
       name, exercises and browse pages before other pages and answers, then A–Z. */
    function better(a, b) {
      return (
        a.penalty - b.penalty ||
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
      // One typo is forgiven in names of five letters or more, never in shorter ones.
      var typos = words.join("").length >= 5;
      var scores = new Map();
      var tried = variants(words);
      for (var v = 0; v < tried.length; v++) {
        var variant = tried[v];
        var found = await Promise.all(
          variant.words.map(function (word, i) {
            var last = i === variant.words.length - 1;
            return lookup(m, word, typing && last, typos && !variant.merged);
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
        acc.forEach(function (penalty, id) {
          var candidate = {
            id: id,
            kind: kindOf(m, id),
            penalty: penalty,
            extra: Math.max(0, (titleWords.get(id) || 0) - used),
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
            e.extra = candidate.extra;
            return e;
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
  };
});
