// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title EnergyTransferRecords
/// @notice Verification of EIP-712 energy transfer records (ETRs) signed by smart meters, exactly as the
/// SDK's EtrVerifier does it off-chain: the same typed data, the same recovery rules (the ecrecover
/// precompile's: any s in [1, n-1], v 27 or 28; a malformed signature recovers nothing) and the same
/// checks in the same order, reporting the first that fails.
library EnergyTransferRecords {
    /// @notice The signed record (domain: "ValueChain.Flexibility", version "1", chain id, payment contract).
    struct Record {
        address fleetOperator;
        uint32 deliveryDate; // days since 1970-01-01
        uint16 startSlot; // 15-minute slot of the day
        bytes32 location; // keccak256 of the location id
        uint8 direction; // 0 positive, 1 negative
        uint64 energyWh;
        uint256 nonce;
        uint64 readingTime; // unix seconds
    }

    /// @notice What an offer fixes, against which a record is checked.
    struct Terms {
        address fleetOperator;
        uint32 deliveryDate;
        uint16 startSlot;
        bytes32 location;
        uint8 direction;
        uint64 energyWh;
    }

    /// @notice The first failed check; the numbers are the SDK's EtrRejection values.
    enum Rejection {
        None,
        NotFleetOperator,
        InvalidSignature,
        MeterNotWhitelisted,
        NonceReplayed,
        DeliveryDateMismatch,
        StartSlotMismatch,
        LocationMismatch,
        DirectionMismatch,
        FleetOperatorMismatch,
        InvalidReadings
    }

    bytes32 internal constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 internal constant RECORD_TYPEHASH = keccak256(
        "Record(address fleetOperator,uint32 deliveryDate,uint16 startSlot,bytes32 location,uint8 direction,uint64 energyWh,uint256 nonce,uint64 readingTime)"
    );
    bytes32 internal constant NAME_HASH = keccak256("ValueChain.Flexibility");
    bytes32 internal constant VERSION_HASH = keccak256("1");

    /// @notice The EIP-712 digest the meter signs for `record`, bound to this chain and `verifyingContract`.
    function digest(Record memory record, address verifyingContract) internal view returns (bytes32) {
        bytes32 domain = keccak256(abi.encode(DOMAIN_TYPEHASH, NAME_HASH, VERSION_HASH, block.chainid, verifyingContract));
        bytes32 structHash = keccak256(
            abi.encode(
                RECORD_TYPEHASH,
                record.fleetOperator,
                record.deliveryDate,
                record.startSlot,
                record.location,
                record.direction,
                record.energyWh,
                record.nonce,
                record.readingTime
            )
        );
        return keccak256(abi.encodePacked("\x19\x01", domain, structHash));
    }

    /// @notice The signer of `hash`, or address(0) when the signature is malformed (the precompile's rules).
    function recover(bytes32 hash, uint8 v, bytes32 r, bytes32 s) internal pure returns (address) {
        return ecrecover(hash, v, r, s);
    }

    /// @notice The checks that need no storage, after the caller, signature, whitelist and nonce checks.
    function mismatch(Terms memory terms, Record memory record) internal pure returns (Rejection) {
        if (record.deliveryDate != terms.deliveryDate) return Rejection.DeliveryDateMismatch;
        if (record.startSlot != terms.startSlot) return Rejection.StartSlotMismatch;
        if (record.location != terms.location) return Rejection.LocationMismatch;
        if (record.direction != terms.direction) return Rejection.DirectionMismatch;
        if (record.fleetOperator != terms.fleetOperator) return Rejection.FleetOperatorMismatch;
        return Rejection.None;
    }
}
