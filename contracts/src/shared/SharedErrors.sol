// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

// The custom errors of the shared building blocks. The SDK turns an error's name into its code in snake
// case (InsufficientBalance → "insufficient_balance"), so these read as ValueChain's ErrorCodes, the codes
// the C# blocks in ValueChain.Chaincode fail with.

/// @notice The caller may not do this (no active member, the wrong role, no admin, no minter).
error Unauthorized(address caller, string reason);
/// @notice An argument is malformed (a zero address, a zero amount, a name or role out of range).
error InvalidFormat(string reason);
/// @notice The call conflicts with the state (invited already, closed already, supply overflow).
error Conflict(string reason);
/// @notice What the call names does not exist.
error NotFound(string reason);
/// @notice The owner holds less than the amount.
error InsufficientBalance(address owner, uint256 balance, uint256 needed);
/// @notice The spender may move less than the amount.
error InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
/// @notice A deadline in ledger time has not passed yet.
error DeadlineNotReached(bytes32 id, uint64 deadline, uint64 time);
