// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {PartChainParticipants} from "./PartChainParticipants.sol";

/// @title PartChain
/// @notice The traceability application on Ethereum. So far its membership (PartChainParticipants); parts,
/// assemblies, orders, deliveries and handovers follow (issue 7).
contract PartChain is PartChainParticipants {
    constructor(Participant[] memory genesis, uint32 invitationApprovals_) PartChainParticipants(genesis, invitationApprovals_) {}
}
