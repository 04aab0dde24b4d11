// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {TokenLedger} from "../../../contracts/src/shared/TokenLedger.sol";
import {Unauthorized} from "../../../contracts/src/shared/SharedErrors.sol";
import {IProcurementMembers} from "./IProcurementMembers.sol";

/// @title ProcurementToken
/// @notice The consortium's asset-backed token: the shared TokenLedger (ERC-20 semantics), minted only by the
/// marketplace admins (the issuers), as the chaincode's. The escrow is the market contract's own balance, which
/// only arrivals and cancellations move: it never approves a spender.
contract ProcurementToken is TokenLedger {
    uint8 private constant MARKETPLACE_ADMIN = 1;

    /// @notice The marketplace's members, whose marketplace admins mint.
    IProcurementMembers public immutable members;

    /// @param members_ The members contract.
    constructor(IProcurementMembers members_) TokenLedger("ValueChain Procurement Token", "VCPRC") {
        members = members_;
    }

    function _isMinter(address account) internal view override returns (bool) {
        return members.isActiveUser(account, MARKETPLACE_ADMIN);
    }
}
