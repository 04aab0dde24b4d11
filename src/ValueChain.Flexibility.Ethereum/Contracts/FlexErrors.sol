// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

// The market's custom errors. The SDK turns an error's name into its code in snake case
// (Unauthorized → "unauthorized"), so these read as the embedded ledger's ErrorCodes and FlexErrorCodes.

/// @notice The caller may not do this (not whitelisted, or the wrong role).
error Unauthorized(address caller);
/// @notice An argument is malformed.
error InvalidFormat(string reason);
/// @notice The call conflicts with the state (already there, would remove the last verifier…).
error Conflict(string reason);
/// @notice What the call names does not exist.
error NotFound(string reason);
/// @notice The owner holds less than the amount.
error InsufficientBalance(address owner, uint256 balance, uint256 needed);
/// @notice The spender may spend less than the amount.
error InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
/// @notice The call belongs to another stage of the market (or another round).
error WrongStage(uint8 needed, uint8 current, uint64 round);
/// @notice The stage is right but its gate has closed.
error GateClosed(uint8 stage, uint64 stageEnds);
/// @notice Revealed terms do not hash to the commitment, or the market takes the other kind of offer.
error CommitmentMismatch(string reason);
/// @notice A bid below the asking price.
error BidTooLow(uint256 offerId, uint256 asking, uint256 bid);
