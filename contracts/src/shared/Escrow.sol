// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {InvalidFormat, Conflict, NotFound, InsufficientBalance, InsufficientAllowance, DeadlineNotReached} from "./SharedErrors.sol";

/// @title Escrow
/// @notice Escrow held by the contract, the twin of ValueChain's C# Escrow block: `_lock` pulls a payer's
/// tokens into this contract (through the payer's allowance for it), `_release` pays the payee, `_refund`
/// pays the payer back from the deadline on in block time. Each escrow closes once and its id is never
/// reused. Only these move the escrowed tokens, so the open escrows add up to what the contract holds
/// (`escrowHoldings`), unless someone sends it tokens directly. Who may lock, release or refund is the
/// inheriting contract's rule. Checks, then effects, then the token call; every entry point is nonReentrant.
abstract contract Escrow is ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice Escrow statuses, numbered as the SDK's EscrowStatus (0: no such escrow).
    uint8 internal constant OPEN = 1;
    uint8 internal constant RELEASED = 2;
    uint8 internal constant REFUNDED = 3;

    struct EscrowRecord {
        address payer;
        address payee;
        uint256 amount;
        uint64 refundableFrom;
        uint8 status;
        uint64 lockedAt;
        uint64 closedAt; // 0 while open
    }

    /// @notice The token the escrow holds.
    IERC20 public immutable escrowToken;
    uint256 private _openTotal;
    uint256 private _openCount;
    mapping(bytes32 id => EscrowRecord) private _escrows;

    event EscrowLocked(bytes32 indexed id, address indexed payer, address indexed payee, uint256 amount, uint64 refundableFrom);
    event EscrowReleased(bytes32 indexed id, address indexed payee, uint256 amount);
    event EscrowRefunded(bytes32 indexed id, address indexed payer, uint256 amount);

    constructor(IERC20 token) {
        if (address(token) == address(0)) revert InvalidFormat("the escrow needs a token");
        escrowToken = token;
    }

    /// @notice The escrow `id` (status 0 when there is none).
    /// @param id The escrow's id.
    /// @return The record.
    function escrow(bytes32 id) external view returns (EscrowRecord memory) {
        return _escrows[id];
    }

    /// @notice The invariant: the sum of the open escrows beside the contract's token balance.
    /// @return open The sum of the amounts of every open escrow.
    /// @return held The contract's balance of the escrow token.
    /// @return count How many escrows are open.
    function escrowHoldings() external view returns (uint256 open, uint256 held, uint256 count) {
        return (_openTotal, escrowToken.balanceOf(address(this)), _openCount);
    }

    /// @notice Pulls `amount` of `payer`'s tokens into this contract for `payee`.
    function _lock(bytes32 id, address payer, address payee, uint256 amount, uint64 refundableFrom) internal nonReentrant {
        if (_escrows[id].status != 0) revert Conflict("the escrow exists already; an escrow id is used once");
        if (amount == 0) revert InvalidFormat("an escrow needs an amount above zero");
        if (payer == address(0) || payee == address(0) || payer == address(this) || payee == address(this)) {
            revert InvalidFormat("an escrow needs a payer and a payee other than the zero address and the escrow");
        }
        uint256 allowed = escrowToken.allowance(payer, address(this));
        if (allowed < amount) revert InsufficientAllowance(address(this), allowed, amount);
        uint256 held = escrowToken.balanceOf(payer);
        if (held < amount) revert InsufficientBalance(payer, held, amount);

        _escrows[id] = EscrowRecord(payer, payee, amount, refundableFrom, OPEN, uint64(block.timestamp), 0);
        _openTotal += amount;
        _openCount += 1;
        emit EscrowLocked(id, payer, payee, amount, refundableFrom);

        escrowToken.safeTransferFrom(payer, address(this), amount);
    }

    /// @notice Pays the whole amount of the open escrow `id` to its payee.
    function _release(bytes32 id) internal nonReentrant {
        EscrowRecord storage open = _open(id);
        (address payee, uint256 amount) = (open.payee, open.amount);
        _close(open, RELEASED);
        emit EscrowReleased(id, payee, amount);

        escrowToken.safeTransfer(payee, amount);
    }

    /// @notice Pays the whole amount of the open escrow `id` back to its payer, from its deadline on.
    function _refund(bytes32 id) internal nonReentrant {
        EscrowRecord storage open = _open(id);
        if (block.timestamp < open.refundableFrom) revert DeadlineNotReached(id, open.refundableFrom, uint64(block.timestamp));
        (address payer, uint256 amount) = (open.payer, open.amount);
        _close(open, REFUNDED);
        emit EscrowRefunded(id, payer, amount);

        escrowToken.safeTransfer(payer, amount);
    }

    /// @notice The escrow `id` for the inheriting contract's checks (status 0 when there is none).
    function _escrow(bytes32 id) internal view returns (EscrowRecord storage) {
        return _escrows[id];
    }

    function _open(bytes32 id) private view returns (EscrowRecord storage e) {
        e = _escrows[id];
        if (e.status == 0) revert NotFound("there is no such escrow");
        if (e.status != OPEN) revert Conflict("the escrow is already closed");
    }

    function _close(EscrowRecord storage e, uint8 status) private {
        e.status = status;
        e.closedAt = uint64(block.timestamp);
        _openTotal -= e.amount;
        _openCount -= 1;
    }
}
