// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Traceability} from "./Traceability.sol";
import {TraceabilityParticipants} from "./TraceabilityParticipants.sol";
import {TraceabilityParts} from "./TraceabilityParts.sol";
import {Unauthorized, InvalidFormat, Conflict, NotFound} from "./TraceabilityErrors.sol";

/// @title TraceabilityCorrections
/// @notice Custody moves outside an order only by an ownership correction that as many distinct admins approve
/// as an invitation needs (TraceabilityChaincode.Corrections): proposed with a reason by one admin (its approval),
/// applied at once when the approvals suffice — provided the part has not moved since the proposal. Created by
/// its Traceability, which moves custody on its word only; a contract of its own so that Traceability stays within
/// the 24 KB code limit of Ethereum mainnet.
contract TraceabilityCorrections {
    struct Correction {
        string correctionId;
        string partId;
        address from;
        address to;
        string reason;
        address[] approvals;
        bool applied;
    }

    Traceability public immutable chain;
    mapping(bytes32 correctionKey => Correction) private _corrections;

    event CorrectionProposed(string correctionId, string partId, address from, address to, uint256 approvals, bool applied);
    event OwnershipCorrected(string correctionId, string partId, address indexed from, address indexed to, uint8 status);

    constructor(Traceability chain_) {
        chain = chain_;
    }

    /// @notice An admin proposes moving part `partId` to `to` for `reason`, counting as its first approval.
    function proposeCorrection(string calldata correctionId, string calldata partId, address to, string calldata reason) external {
        _requireAdmin();
        chain.requireId(correctionId);
        chain.requireId(partId);
        _requireReason(reason);
        TraceabilityParts.Part memory p = chain.part(partId);
        if (p.registeredAt == 0) revert NotFound("the part is not registered");
        TraceabilityParticipants.Participant memory receiver = chain.participant(to);
        if (receiver.account == address(0) || receiver.revokedAt != 0 || to == p.owner) revert Conflict("new holder: an active participant, not the holder");
        Correction storage c = _corrections[keccak256(bytes(correctionId))];
        if (bytes(c.correctionId).length != 0) revert Conflict("the correction already exists");
        (c.correctionId, c.partId, c.from, c.to, c.reason) = (correctionId, partId, p.owner, to, reason);
        c.approvals.push(msg.sender);
        _applyWhenApproved(c);
    }

    /// @notice Another admin approves correction `correctionId`; with enough distinct approvals custody moves.
    function approveCorrection(string calldata correctionId) external {
        _requireAdmin();
        chain.requireId(correctionId);
        Correction storage c = _corrections[keccak256(bytes(correctionId))];
        if (bytes(c.correctionId).length == 0) revert NotFound("the correction does not exist");
        if (c.applied) revert Conflict("already applied");
        for (uint256 i = 0; i < c.approvals.length; i++) {
            if (c.approvals[i] == msg.sender) revert Conflict("already approved");
        }
        c.approvals.push(msg.sender);
        _applyWhenApproved(c);
    }

    /// @notice The correction `correctionId` with its approvals (empty id: no such correction).
    function correction(string calldata correctionId) external view returns (Correction memory) {
        return _corrections[keccak256(bytes(correctionId))];
    }

    function _applyWhenApproved(Correction storage c) private {
        if (c.approvals.length >= chain.invitationApprovals()) {
            uint8 status = chain.correctCustody(c.partId, c.from, c.to, msg.sender);
            c.applied = true;
            emit OwnershipCorrected(c.correctionId, c.partId, c.from, c.to, status);
        }
        emit CorrectionProposed(c.correctionId, c.partId, c.from, c.to, c.approvals.length, c.applied);
    }

    // An active participant with the network-admin right, as TraceabilityParticipants._admin.
    function _requireAdmin() private view {
        TraceabilityParticipants.Participant memory p = chain.participant(msg.sender);
        if (p.account == address(0)) revert Unauthorized(msg.sender, "not a Traceability participant");
        if (p.revokedAt != 0) revert Unauthorized(msg.sender, "revoked");
        if (!p.isAdmin) revert Unauthorized(msg.sender, "not an admin");
    }

    // 1 to 500 UTF-16 code units, not only white space (ASCII white space, as the chaincode's reasons are).
    function _requireReason(string calldata reason) private pure {
        bytes calldata b = bytes(reason);
        uint256 units = 0;
        bool visible = false;
        for (uint256 i = 0; i < b.length; i++) {
            uint8 c = uint8(b[i]);
            if (c < 0x80 || c >= 0xc0) units += c >= 0xf0 ? 2 : 1;
            if (c != 0x20 && (c < 0x09 || c > 0x0d)) visible = true;
        }
        if (!visible || units > 500) revert InvalidFormat("reason: 1 to 500 characters");
    }
}
