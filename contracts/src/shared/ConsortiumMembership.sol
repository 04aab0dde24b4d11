// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Unauthorized, InvalidFormat, Conflict, NotFound} from "./SharedErrors.sol";

/// @title ConsortiumMembership
/// @notice Consortium membership, the twin of ValueChain's C# ConsortiumMembership block: members with a
/// role (1 to `roleCount`, numbered as the application's roles) and optionally the admin right; new
/// members join by invitation, which takes effect when `requiredApprovals` distinct admins approved it
/// (the inviter first); an admin revokes a member, whose record stays, and never itself. A name is 1 to
/// 200 bytes with a byte other than space, tab, CR and LF. Applications inherit it and guard their
/// functions with `_requireCaller` and `_requireAdmin`.
abstract contract ConsortiumMembership {
    /// @notice Invitation statuses, numbered as the SDK's ConsortiumInvitationStatus (0: none).
    uint8 internal constant PENDING = 1;
    uint8 internal constant ACCEPTED = 2;

    struct Member {
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

    /// @notice How many distinct admins must approve an invitation.
    uint32 public immutable requiredApprovals;
    /// @notice The highest role number; roles are 1 to roleCount.
    uint8 public immutable roleCount;
    mapping(address account => Member) private _members;
    mapping(address invitee => Invitation) private _invitations;

    event ParticipantInvited(address indexed invitee, address indexed invitedBy, uint8 role, bool grantAdmin, string name);
    event InvitationApproved(address indexed invitee, address indexed admin, uint256 approvals);
    event ParticipantJoined(address indexed account, uint8 role, bool isAdmin, string name);
    event ParticipantRevoked(address indexed account, address indexed admin);

    constructor(Member[] memory genesis, uint32 requiredApprovals_, uint8 roleCount_) {
        if (requiredApprovals_ < 1) revert InvalidFormat("requiredApprovals must be at least 1");
        if (roleCount_ < 1) revert InvalidFormat("a consortium needs at least one role");
        requiredApprovals = requiredApprovals_;
        roleCount = roleCount_;
        bool hasAdmin = false;
        for (uint256 i = 0; i < genesis.length; i++) {
            Member memory m = genesis[i];
            _requireValid(m.account, m.name, m.role);
            if (_members[m.account].account != address(0)) revert Conflict("a genesis member appears twice");
            _members[m.account] = Member(m.account, m.name, m.role, m.isAdmin, uint64(block.timestamp), 0);
            hasAdmin = hasAdmin || m.isAdmin;
            emit ParticipantJoined(m.account, m.role, m.isAdmin, m.name);
        }
        if (!hasAdmin) revert InvalidFormat("the genesis members need at least one admin, who can then invite the others");
    }

    /// @notice The member `account`, active or revoked (account 0 when it never joined).
    /// @param account The member's address.
    /// @return The record.
    function member(address account) external view returns (Member memory) {
        return _members[account];
    }

    /// @notice The invitation of `invitee` (status 0 when there is none).
    /// @param invitee The invited address.
    /// @return The invitation with its approvals.
    function invitation(address invitee) external view returns (Invitation memory) {
        return _invitations[invitee];
    }

    /// @notice Whether `account` is an active member.
    /// @param account The address asked about.
    /// @return True for an active member.
    function isActiveMember(address account) public view returns (bool) {
        Member storage m = _members[account];
        return m.account != address(0) && m.revokedAt == 0;
    }

    /// @notice Whether `account` is an active member with the admin right.
    /// @param account The address asked about.
    /// @return True for an active admin.
    function isActiveAdmin(address account) public view returns (bool) {
        return isActiveMember(account) && _members[account].isAdmin;
    }

    /// @notice The calling admin invites `invitee`; with one required approval it joins at once.
    /// @param invitee The address invited, not a member or invited already.
    /// @param name Its name, 1 to 200 bytes.
    /// @param role Its role, 1 to roleCount.
    /// @param grantAdmin Whether it will hold the admin right.
    function invite(address invitee, string calldata name, uint8 role, bool grantAdmin) public virtual {
        Member storage admin = _requireAdmin();
        _requireValid(invitee, name, role);
        if (_members[invitee].account != address(0) || _invitations[invitee].status != 0) {
            revert Conflict("the account is already a member or invited");
        }
        Invitation storage created = _invitations[invitee];
        (created.invitee, created.name, created.role, created.grantAdmin, created.invitedBy, created.status) =
            (invitee, name, role, grantAdmin, admin.account, PENDING);
        created.approvals.push(admin.account);
        emit ParticipantInvited(invitee, admin.account, role, grantAdmin, name);
        _acceptWhenApproved(created);
    }

    /// @notice The calling admin approves the pending invitation of `invitee`; the last required approval makes it a member.
    /// @param invitee The invited address.
    function approveInvitation(address invitee) public virtual {
        Member storage admin = _requireAdmin();
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

    /// @notice The calling admin revokes `account`; its record stays with the revocation time.
    /// @param account The member to revoke, not the caller.
    function revoke(address account) public virtual {
        Member storage admin = _requireAdmin();
        if (account == admin.account) revert Conflict("an admin cannot revoke itself");
        Member storage target = _members[account];
        if (target.account == address(0)) revert NotFound("the account is not a member");
        if (target.revokedAt != 0) revert Conflict("the member is already revoked");
        target.revokedAt = uint64(block.timestamp);
        emit ParticipantRevoked(account, admin.account);
    }

    /// @notice The caller as an active member with one of `roles` (any role when empty).
    function _requireCaller(uint8[] memory roles) internal view returns (Member storage m) {
        m = _members[msg.sender];
        if (m.account == address(0)) revert Unauthorized(msg.sender, "not a member of the consortium");
        if (m.revokedAt != 0) revert Unauthorized(msg.sender, "revoked");
        if (roles.length == 0) return m;
        for (uint256 i = 0; i < roles.length; i++) {
            if (roles[i] == m.role) return m;
        }
        revert Unauthorized(msg.sender, "this needs another role");
    }

    /// @notice The caller as an active member with the admin right.
    function _requireAdmin() internal view returns (Member storage m) {
        m = _requireCaller(new uint8[](0));
        if (!m.isAdmin) revert Unauthorized(msg.sender, "not an admin");
    }

    function _acceptWhenApproved(Invitation storage pending) private {
        if (pending.approvals.length < requiredApprovals) return;
        pending.status = ACCEPTED;
        _members[pending.invitee] = Member(pending.invitee, pending.name, pending.role, pending.grantAdmin, uint64(block.timestamp), 0);
        emit ParticipantJoined(pending.invitee, pending.role, pending.grantAdmin, pending.name);
        _afterJoin(pending);
    }

    /// @notice Called in the transaction in which an invitation is accepted, after the invitee became a member:
    /// where an application attaches what it keeps beside the member (a company, say). Does nothing by default.
    /// @param accepted The invitation just accepted.
    function _afterJoin(Invitation storage accepted) internal virtual {}

    function _requireValid(address account, string memory name, uint8 role) private view {
        if (account == address(0) || !_isValidName(bytes(name)) || role < 1 || role > roleCount) {
            revert InvalidFormat("a member needs a non-zero address, a name of 1 to 200 bytes and a role from 1 to roleCount");
        }
    }

    function _isValidName(bytes memory name) private pure returns (bool) {
        if (name.length == 0 || name.length > 200) return false;
        for (uint256 i = 0; i < name.length; i++) {
            bytes1 b = name[i];
            if (b != 0x20 && b != 0x09 && b != 0x0d && b != 0x0a) return true;
        }
        return false;
    }
}
