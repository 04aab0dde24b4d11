// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

// The obstacle map's custom errors. The SDK turns an error's name into its code in snake case
// (UnknownPseudonym → "unknown_pseudonym"), so these read as the chaincode's ErrorCodes and V2VErrorCodes.

/// @notice The caller may not do this.
error Unauthorized(address caller);
/// @notice An argument is malformed; the reason names the field.
error InvalidFormat(string reason);
/// @notice The call conflicts with the state (already anchored, already excluded …).
error Conflict(string reason);
/// @notice What the call names does not exist.
error NotFound(string reason);
/// @notice The obstacle's expiry time has not passed yet.
error DeadlineNotReached(uint64 deadline);
/// @notice A batch report is not signed by its reporter.
error InvalidSignature(bytes32 digest);
/// @notice The reporting address has no certificate.
error UnknownPseudonym(address pseudonym);
/// @notice The certificate does not cover the block's time.
error PseudonymExpired(address pseudonym, uint64 validFrom, uint64 validUntil);
/// @notice The report's detection time lies outside its certificate's window.
error OutsideCertificateWindow(address pseudonym, uint64 detectedAt);
/// @notice An authority excluded the pseudonym.
error PseudonymExcluded(address pseudonym);
