// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ConsortiumMembership} from "../shared/ConsortiumMembership.sol";
import {Escrow} from "../shared/Escrow.sol";
import {TokenLedger} from "../shared/TokenLedger.sol";
import {Unauthorized} from "../shared/SharedErrors.sol";

/// @title ProbeToken
/// @notice The probe's token: the shared TokenLedger, minted by the probe consortium's active admins.
contract ProbeToken is TokenLedger {
    BlocksProbe public immutable probe;

    constructor(BlocksProbe probe_) TokenLedger("ValueChain Probe Token", "VCPROBE") {
        probe = probe_;
    }

    function _isMinter(address account) internal view override returns (bool) {
        return probe.isActiveAdmin(account);
    }
}

/// @title BlocksProbe
/// @notice A small application built from the shared blocks, as the tests' C# chaincode twin is: any active
/// member locks its own tokens for a payee; only the payer releases, and only the payer is refunded.
contract BlocksProbe is ConsortiumMembership, Escrow {
    constructor(Member[] memory genesis, uint32 requiredApprovals_, uint8 roleCount_)
        ConsortiumMembership(genesis, requiredApprovals_, roleCount_)
        Escrow(IERC20(address(new ProbeToken(BlocksProbe(address(this))))))
    {}

    /// @notice The caller locks `amount` of its tokens for `payee` (after approving this contract).
    /// @param id The escrow's id, never used before.
    /// @param payee Who is paid on release.
    /// @param amount The amount in base units.
    /// @param refundableFrom The block time from which the caller may be refunded.
    function lock(bytes32 id, address payee, uint256 amount, uint64 refundableFrom) external {
        _requireCaller(new uint8[](0));
        _lock(id, msg.sender, payee, amount, refundableFrom);
    }

    /// @notice The payer of escrow `id` releases it to the payee.
    /// @param id The escrow's id.
    function release(bytes32 id) external {
        _requirePayer(id);
        _release(id);
    }

    /// @notice The payer of escrow `id` takes it back, from the deadline on.
    /// @param id The escrow's id.
    function refund(bytes32 id) external {
        _requirePayer(id);
        _refund(id);
    }

    function _requirePayer(bytes32 id) private view {
        _requireCaller(new uint8[](0));
        EscrowRecord storage e = _escrow(id);
        if (e.status != 0 && e.payer != msg.sender) revert Unauthorized(msg.sender, "only the payer settles its escrow");
    }
}
