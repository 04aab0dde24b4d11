// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title V2VBatchTree
/// @notice The Merkle root of a batch of report digests, the twin of the SDK's ReportBatchTree: RFC 9162's shape with a
/// domain tag, leaves keccak256(0x00 ‖ DOMAIN ‖ digest), nodes keccak256(0x01 ‖ left ‖ right), split at the largest
/// power of two below the size.
library V2VBatchTree {
    bytes32 internal constant DOMAIN = keccak256("ValueChain.V2V.ReportBatch.v1");

    function root(bytes32[] memory digests) internal pure returns (bytes32) {
        return subtree(digests, 0, digests.length);
    }

    function subtree(bytes32[] memory digests, uint256 start, uint256 count) private pure returns (bytes32) {
        if (count == 1) return keccak256(abi.encodePacked(bytes1(0x00), DOMAIN, digests[start]));
        uint256 k = 1;
        while (k << 1 < count) k <<= 1;
        return keccak256(abi.encodePacked(bytes1(0x01), subtree(digests, start, k), subtree(digests, start + k, count - k)));
    }
}
