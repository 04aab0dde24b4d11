// The reference client of the Fabric side-by-side benchmark: Hyperledger's official Node client
// @hyperledger/fabric-gateway (pinned in tools/) submits the same chaincode call as ValueChain's FabricClient,
// through the Fabric Gateway service of one peer (which endorses as the chaincode's policy needs, orders and
// reports the commit status). Prints one JSON line: {"latenciesMs":[…],"seconds":…,"count":…}.
//   node submit-bench.mjs <config.json> sequential|inflight <count> <in-flight> <id-prefix>
// config.json: { peer, tlsRoot, hostName, clientCertificate, clientKey, mspId, certificate, key, channel,
//                chaincode, function, argumentsTemplate }   (argumentsTemplate: the JSON arguments with {ID})
//   sequential: <count> submits one after the other, each waited for until committed.
//   inflight:   <count> submits with <in-flight> outstanding at any time.
import { readFileSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(resolve(here, '..', '..', 'tools', 'node_modules'), 'package.json'));
const grpc = require('@grpc/grpc-js');
const { connect, hash, signers } = require('@hyperledger/fabric-gateway');

const [configPath, mode, countText, inFlightText, prefix] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const count = Number(countText);
const inFlight = Number(inFlightText);

// Mutual TLS, as the peers require client certificates.
const credentials = grpc.credentials.createSsl(readFileSync(config.tlsRoot), readFileSync(config.clientKey), readFileSync(config.clientCertificate));
const client = new grpc.Client(config.peer, credentials, { 'grpc.ssl_target_name_override': config.hostName });
const gateway = connect({
  client,
  identity: { mspId: config.mspId, credentials: readFileSync(config.certificate) },
  signer: signers.newPrivateKeySigner(createPrivateKey(readFileSync(config.key))),
  hash: hash.sha256,
  endorseOptions: () => ({ deadline: Date.now() + 30000 }),
  submitOptions: () => ({ deadline: Date.now() + 30000 }),
  commitStatusOptions: () => ({ deadline: Date.now() + 60000 }),
});
const contract = gateway.getNetwork(config.channel).getContract(config.chaincode);
const submit = id => contract.submitTransaction(config.function, config.argumentsTemplate.replaceAll('{ID}', id));

const now = () => Number(process.hrtime.bigint()) / 1e6;
const latencies = [];
const timed = async id => {
  const start = now();
  await submit(id);
  latencies.push(now() - start);
};

try {
  const start = now();
  if (mode === 'sequential') {
    for (let i = 0; i < count; i++) {
      await timed(`${prefix}-${i}`);
    }
  } else {
    let next = 0;
    const worker = async () => {
      while (next < count) {
        await timed(`${prefix}-${next++}`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
  }

  console.log(JSON.stringify({ latenciesMs: latencies, seconds: (now() - start) / 1000, count }));
} finally {
  gateway.close();
  client.close();
}
