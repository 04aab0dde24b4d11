// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title TraceabilitySeenSet
/// @notice A set of keys in memory for the length of one call: which part ids a scan or a delivery has named
/// already. In memory rather than transient storage, so that the contracts run unchanged on chains before Cancun
/// (Shanghai-era consortium chains) and nothing outlives the call whatever path it takes. Open addressing with
/// linear probing in a table at least twice the keys it will hold, so that every probe ends at a free slot.
library TraceabilitySeenSet {
    struct Set {
        bytes32[] slots; // 0 marks a free slot; the key 0 is held by hasZero instead
        bool hasZero;
    }

    /// @notice An empty set for at most `capacity` keys.
    function withCapacity(uint256 capacity) internal pure returns (Set memory set) {
        uint256 size = 2;
        while (size < 2 * capacity) size <<= 1;
        set.slots = new bytes32[](size);
    }

    /// @notice Adds `key`; false when it was in the set already.
    function add(Set memory set, bytes32 key) internal pure returns (bool added) {
        if (key == 0) {
            added = !set.hasZero;
            set.hasZero = true;
            return added;
        }
        uint256 mask = set.slots.length - 1;
        for (uint256 i = uint256(key) & mask; ; i = (i + 1) & mask) {
            bytes32 held = set.slots[i];
            if (held == key) return false;
            if (held == 0) {
                set.slots[i] = key;
                return true;
            }
        }
    }

    /// @notice Whether `key` is in the set.
    function contains(Set memory set, bytes32 key) internal pure returns (bool found) {
        if (key == 0) return set.hasZero;
        uint256 mask = set.slots.length - 1;
        for (uint256 i = uint256(key) & mask; ; i = (i + 1) & mask) {
            bytes32 held = set.slots[i];
            if (held == key) return true;
            if (held == 0) return false;
        }
    }
}
