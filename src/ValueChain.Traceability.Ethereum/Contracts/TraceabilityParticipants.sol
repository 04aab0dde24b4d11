// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Unauthorized, InvalidFormat, Conflict, NotFound} from "./TraceabilityErrors.sol";

/// @title TraceabilityParticipants
/// @notice Traceability's membership, as the reference chaincode (TraceabilityChaincode.Participants): participants
/// join by invitation, which takes effect when `invitationApprovals` distinct admins approved it; roles OEM,
/// supplier, LSP plus the network-admin right; a revoked participant can no longer act and its records stay;
/// an admin cannot revoke itself. The parts, orders and deliveries of Traceability build on it.
abstract contract TraceabilityParticipants {
    /// @notice Roles, numbered as the SDK's ParticipantRole.
    uint8 internal constant OEM = 1;
    uint8 internal constant SUPPLIER = 2;
    uint8 internal constant LSP = 3;
    /// @notice Invitation statuses, numbered as the SDK's InvitationStatus.
    uint8 internal constant PENDING = 1;
    uint8 internal constant ACCEPTED = 2;

    struct Participant {
        address account;
        string name;
        uint8 role;
        bool isAdmin;
        uint64 joinedAt;
        uint64 revokedAt; // 0 while active
    }

    struct Invitation {
        address invitee;
        string name;
        uint8 role;
        bool grantAdmin;
        address invitedBy;
        address[] approvals;
        uint8 status;
    }

    uint32 public immutable invitationApprovals;
    mapping(address account => Participant) internal _participants;
    mapping(address invitee => Invitation) private _invitations;

    event ParticipantInvited(address indexed invitee, address indexed invitedBy, uint8 role, bool grantAdmin, string name);
    event InvitationApproved(address indexed invitee, address indexed admin, uint256 approvals);
    event ParticipantJoined(address indexed account, uint8 role, bool isAdmin, string name);
    event ParticipantRevoked(address indexed account, address indexed admin);

    constructor(Participant[] memory genesis, uint32 invitationApprovals_) {
        if (invitationApprovals_ < 1) revert InvalidFormat("invitationApprovals must be at least 1");
        bool hasAdmin = false;
        for (uint256 i = 0; i < genesis.length; i++) {
            Participant memory p = genesis[i];
            _requireValid(p.account, p.name, p.role);
            if (_participants[p.account].account != address(0)) revert Conflict("a genesis participant appears twice");
            _participants[p.account] = Participant(p.account, p.name, p.role, p.isAdmin, uint64(block.timestamp), 0);
            hasAdmin = hasAdmin || p.isAdmin;
            emit ParticipantJoined(p.account, p.role, p.isAdmin, p.name);
        }
        if (!hasAdmin) revert InvalidFormat("the genesis participants need at least one admin, who can then invite the others");
        invitationApprovals = invitationApprovals_;
    }

    /// @notice The participant `account` (zero account: not a participant).
    function participant(address account) external view returns (Participant memory) {
        return _participants[account];
    }

    /// @notice The invitation of `invitee` (status 0: none).
    function invitation(address invitee) external view returns (Invitation memory) {
        return _invitations[invitee];
    }

    /// @notice An admin invites `invitee` with `name`, `role` and optionally the admin right, counting as its first approval.
    function invite(address invitee, string calldata name, uint8 role, bool grantAdmin) external {
        Participant storage admin = _admin();
        _requireValid(invitee, name, role);
        if (_participants[invitee].account != address(0) || _invitations[invitee].status != 0) {
            revert Conflict("the account is already a participant or invited");
        }
        Invitation storage created = _invitations[invitee];
        (created.invitee, created.name, created.role, created.grantAdmin, created.invitedBy, created.status) =
            (invitee, name, role, grantAdmin, admin.account, PENDING);
        created.approvals.push(admin.account);
        emit ParticipantInvited(invitee, admin.account, role, grantAdmin, name);
        _acceptWhenApproved(created);
    }

    /// @notice Another admin approves the invitation of `invitee`; with enough distinct approvals the invitee joins.
    function approveInvitation(address invitee) external {
        Participant storage admin = _admin();
        Invitation storage pending = _invitations[invitee];
        if (pending.status == 0) revert NotFound("the account has no invitation");
        if (pending.status != PENDING) revert Conflict("the invitation was already accepted");
        for (uint256 i = 0; i < pending.approvals.length; i++) {
            if (pending.approvals[i] == admin.account) revert Conflict("approvals must come from distinct admins");
        }
        pending.approvals.push(admin.account);
        emit InvitationApproved(invitee, admin.account, pending.approvals.length);
        _acceptWhenApproved(pending);
    }

    /// @notice An admin revokes `account`; its record is kept with the revocation time.
    function revoke(address account) external {
        Participant storage admin = _admin();
        if (account == admin.account) revert Conflict("an admin cannot revoke itself");
        Participant storage target = _participants[account];
        if (target.account == address(0)) revert NotFound("the account is not a participant");
        if (target.revokedAt != 0) revert Conflict("the participant is already revoked");
        target.revokedAt = uint64(block.timestamp);
        emit ParticipantRevoked(account, admin.account);
    }

    /// @notice The caller as an active participant with one of `roles` (any role when empty).
    function _caller(uint8[] memory roles) internal view returns (Participant storage p) {
        p = _participants[msg.sender];
        if (p.account == address(0)) revert Unauthorized(msg.sender, "not a Traceability participant");
        if (p.revokedAt != 0) revert Unauthorized(msg.sender, "revoked");
        if (roles.length == 0) return p;
        for (uint256 i = 0; i < roles.length; i++) {
            if (roles[i] == p.role) return p;
        }
        revert Unauthorized(msg.sender, "this needs another role");
    }

    /// @notice Reverts unless `account` is an active participant: restricted reads are for participants only.
    function _requireParticipant(address account) internal view {
        Participant storage p = _participants[account];
        if (p.account == address(0)) revert Unauthorized(account, "not a Traceability participant");
        if (p.revokedAt != 0) revert Unauthorized(account, "revoked");
    }

    function _admin() internal view returns (Participant storage p) {
        p = _caller(new uint8[](0));
        if (!p.isAdmin) revert Unauthorized(msg.sender, "not an admin");
    }

    function _acceptWhenApproved(Invitation storage pending) private {
        if (pending.approvals.length < invitationApprovals) return;
        pending.status = ACCEPTED;
        _participants[pending.invitee] =
            Participant(pending.invitee, pending.name, pending.role, pending.grantAdmin, uint64(block.timestamp), 0);
        emit ParticipantJoined(pending.invitee, pending.role, pending.grantAdmin, pending.name);
    }

    function _requireValid(address account, string memory name, uint8 role) private pure {
        if (account == address(0) || bytes(name).length == 0 || bytes(name).length > 200 || role < OEM || role > LSP) {
            revert InvalidFormat("a participant needs an address, a name of 1 to 200 characters and a role (1 OEM, 2 supplier, 3 LSP)");
        }
    }
}
