// The reference client of the Ethereum side-by-side benchmark: ethers v6 (pinned in tools/) sends the
// same contract call as ValueChain's driver to the same anvil. Prints one JSON line of timings.
//   node send-bench.mjs <rpc-url> <private-key> <contract> <abi.json> calls|pipelined|sequential|partchain <count>
//   calls: <count> view calls counter() (eth_call) at once, as the provider batches them by default.
//   node send-bench.mjs … partchain <count> <id-prefix>: <count> parts, one registerParts call each, pipelined.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(resolve(here, '..', '..', 'tools', 'node_modules'), 'ethers', 'package.json'));
const { ethers } = require('ethers');

const [rpc, key, address, abiPath, mode, countText, prefix = 'E'] = process.argv.slice(2);
const count = Number(countText);
const provider = new ethers.JsonRpcProvider(rpc, undefined, { staticNetwork: true });
const wallet = new ethers.Wallet(key, provider);
// ethers caches eth_getTransactionCount for 250 ms, so back-to-back sends from a bare Wallet reuse a
// nonce; its NonceManager is the documented remedy and counts locally, as ValueChain's sender does.
const signer = new ethers.NonceManager(wallet);
const contract = new ethers.Contract(address, JSON.parse(readFileSync(abiPath, 'utf8')), signer);

const now = () => Number(process.hrtime.bigint()) / 1e6;
if (mode === 'partchain') {
  const location = { latitude: 48783300, longitude: 9180000, site: 'Werk' };
  const start = now();
  const sent = await Promise.all(Array.from({ length: count }, (_, i) =>
    contract.registerParts([{ partId: `${prefix}-${i}`, partNumber: 'BRK-330', batchNumber: 'B-1', kind: 1 }], location)));
  const receipts = await Promise.all(sent.map(tx => tx.wait()));
  const seconds = (now() - start) / 1000;
  if (receipts.some(r => r.status !== 1)) throw new Error('a call failed');
  console.log(JSON.stringify({ mode, count, seconds }));
} else if (mode === 'calls') {
  const start = now();
  const values = await Promise.all(Array.from({ length: count }, () => contract.counter()));
  const seconds = (now() - start) / 1000;
  if (values.length !== count) throw new Error('a call failed');
  console.log(JSON.stringify({ mode, count, seconds }));
} else if (mode === 'pipelined') {
  const start = now();
  const sent = await Promise.all(Array.from({ length: count }, () => contract.increment()));
  const receipts = await Promise.all(sent.map(tx => tx.wait()));
  const seconds = (now() - start) / 1000;
  if (receipts.some(r => r.status !== 1)) throw new Error('a call failed');
  console.log(JSON.stringify({ mode, count, seconds }));
} else {
  const perCall = [];
  for (let i = 0; i < count; i++) {
    const start = now();
    const tx = await contract.increment();
    const receipt = await tx.wait();
    perCall.push(now() - start);
    if (receipt.status !== 1) throw new Error('a call failed');
  }
  console.log(JSON.stringify({ mode, count, perCallMs: perCall }));
}
provider.destroy();
