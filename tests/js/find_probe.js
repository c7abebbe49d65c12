/* Runs the site's search code (find-core.js) under Node for the tests. Reads one JSON request on
   stdin: {"fold": [text...]} → the folded words of each text, or
   {"site": DIR, "queries": [query...], "limit": n} → each query's results against DIR/search/. */
"use strict";
const fs = require("fs");
const path = require("path");
const core = require(path.resolve(__dirname, "../../docs/assets/javascripts/find-core.js"));

async function main() {
  const request = JSON.parse(fs.readFileSync(0, "utf8"));
  if (request.fold) {
    const meta = request.meta || { irregular: {} };
    return request.fold.map((text) => core.fold(text, meta.irregular));
  }
  const fetched = [];
  const search = core.createSearch((file) => {
    fetched.push(file);
    const full = path.join(request.site, "search", file);
    return fs.existsSync(full) ? JSON.parse(fs.readFileSync(full, "utf8")) : null;
  });
  const answers = [];
  for (const query of request.queries) {
    fetched.length = 0;
    const results = await search.search(query, request.limit || 10);
    answers.push({ query, results, fetched: fetched.slice() });
  }
  return answers;
}

main().then(
  (answer) => process.stdout.write(JSON.stringify(answer)),
  (error) => {
    process.stderr.write(String(error.stack || error));
    process.exit(1);
  }
);
