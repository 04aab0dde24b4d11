// Reads a CAR v1 with @ipld/car, checks every block against its CID, and exports its single root
// as a file with the JavaScript reference exporter.
// Usage (run from tools/): read-car.mjs <car> <output>. Prints the root CID.
import fs from 'node:fs'
import { CarReader } from '@ipld/car/reader'
import { exporter } from 'ipfs-unixfs-exporter'
import { sha256 } from 'multiformats/hashes/sha2'
import { equals } from 'multiformats/bytes'

const [carPath, output] = process.argv.slice(process.argv.length - 2)
const reader = await CarReader.fromBytes(fs.readFileSync(carPath))
const roots = await reader.getRoots()
if (roots.length !== 1) throw new Error(`expected one root, the CAR names ${roots.length}`)
for await (const { cid, bytes } of reader.blocks()) {
  const digest = await sha256.digest(bytes)
  if (!equals(digest.digest, cid.multihash.digest)) throw new Error(`block ${cid} does not match its CID`)
}
const blockstore = {
  async * get (cid) {
    const block = await reader.get(cid)
    if (block == null) throw new Error(`block ${cid} is missing from the CAR`)
    yield block.bytes
  }
}
const entry = await exporter(roots[0], blockstore)
const file = fs.createWriteStream(output)
for await (const chunk of entry.content()) { if (!file.write(chunk)) await new Promise(r => file.once('drain', r)) }
file.end()
await new Promise(r => file.once('finish', r))
console.log(roots[0].toString())
