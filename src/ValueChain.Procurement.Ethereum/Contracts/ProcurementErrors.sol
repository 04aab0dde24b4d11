// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

// The marketplace's own custom errors beside the shared ones; the SDK turns an error's name into the chaincode's
// code in snake case (FrozenField is frozen_field, as ProcurementErrorCodes), so refusals read the same on every ledger.

/// @notice A quotation revision tried to change a field other than the price and the validity window.
error FrozenField(string reason);
/// @notice The named quotation version was superseded by a later one.
error SupersededQuotation(string reason);
/// @notice The quotation is not approved for the ordering machine's company.
error NotApproved(string reason);
/// @notice The quotation is not valid at the block time of the order.
error QuotationNotValid(string reason);
/// @notice The quotation is for another material than the one ordered.
error WrongMaterial(string reason);
