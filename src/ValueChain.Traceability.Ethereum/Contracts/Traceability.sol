// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {TraceabilityParticipants} from "./TraceabilityParticipants.sol";
import {TraceabilityOrders} from "./TraceabilityOrders.sol";
import {TraceabilityCorrections} from "./TraceabilityCorrections.sol";
import {Unauthorized, Conflict} from "./TraceabilityErrors.sol";

/// @title Traceability
/// @notice The traceability application on Ethereum, rule for rule the reference chaincode: membership
/// (TraceabilityParticipants), parts and assemblies (TraceabilityParts), orders, deliveries and handovers with
/// recorded rejections (TraceabilityOrders), and ownership corrections through the TraceabilityCorrections
/// contract it creates.
contract Traceability is TraceabilityOrders {
    TraceabilityCorrections public immutable corrections;

    constructor(Participant[] memory genesis, uint32 invitationApprovals_, uint64 lateTolerance_)
        TraceabilityParticipants(genesis, invitationApprovals_)
        TraceabilityOrders(lateTolerance_)
    {
        corrections = new TraceabilityCorrections(this);
    }

    /// @notice Applies an approved ownership correction (its contract only); returns the part's status after it.
    function correctCustody(string calldata partId, address from, address to, address admin) external returns (uint8 status) {
        if (msg.sender != address(corrections)) revert Unauthorized(msg.sender, "ownership corrections only");
        bytes32 key = keccak256(bytes(partId));
        Part storage p = _parts[key];
        if (p.owner != from) revert Conflict("the part moved since the proposal");
        status = p.status == IN_TRANSIT ? ACTIVE : p.status;
        _moveTo(key, to);
        p.status = status;
        Location memory nowhere;
        emit PartEventRecorded(key, OWNERSHIP_CORRECTED, admin, false, nowhere, "", to, 0);
    }

    /// @notice The chaincode's id rule (1 to 128 UTF-16 code units, no control characters); reverts with InvalidFormat.
    function requireId(string calldata id) external pure {
        _requireId(id);
    }
}
