// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title IProcurementMembers
/// @notice What the token and the market read of the marketplace's members: users with a role (numbered as the
/// SDK's ProcurementRole: 1 MarketplaceAdmin, 2 Admin, 3 Buyer, 4 Supplier, 5 ServiceEngineer) in a company.
interface IProcurementMembers {
    /// @notice Whether `account` is an active user with `role` (any role when 0) of a company still in the marketplace.
    /// @param account The user's address.
    /// @param role The role asked for, or 0.
    /// @return True when it is.
    function isActiveUser(address account, uint8 role) external view returns (bool);

    /// @notice The company of an active user of an active company ("" otherwise).
    /// @param account The user's address.
    /// @return The company's id.
    function activeCompanyOf(address account) external view returns (string memory);

    /// @notice Whether `account` is an active member, whatever the state of its company.
    /// @param account The address.
    /// @return True when it is.
    function isActiveMember(address account) external view returns (bool);

    /// @notice The company of a member ("" when it has none).
    /// @param account The member.
    /// @return The company's id.
    function companyOf(address account) external view returns (string memory);

    /// @notice Whether the company `companyId` is in the marketplace and not removed.
    /// @param companyId The company's id.
    /// @return True when it is.
    function isActiveCompany(string memory companyId) external view returns (bool);
}
