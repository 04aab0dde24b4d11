// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Unauthorized, InvalidFormat, Conflict, InsufficientBalance, InsufficientAllowance} from "./SharedErrors.sol";

/// @title TokenLedger
/// @notice OpenZeppelin's ERC-20 with the rules and errors of ValueChain's C# TokenLedger, so that a token
/// reads and fails alike on every ledger: no tokens to the zero address (InvalidFormat); zero amounts and
/// transfers to oneself allowed; approve overwrites; an allowance of 2^256 - 1 is unlimited and never
/// decreases; transferFrom checks the allowance, then the recipient, then the balance; a mint past
/// 2^256 - 1 total supply fails with Conflict instead of a panic; mints only by an authorised minter.
/// Amounts are base units (no decimals).
abstract contract TokenLedger is ERC20 {
    constructor(string memory name_, string memory symbol_) ERC20(name_, symbol_) {}

    /// @notice Token amounts are base units; there is no fractional display unit.
    /// @return Always 0.
    function decimals() public pure override returns (uint8) {
        return 0;
    }

    /// @notice Creates `amount` new tokens for `to`; the caller must be a minter (see `_isMinter`).
    /// @param to The recipient, not the zero address.
    /// @param amount The amount in base units.
    function mint(address to, uint256 amount) external {
        if (!_isMinter(msg.sender)) revert Unauthorized(msg.sender, "not a minter of this token");
        _requireRecipient(to);
        if (amount > type(uint256).max - totalSupply()) revert Conflict("the total supply would exceed 2^256 - 1");
        _mint(to, amount);
    }

    /// @notice Moves `amount` of the caller's tokens to `to`.
    /// @param to The recipient, not the zero address.
    /// @param amount The amount in base units.
    /// @return True (failures revert).
    function transfer(address to, uint256 amount) public virtual override returns (bool) {
        _requireRecipient(to);
        _requireBalance(msg.sender, amount);
        return super.transfer(to, amount);
    }

    /// @notice Sets what `spender` may move of the caller's tokens, overwriting the allowance.
    /// @param spender The spender, not the zero address.
    /// @param amount The allowance; 2^256 - 1 is unlimited.
    /// @return True (failures revert).
    function approve(address spender, uint256 amount) public virtual override returns (bool) {
        if (spender == address(0)) revert InvalidFormat("the zero address cannot be a spender");
        return super.approve(spender, amount);
    }

    /// @notice Moves `amount` of `from`'s tokens to `to` within the caller's allowance.
    /// @param from The owner of the tokens.
    /// @param to The recipient, not the zero address.
    /// @param amount The amount in base units.
    /// @return True (failures revert).
    function transferFrom(address from, address to, uint256 amount) public virtual override returns (bool) {
        uint256 allowed = allowance(from, msg.sender);
        if (allowed < amount) revert InsufficientAllowance(msg.sender, allowed, amount);
        _requireRecipient(to);
        _requireBalance(from, amount);
        return super.transferFrom(from, to, amount);
    }

    /// @notice Whether `account` may mint; the application decides (a role, a fixed minter).
    function _isMinter(address account) internal view virtual returns (bool);

    function _requireRecipient(address to) private pure {
        if (to == address(0)) revert InvalidFormat("tokens cannot go to the zero address");
    }

    function _requireBalance(address owner, uint256 amount) private view {
        uint256 held = balanceOf(owner);
        if (held < amount) revert InsufficientBalance(owner, held, amount);
    }
}
