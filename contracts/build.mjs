// Compiles, in one solc run with the compiler pinned in tools/ (OpenZeppelin imports resolve to
// tools/node_modules), every Solidity source of the repository: the shared and testing sources under
// contracts/src, and each application package's own under src/<Package>/Contracts. It writes, per
// contract, <Name>.abi.json and <Name>.bin next to its sources' owner: contracts/artifacts for
// contracts/src, src/<Package>/Artifacts for a package. The artefacts are committed; a test runs this
// script with --out <folder> (which then stands for the repository root, so the same relative folders
// appear below it) and fails when the output differs from them.
// It compiles twice: for Cancun (the default, the artefacts above) and for Shanghai, for older consortium chains
// without transient storage and MCOPY, writing only the applications' bytecode (the ABI is the same) to a
// shanghai/ folder in each package's set: src/<Package>/Artifacts/shanghai/<Name>.bin.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const toolsModules = resolve(root, 'tools', 'node_modules');
const require = createRequire(join(toolsModules, 'solc', 'package.json'));
const solc = require('solc');

const outIndex = process.argv.indexOf('--out');
const outRoot = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : root;

function solidityFiles(folder) {
  if (!existsSync(folder)) {
    return [];
  }
  return readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? solidityFiles(path) : entry.name.endsWith('.sol') ? [path] : [];
  });
}

// The packages that carry contracts of their own: every src/<Package>/Contracts folder.
const packages = readdirSync(join(root, 'src'), { withFileTypes: true })
  .filter(entry => entry.isDirectory() && existsSync(join(root, 'src', entry.name, 'Contracts')))
  .map(entry => `src/${entry.name}`);

// Source unit names are paths relative to the repository root, with forward slashes and in ordinal
// order, so the metadata (and so the bytecode) depends neither on where the repository is checked out
// nor on the order the file system lists it in.
const files = [...solidityFiles(join(here, 'src')), ...packages.flatMap(p => solidityFiles(join(root, p, 'Contracts')))]
  .map(file => relative(root, file).split(sep).join('/'))
  .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const sources = {};
for (const unit of files) {
  sources[unit] = { content: readFileSync(join(root, unit), 'utf8') };
}

// Where a unit's artefacts go, relative to the root: its package's Artifacts folder, or contracts/artifacts.
function artefactFolder(unit) {
  const owner = packages.find(p => unit.startsWith(`${p}/Contracts/`));
  return owner ? `${owner}/Artifacts` : unit.startsWith('contracts/src/') ? 'contracts/artifacts' : null;
}

// The Shanghai build leaves out the testing contracts (contracts/src/testing), which only the tests deploy, on anvil.
const input = evmVersion => ({
  language: 'Solidity',
  sources: evmVersion === 'cancun' ? sources : Object.fromEntries(Object.entries(sources).filter(([unit]) => !unit.startsWith('contracts/src/testing/'))),
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion,
    viaIR: true,
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
});

function findImport(path) {
  const candidate = join(toolsModules, path);
  return existsSync(candidate) ? { contents: readFileSync(candidate, 'utf8') } : { error: `not found: ${path}` };
}

function compile(evmVersion) {
  const output = JSON.parse(solc.compile(JSON.stringify(input(evmVersion)), { import: findImport }));
  const problems = output.errors ?? [];
  for (const problem of problems) {
    console.error(`${evmVersion}: ${problem.formattedMessage}`);
  }
  // Warnings in our own sources fail the build, as they do for the C# code.
  if (problems.some(problem => problem.severity === 'error' || artefactFolder(problem.sourceLocation?.file ?? '') !== null)) {
    process.exit(1);
  }
  return output;
}

let written = 0;
const folders = new Set();
for (const [evmVersion, subfolder] of [['cancun', null], ['shanghai', 'shanghai']]) {
  const output = compile(evmVersion);
  for (const [unit, contracts] of Object.entries(output.contracts)) {
    const owner = artefactFolder(unit);
    if (owner === null || (subfolder !== null && !owner.startsWith('src/'))) {
      continue; // OpenZeppelin's libraries are compiled into ours, not published; the shared blocks only within the applications'
    }
    const folder = subfolder === null ? owner : `${owner}/${subfolder}`;
    const outDir = join(outRoot, ...folder.split('/'));
    mkdirSync(outDir, { recursive: true });
    folders.add(folder);
    for (const [name, artefact] of Object.entries(contracts)) {
      if (subfolder === null) {
        writeFileSync(join(outDir, `${name}.abi.json`), JSON.stringify(artefact.abi, null, 2) + '\n');
      }
      if (artefact.evm.bytecode.object.length > 0) {
        writeFileSync(join(outDir, `${name}.bin`), artefact.evm.bytecode.object + '\n'); // interfaces have none
      }
      written++;
    }
  }
}
console.log(`solc ${solc.version()}: ${written} contracts (cancun and shanghai) written to ${[...folders].sort().join(', ')} below ${outRoot}`);
