// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

// The marketplace's own custom errors beside the shared ones; the SDK turns an error's name into the chaincode's
// code in snake case (VersionNotNewer is version_not_newer), so refusals read the same on every ledger.

/// @notice A version does not go above the app's latest, or an update does not go above the installed version.
error VersionNotNewer(string reason);
/// @notice The app does not run on the device's type.
error UnsupportedDeviceType(string reason);
/// @notice A device report's counter is not above the device's last one.
error ReportReplayed(string reason);
/// @notice The subscription is not paid for the current block time.
error SubscriptionLapsed(string reason);
/// @notice The installation's payment model has no periods to renew.
error NotSubscription(string reason);
/// @notice The pricing names no payment model of the marketplace.
error UnknownPaymentModel(string reason);
/// @notice A device report is not signed by the device's key.
error InvalidSignature(string reason);
