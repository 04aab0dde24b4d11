// Compiles every Solidity source under contracts/src with the solc pinned in tools/ (OpenZeppelin
// imports resolve to tools/node_modules) and writes, per contract, <Name>.abi.json and <Name>.bin
// into contracts/artifacts (or the folder given with --out). The artefacts are committed; a test runs
// this script into a temporary folder and fails when the output differs from them.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const toolsModules = resolve(here, '..', 'tools', 'node_modules');
const require = createRequire(join(toolsModules, 'solc', 'package.json'));
const solc = require('solc');

const outIndex = process.argv.indexOf('--out');
const outDir = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : join(here, 'artifacts');

function solidityFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? solidityFiles(path) : entry.name.endsWith('.sol') ? [path] : [];
  }).sort();
}

// Source unit names are paths relative to contracts/, with forward slashes, so the metadata (and so
// the bytecode) does not depend on where the repository is checked out.
const sources = {};
for (const file of solidityFiles(join(here, 'src'))) {
  sources[relative(here, file).split(sep).join('/')] = { content: readFileSync(file, 'utf8') };
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'cancun',
    viaIR: true,
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};

function findImport(path) {
  const candidate = join(toolsModules, path);
  return existsSync(candidate) ? { contents: readFileSync(candidate, 'utf8') } : { error: `not found: ${path}` };
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
const problems = output.errors ?? [];
for (const problem of problems) {
  console.error(problem.formattedMessage);
}
// Warnings in our own sources fail the build, as they do for the C# code — except solc's general caution
// about transient storage (2394), which our only use (a scan's seen-set, cleared before the call returns) heeds.
const accepted = new Set(['2394']);
if (problems.some(problem => problem.severity === 'error' || (problem.sourceLocation?.file?.startsWith('src/') && !accepted.has(problem.errorCode)))) {
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
let written = 0;
for (const [unit, contracts] of Object.entries(output.contracts)) {
  if (!unit.startsWith('src/')) {
    continue; // libraries imported from OpenZeppelin are compiled into ours, not published
  }
  for (const [name, artefact] of Object.entries(contracts)) {
    writeFileSync(join(outDir, `${name}.abi.json`), JSON.stringify(artefact.abi, null, 2) + '\n');
    if (artefact.evm.bytecode.object.length > 0) {
      writeFileSync(join(outDir, `${name}.bin`), artefact.evm.bytecode.object + '\n'); // interfaces have none
    }
    written++;
  }
}
console.log(`solc ${solc.version()}: ${written} contracts written to ${outDir}`);
