// Imports a file with the JavaScript reference importer and writes its DAG as a CAR v1.
// Usage (run from tools/, where the pinned packages live): write-car.mjs <input> <car> <cidVersion> <rawLeaves> <chunkSize> <maxLinks>
// Prints the root CID.
import fs from 'node:fs'
import { importer } from 'ipfs-unixfs-importer'
import { fixedSize } from 'ipfs-unixfs-importer/chunker'
import { balanced } from 'ipfs-unixfs-importer/layout'
import { CarWriter } from '@ipld/car/writer'

const [input, carPath, cidVersion, rawLeaves, chunkSize, maxLinks] = process.argv.slice(process.argv.length - 6)
const blocks = new Map()
const order = []
const blockstore = {
  put: async (cid, bytes) => {
    const key = cid.toString()
    if (!blocks.has(key)) { blocks.set(key, { cid, bytes }); order.push(key) }
    return cid
  }
}
let root
for await (const entry of importer([{ content: fs.createReadStream(input) }], blockstore, {
  cidVersion: Number(cidVersion),
  rawLeaves: rawLeaves === 'true',
  chunker: fixedSize({ chunkSize: Number(chunkSize) }),
  layout: balanced({ maxChildrenPerNode: Number(maxLinks) }),
  wrapWithDirectory: false
})) {
  root = entry.cid
}
const { writer, out } = CarWriter.create([root])
const file = fs.createWriteStream(carPath)
const piped = (async () => { for await (const chunk of out) { if (!file.write(chunk)) await new Promise(r => file.once('drain', r)) } file.end(); await new Promise(r => file.once('finish', r)) })()
for (const key of order) await writer.put(blocks.get(key))
await writer.close()
await piped
console.log(root.toString())
