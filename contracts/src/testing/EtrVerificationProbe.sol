// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {EnergyTransferRecords} from "../../../src/ValueChain.Flexibility.Ethereum/Contracts/EnergyTransferRecords.sol";

/// @title EtrVerificationProbe
/// @notice A test contract that runs the ETR checks in the spec's order against its own whitelist and
/// nonce store, so that tests can compare them with the SDK's EtrVerifier record by record.
contract EtrVerificationProbe {
    mapping(address meter => bool) public whitelisted;
    mapping(address meter => mapping(uint256 nonce => bool)) public nonceUsed;

    function setWhitelisted(address meter, bool value) external {
        whitelisted[meter] = value;
    }

    function setNonceUsed(address meter, uint256 nonce) external {
        nonceUsed[meter][nonce] = true;
    }

    function digest(EnergyTransferRecords.Record calldata record) external view returns (bytes32) {
        return EnergyTransferRecords.digest(record, address(this));
    }

    /// @notice The first failed check (0 when none), the recovered meter and the energy to pay for.
    function verify(
        EnergyTransferRecords.Terms calldata terms,
        EnergyTransferRecords.Record calldata record,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external view returns (uint8 rejection, address meter, uint64 energyWh) {
        if (msg.sender != terms.fleetOperator) {
            return (uint8(EnergyTransferRecords.Rejection.NotFleetOperator), address(0), 0);
        }
        meter = EnergyTransferRecords.recover(EnergyTransferRecords.digest(record, address(this)), v, r, s);
        if (meter == address(0)) {
            return (uint8(EnergyTransferRecords.Rejection.InvalidSignature), address(0), 0);
        }
        EnergyTransferRecords.Rejection failed = !whitelisted[meter]
            ? EnergyTransferRecords.Rejection.MeterNotWhitelisted
            : nonceUsed[meter][record.nonce]
                ? EnergyTransferRecords.Rejection.NonceReplayed
                : EnergyTransferRecords.mismatch(terms, record);
        return (uint8(failed), meter, failed == EnergyTransferRecords.Rejection.None ? record.energyWh : 0);
    }
}
