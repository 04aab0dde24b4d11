// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

// Traceability's custom errors. The SDK turns an error's name into its code in snake case, so these read
// as the embedded ledger's ErrorCodes ("unauthorized", "invalid_format", "conflict", "not_found").

/// @notice The caller is not an active participant, lacks the admin right, or has the wrong role.
error Unauthorized(address caller, string reason);
/// @notice An argument is malformed.
error InvalidFormat(string reason);
/// @notice The call conflicts with the state.
error Conflict(string reason);
/// @notice What the call names does not exist.
error NotFound(string reason);
