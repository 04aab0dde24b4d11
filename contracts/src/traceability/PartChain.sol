// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {PartChainParticipants} from "./PartChainParticipants.sol";
import {PartChainParts} from "./PartChainParts.sol";

/// @title PartChain
/// @notice The traceability application on Ethereum. So far its membership (PartChainParticipants) and parts
/// (PartChainParts: registration, scans, lookups); assemblies, orders, deliveries and handovers follow (issue 7).
contract PartChain is PartChainParts {
    constructor(Participant[] memory genesis, uint32 invitationApprovals_) PartChainParticipants(genesis, invitationApprovals_) {}
}
