// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ConsortiumMembership} from "../../../contracts/src/shared/ConsortiumMembership.sol";
import {Unauthorized, InvalidFormat, Conflict, NotFound} from "../../../contracts/src/shared/SharedErrors.sol";

/// @notice What the members read of the market: whether an address is a machine's key.
interface IProcurementMachineKeys {
    /// @notice The id of the machine whose key is `key` ("" when none).
    /// @param key The address.
    /// @return The machine's id.
    function machineOfKey(address key) external view returns (string memory);
}

/// @title ProcurementMembers
/// @notice The marketplace's users and companies, the twin of ProcurementChaincode's: the shared consortium
/// membership with the roles of ProcurementRole (marketplace admins and company admins hold its admin right), each
/// user in one company. A user is invited into a company (`inviteToCompany`); a company new to the marketplace
/// joins with the acceptance of its first user, whom only a marketplace admin invites; company admins invite,
/// approve and revoke within their own company; marketplace admins remove companies (never their own). The token
/// and the market read it through IProcurementMembers.
contract ProcurementMembers is ConsortiumMembership {
    uint8 internal constant MARKETPLACE_ADMIN = 1;
    uint8 internal constant ADMIN = 2;

    struct Company {
        string companyId;
        string name;
        uint64 joinedAt;
        uint64 removedAt; // 0 while in the marketplace
    }

    struct GenesisUser {
        address account;
        string companyId;
    }

    struct InvitedCompany {
        string companyId;
        string companyName; // "" when the company is in the marketplace already
    }

    address private immutable _deployer;
    /// @notice The market, whose machine keys cannot be invited.
    IProcurementMachineKeys public market;
    mapping(string companyId => Company) private _companies;
    mapping(address account => string) private _userCompanies;
    mapping(address invitee => InvitedCompany) private _invitedCompanies;

    event CompanyJoined(string companyId);
    event CompanyRemoved(string companyId);

    /// @param genesis The genesis users.
    /// @param companies The genesis companies (joined at 0).
    /// @param users The company of each genesis user.
    /// @param requiredApprovals_ How many distinct admins approve an invitation.
    constructor(Member[] memory genesis, Company[] memory companies, GenesisUser[] memory users, uint32 requiredApprovals_)
        ConsortiumMembership(genesis, requiredApprovals_, 5)
    {
        _deployer = msg.sender;
        for (uint256 i = 0; i < companies.length; i++) {
            _companies[companies[i].companyId] = Company(companies[i].companyId, companies[i].name, 0, 0);
        }
        for (uint256 i = 0; i < users.length; i++) {
            _userCompanies[users[i].account] = users[i].companyId;
        }
    }

    /// @notice The deployer names the market once.
    /// @param market_ The market contract.
    function setMarket(IProcurementMachineKeys market_) external {
        if (msg.sender != _deployer || address(market) != address(0)) revert Unauthorized(msg.sender, "only the deployer sets the market, once");
        market = market_;
    }

    /// @notice Invitations name a company: use `inviteToCompany`.
    function invite(address, string calldata, uint8, bool) public pure override {
        revert InvalidFormat("companyId: a user is invited into a company; call inviteToCompany");
    }

    /// @notice An admin invites `invitee` into a company; a company new to the marketplace needs a name and a
    /// marketplace admin. Marketplace admins and company admins receive the admin right.
    /// @param invitee The invited address, not a member, invited or a machine's key.
    /// @param name Its name.
    /// @param role Its role (ProcurementRole).
    /// @param companyId Its company.
    /// @param companyName The name of a new company ("" for an existing one).
    function inviteToCompany(address invitee, string calldata name, uint8 role, string calldata companyId, string calldata companyName) external {
        (Member storage admin, string storage adminCompany) = _adminCaller();
        _requireId(companyId);
        if (role < 1 || role > roleCount) revert InvalidFormat("role: not a role; use MarketplaceAdmin, Admin, Buyer, Supplier or ServiceEngineer");
        bool marketplaceAdmin = admin.role == MARKETPLACE_ADMIN;
        if (role == MARKETPLACE_ADMIN && !marketplaceAdmin) revert Unauthorized(msg.sender, "only marketplace admins invite marketplace admins");
        Company storage existing = _companies[companyId];
        if (bytes(existing.companyId).length == 0) {
            if (!marketplaceAdmin) revert Unauthorized(msg.sender, "the company is not in the marketplace; only marketplace admins bring in companies");
            if (bytes(companyName).length == 0 || bytes(companyName).length > 200) revert InvalidFormat("companyName: a new company needs a name of 1 to 200 UTF-8 bytes");
        } else if (existing.removedAt != 0) {
            revert Conflict("the company was removed from the marketplace");
        } else if (!marketplaceAdmin && !_same(companyId, adminCompany)) {
            revert Unauthorized(msg.sender, "a company admin invites into its own company only");
        }
        if (address(market) != address(0) && bytes(market.machineOfKey(invitee)).length != 0) {
            revert Conflict("the address is a machine's key; machines are registered by service engineers, not invited");
        }
        _invitedCompanies[invitee] = InvitedCompany(companyId, bytes(existing.companyId).length == 0 ? companyName : "");
        super.invite(invitee, name, role, role == MARKETPLACE_ADMIN || role == ADMIN);
    }

    /// @notice An admin of an active company approves a pending invitation.
    /// @param invitee The invited address.
    function approveInvitation(address invitee) public override {
        _adminCaller();
        super.approveInvitation(invitee);
    }

    /// @notice An admin revokes a user; a company admin only users of its own company.
    /// @param account The user.
    function revoke(address account) public override {
        (Member storage admin, string storage adminCompany) = _adminCaller();
        string storage target = _userCompanies[account];
        if (admin.role == ADMIN && bytes(target).length != 0 && !_same(target, adminCompany)) {
            revert Unauthorized(msg.sender, "a company admin revokes users of its own company only");
        }
        super.revoke(account);
    }

    /// @notice A marketplace admin removes another company from the marketplace.
    /// @param companyId The company.
    function removeCompany(string calldata companyId) external {
        (, string storage adminCompany) = _caller(MARKETPLACE_ADMIN, MARKETPLACE_ADMIN);
        _requireId(companyId);
        Company storage removed = _companies[companyId];
        if (bytes(removed.companyId).length == 0) revert NotFound("there is no such company");
        if (removed.removedAt != 0) revert Conflict("the company is already removed");
        if (_same(companyId, adminCompany)) revert Conflict("a marketplace admin cannot remove its own company, so that the marketplace keeps an admin");
        removed.removedAt = uint64(block.timestamp);
        emit CompanyRemoved(companyId);
    }

    /// @notice A company (id "" when there is none).
    /// @param companyId The company.
    /// @return The record.
    function company(string calldata companyId) external view returns (Company memory) {
        return _companies[companyId];
    }

    /// @notice The company of a member ("" when it has none).
    /// @param account The member.
    /// @return The company's id.
    function companyOf(address account) public view returns (string memory) {
        return _userCompanies[account];
    }

    /// @notice The company an invitee is invited into.
    /// @param invitee The invitee.
    /// @return The company and, for a new company, its name.
    function invitedCompany(address invitee) external view returns (InvitedCompany memory) {
        return _invitedCompanies[invitee];
    }

    /// @notice Whether `account` is an active user with `role` (any role when 0) of a company still in the marketplace.
    /// @param account The user's address.
    /// @param role The role asked for, or 0.
    /// @return True when it is.
    function isActiveUser(address account, uint8 role) public view returns (bool) {
        return isActiveMember(account) && (role == 0 || this.member(account).role == role) && isActiveCompany(_userCompanies[account]);
    }

    /// @notice The company of an active user of an active company ("" otherwise).
    /// @param account The user's address.
    /// @return The company's id.
    function activeCompanyOf(address account) external view returns (string memory) {
        return isActiveUser(account, 0) ? _userCompanies[account] : "";
    }

    /// @notice Whether the company `companyId` is in the marketplace and not removed.
    /// @param companyId The company's id.
    /// @return True when it is.
    function isActiveCompany(string memory companyId) public view returns (bool) {
        Company storage c = _companies[companyId];
        return bytes(c.companyId).length != 0 && c.removedAt == 0;
    }

    function _afterJoin(Invitation storage accepted) internal override {
        InvitedCompany storage invited = _invitedCompanies[accepted.invitee];
        Company storage c = _companies[invited.companyId];
        if (bytes(c.companyId).length == 0) {
            _companies[invited.companyId] = Company(invited.companyId, invited.companyName, uint64(block.timestamp), 0);
            emit CompanyJoined(invited.companyId);
        } else if (c.removedAt != 0) {
            revert Conflict("the company was removed from the marketplace while the invitation was pending");
        }
        _userCompanies[accepted.invitee] = invited.companyId;
    }

    function _adminCaller() private view returns (Member storage m, string storage companyId) {
        return _caller(MARKETPLACE_ADMIN, ADMIN);
    }

    function _caller(uint8 roleA, uint8 roleB) private view returns (Member storage m, string storage companyId) {
        uint8[] memory roles = new uint8[](2);
        (roles[0], roles[1]) = (roleA, roleB);
        m = _requireCaller(roles);
        companyId = _userCompanies[m.account];
        if (!isActiveCompany(companyId)) revert Unauthorized(msg.sender, "the caller's company was removed from the marketplace");
    }

    function _requireId(string memory id) private pure {
        bytes memory b = bytes(id);
        bool valid = b.length >= 1 && b.length <= 64;
        for (uint256 i = 0; valid && i < b.length; i++) {
            valid = uint8(b[i]) > 0x20 && uint8(b[i]) != 0x7f;
        }
        if (!valid) revert InvalidFormat("companyId: not an id; use 1 to 64 printable characters without spaces");
    }

    function _same(string memory a, string memory b) private pure returns (bool) {
        return keccak256(bytes(a)) == keccak256(bytes(b));
    }
}
