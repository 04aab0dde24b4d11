// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {FlexWhitelist} from "./FlexWhitelist.sol";
import {Unauthorized, InvalidFormat, Conflict, InsufficientBalance, InsufficientAllowance} from "./FlexErrors.sol";

interface IPaymentContracts {
    /// @notice Whether `account` is one of the platform's payment contracts.
    function isPaymentContract(address account) external view returns (bool);
}

/// @title FlexToken
/// @notice The market's payment token: OpenZeppelin's ERC-20, minted by verifiers, used only by
/// whitelisted participants (every call checks its caller), with the market's errors instead of
/// OpenZeppelin's so that they read the same as on the embedded ledger. An allowance of 2^256 - 1
/// is unlimited and never decreases.
contract FlexToken is ERC20 {
    FlexWhitelist public immutable whitelist;

    /// @notice The market platform, set once by a verifier: it and its payment contracts move tokens too.
    address public platform;

    constructor(FlexWhitelist whitelist_) ERC20("ValueChain Flexibility Token", "VCFLEX") {
        whitelist = whitelist_;
    }

    modifier onlyParticipant() {
        if (whitelist.roleOf(msg.sender) == 0 && !_isMarketContract(msg.sender)) revert Unauthorized(msg.sender);
        _;
    }

    /// @notice A verifier names the platform once, whose payment contracts may hold and move tokens.
    function setPlatform(address platform_) external {
        if (whitelist.roleOf(msg.sender) != whitelist.VERIFIER()) revert Unauthorized(msg.sender);
        if (platform != address(0)) revert Conflict("the platform is already set");
        if (platform_ == address(0)) revert InvalidFormat("the platform needs a non-zero address");
        platform = platform_;
    }

    /// @notice Token amounts are base units; the market has no fractional display unit.
    function decimals() public pure override returns (uint8) {
        return 0;
    }

    /// @notice A verifier mints `amount` tokens to the whitelisted `to`.
    function mint(address to, uint256 amount) external {
        if (whitelist.roleOf(msg.sender) != whitelist.VERIFIER()) revert Unauthorized(msg.sender);
        _requireRecipient(to);
        _mint(to, amount);
    }

    /// @notice ERC-20 transfer between whitelisted participants (or payment contracts).
    function transfer(address to, uint256 amount) public override onlyParticipant returns (bool) {
        _requireRecipient(to);
        _requireBalance(msg.sender, amount);
        return super.transfer(to, amount);
    }

    /// @notice ERC-20 approve by a whitelisted participant.
    function approve(address spender, uint256 amount) public override onlyParticipant returns (bool) {
        _requireRecipient(spender);
        return super.approve(spender, amount);
    }

    /// @notice ERC-20 transferFrom by a whitelisted participant within its allowance.
    function transferFrom(address from, address to, uint256 amount) public override onlyParticipant returns (bool) {
        uint256 allowed = allowance(from, msg.sender);
        if (allowed < amount) revert InsufficientAllowance(msg.sender, allowed, amount);
        _requireRecipient(to);
        _requireBalance(from, amount);
        return super.transferFrom(from, to, amount);
    }

    function _isMarketContract(address account) private view returns (bool) {
        return platform != address(0) && (account == platform || IPaymentContracts(platform).isPaymentContract(account));
    }

    function _requireRecipient(address to) private pure {
        if (to == address(0)) revert InvalidFormat("tokens cannot go to the zero address");
    }

    function _requireBalance(address owner, uint256 amount) private view {
        uint256 held = balanceOf(owner);
        if (held < amount) revert InsufficientBalance(owner, held, amount);
    }
}
