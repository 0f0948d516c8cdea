// Tokenise .dg files with the real VS Code TextMate engine and print JSON.
//
// Usage: node tokenize.mjs FILE...   (or `-` to read one text from stdin)
// Prints {"files": [{"path", "lines": [[{"text", "scopes"}...]...], "endDepth"}]}
// where endDepth is the depth of the rule stack after the last line (1 when
// every begin/end region was closed). Used by tests/test_textmate.py.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import oniguruma from "vscode-oniguruma";
import textmate from "vscode-textmate";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const grammarPath = join(here, "..", "syntaxes", "domaingen.tmLanguage.json");

const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));

const registry = new textmate.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text) => new oniguruma.OnigString(text),
  }),
  loadGrammar: async (scopeName) =>
    scopeName === "source.domaingen"
      ? textmate.parseRawGrammar(readFileSync(grammarPath, "utf8"), grammarPath)
      : null,
});
const grammar = await registry.loadGrammar("source.domaingen");

const files = [];
for (const path of process.argv.slice(2)) {
  const text = readFileSync(path === "-" ? 0 : path, "utf8");
  let stack = textmate.INITIAL;
  const lines = [];
  for (const line of text.replace(/\r\n/g, "\n").split("\n")) {
    const result = grammar.tokenizeLine(line, stack);
    lines.push(
      result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })),
    );
    stack = result.ruleStack;
  }
  files.push({ path, lines, endDepth: stack.depth });
}
process.stdout.write(JSON.stringify({ files }));
