// A third-party client of our gateway: fetches <cid> as a CAR (format=car and the Accept header),
// checks the response's content type, verifies every block against its CID with @ipld/car and
// multiformats, trusting nothing the gateway says (the root is the CID asked for, not the CAR's
// header), reads the file with the reference exporter, and checks the root's raw block too.
// Usage (run from tools/): fetch-from-gateway.mjs <gateway base URL> <cid> <output>. Prints the root.
import fs from 'node:fs'
import { CarReader } from '@ipld/car/reader'
import { exporter } from 'ipfs-unixfs-exporter'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { equals } from 'multiformats/bytes'

const [base, cidText, output] = process.argv.slice(process.argv.length - 3)
const root = CID.parse(cidText)
const verified = async (cid, bytes) => {
  if (cid.multihash.code === 0) return equals(cid.multihash.digest, bytes)
  if (cid.multihash.code !== sha256.code) throw new Error(`unexpected hash in ${cid}`)
  return equals((await sha256.digest(bytes)).digest, cid.multihash.digest)
}

const car = await fetch(new URL(`ipfs/${cidText}?format=car`, base), { headers: { accept: 'application/vnd.ipld.car; version=1; order=dfs; dups=n' } })
if (car.status !== 200) throw new Error(`CAR request answered ${car.status}: ${await car.text()}`)
const type = car.headers.get('content-type')
if (!type.startsWith('application/vnd.ipld.car') || !type.includes('version=1')) throw new Error(`CAR served as ${type}`)
const reader = await CarReader.fromBytes(new Uint8Array(await car.arrayBuffer()))
const blocks = new Map()
for await (const { cid, bytes } of reader.blocks()) {
  if (!(await verified(cid, bytes))) throw new Error(`block ${cid} does not match its CID`)
  blocks.set(Buffer.from(cid.multihash.bytes).toString('hex'), bytes)
}
const blockstore = {
  async * get (cid) {
    const bytes = blocks.get(Buffer.from(cid.multihash.bytes).toString('hex'))
    if (bytes == null) throw new Error(`block ${cid} is missing from the gateway's CAR`)
    yield bytes
  }
}
const entry = await exporter(root, blockstore)
const file = fs.createWriteStream(output)
for await (const chunk of entry.content()) { if (!file.write(chunk)) await new Promise(r => file.once('drain', r)) }
file.end()
await new Promise(r => file.once('finish', r))

const raw = await fetch(new URL(`ipfs/${cidText}`, base), { headers: { accept: 'application/vnd.ipld.raw' } })
if (raw.status !== 200 || raw.headers.get('content-type') !== 'application/vnd.ipld.raw') throw new Error(`raw request answered ${raw.status} ${raw.headers.get('content-type')}`)
if (!(await verified(root, new Uint8Array(await raw.arrayBuffer())))) throw new Error(`the raw block of ${root} does not match its CID`)
console.log(root.toString())
