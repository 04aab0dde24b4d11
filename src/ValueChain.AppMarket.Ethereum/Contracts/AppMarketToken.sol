// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {TokenLedger} from "../../../contracts/src/shared/TokenLedger.sol";
import {Unauthorized} from "../../../contracts/src/shared/SharedErrors.sol";

interface IAppMarketMembers {
    /// @notice Whether `account` is an active member of the marketplace.
    function isActiveMember(address account) external view returns (bool);

    /// @notice Whether `account` is an active admin of the marketplace.
    function isActiveAdmin(address account) external view returns (bool);
}

/// @title AppMarketToken
/// @notice The marketplace's token: the shared TokenLedger (ERC-20 semantics), minted by the marketplace's active
/// admins and moved by its members and by the marketplace itself (escrow, usage, subscriptions), as on the chaincode.
contract AppMarketToken is TokenLedger {
    address private immutable _deployer;

    /// @notice The marketplace's members: its admins mint, its members use the token.
    IAppMarketMembers public members;
    /// @notice The marketplace contract, which moves tokens for escrow, usage and subscriptions.
    address public market;

    constructor() TokenLedger("ValueChain AppMarket Token", "VCAPP") {
        _deployer = msg.sender;
    }

    /// @notice The deployer names the marketplace once.
    function setMarket(IAppMarketMembers members_, address market_) external {
        if (msg.sender != _deployer || market != address(0)) revert Unauthorized(msg.sender, "only the deployer sets the market, once");
        (members, market) = (members_, market_);
    }

    /// @notice ERC-20 transfer by a member or the marketplace.
    function transfer(address to, uint256 amount) public override returns (bool) {
        _requireMember();
        return super.transfer(to, amount);
    }

    /// @notice ERC-20 approve by a member.
    function approve(address spender, uint256 amount) public override returns (bool) {
        _requireMember();
        return super.approve(spender, amount);
    }

    /// @notice ERC-20 transferFrom by a member or the marketplace within its allowance.
    function transferFrom(address from, address to, uint256 amount) public override returns (bool) {
        _requireMember();
        return super.transferFrom(from, to, amount);
    }

    function _isMinter(address account) internal view override returns (bool) {
        return address(members) != address(0) && members.isActiveAdmin(account);
    }

    function _requireMember() private view {
        if (msg.sender != market && (address(members) == address(0) || !members.isActiveMember(msg.sender))) revert Unauthorized(msg.sender, "not a member of the marketplace");
    }
}
