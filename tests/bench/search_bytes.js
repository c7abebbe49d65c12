/* How much search data a reader downloads per query, typing it letter by letter, with the same
   search code the site runs (find-core.js). Usage: node search_bytes.js SITE_DIR QUERY...
   Prints one JSON line per query: files fetched and their bytes, raw and gzip (level 6). */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const core = require(path.resolve(__dirname, "../../docs/assets/javascripts/find-core.js"));

const site = process.argv[2];
const queries = process.argv.slice(3);

async function session(query) {
  const fetched = new Map();
  const search = core.createSearch((file) => {
    const full = path.join(site, "search", file);
    if (!fs.existsSync(full)) {
      fetched.set(file, [0, 0]);
      return null;
    }
    const data = fs.readFileSync(full);
    fetched.set(file, [data.length, zlib.gzipSync(data, { level: 6 }).length]);
    return JSON.parse(data);
  });
  let results = [];
  for (let i = 1; i <= query.length; i++) {
    results = await search.search(query.slice(0, i), 10);
  }
  let raw = 0;
  let gzip = 0;
  for (const [r, g] of fetched.values()) {
    raw += r;
    gzip += g;
  }
  return { query, files: fetched.size, raw, gzip, top: results.slice(0, 3).map((r) => r.title) };
}

(async () => {
  for (const query of queries) {
    console.log(JSON.stringify(await session(query)));
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
