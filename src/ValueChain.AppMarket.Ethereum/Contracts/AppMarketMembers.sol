// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ConsortiumMembership} from "../../../contracts/src/shared/ConsortiumMembership.sol";
import {IAppMarketRoles} from "./AppCatalog.sol";
import {AppMarketInput} from "./AppMarketInput.sol";
import {Unauthorized, InvalidFormat, Conflict, NotFound} from "../../../contracts/src/shared/SharedErrors.sol";

/// @title AppMarketMembers
/// @notice The marketplace's members: the shared consortium membership with the roles 1 Operator, 2 Developer and
/// 3 Company, as the chaincode's AppMarketRole (its active admins mint the token), and the companies' devices
/// and technicians: a company registers its devices and authorises technicians, each for one company.
contract AppMarketMembers is ConsortiumMembership, AppMarketInput, IAppMarketRoles {
    uint8 internal constant COMPANY = 3;

    struct Device {
        string deviceId;
        string deviceType;
        address key;
        address company;
        uint64 registeredAt;
    }

    struct Technician {
        address account;
        address company;
        string name;
        uint64 authorisedAt;
    }

    mapping(string deviceId => Device) private _devices;
    mapping(address account => Technician) private _technicians;

    event TechnicianAuthorized(address indexed technician, address indexed company);
    event TechnicianRevoked(address indexed technician, address indexed company, string name, uint64 authorisedAt);
    event DeviceRegistered(string deviceId);

    constructor(Member[] memory genesis, uint32 requiredApprovals_) ConsortiumMembership(genesis, requiredApprovals_, 3) {}

    /// @inheritdoc IAppMarketRoles
    function isActiveMemberWithRole(address account, uint8 role) external view returns (bool) {
        return isActiveMember(account) && this.member(account).role == role;
    }


    /// @notice A company authorises a technician (or an IoT manager's key); a technician works for one company.
    function authorizeTechnician(address account, string calldata name) external {
        _requireCaller(_roles(COMPANY));
        _requireName(name, "Name");
        if (account == address(0)) revert InvalidFormat("Technician must be the technician's signing address, not the zero address");
        if (_technicians[account].account != address(0)) revert Conflict("the account is already a technician of a company");
        _technicians[account] = Technician(account, msg.sender, name, uint64(block.timestamp));
        emit TechnicianAuthorized(account, msg.sender);
    }

    /// @notice The technician's company withdraws the authorisation.
    function revokeTechnician(address account) external {
        _requireCaller(_roles(COMPANY));
        Technician storage t = _technicians[account];
        if (t.account == address(0)) revert NotFound("the account is not a account");
        if (t.company != msg.sender) revert Unauthorized(msg.sender, "the account works for another company");
        emit TechnicianRevoked(account, t.company, t.name, t.authorisedAt);
        delete _technicians[account];
    }

    /// @notice A company registers a device with its type and the address of its key.
    function registerDevice(string calldata deviceId, string calldata deviceType, address key) external {
        _requireCaller(_roles(COMPANY));
        _requireId(deviceId, "DeviceId");
        _requireId(deviceType, "DeviceType");
        if (key == address(0)) revert InvalidFormat("Key must be the address of the device's key, not the zero address");
        if (_devices[deviceId].company != address(0)) revert Conflict("the device is already registered");
        _devices[deviceId] = Device(deviceId, deviceType, key, msg.sender, uint64(block.timestamp));
        emit DeviceRegistered(deviceId);
    }

    /// @notice A device (company 0 when it is not registered).
    function device(string calldata deviceId) external view returns (Device memory) {
        return _devices[deviceId];
    }

    /// @notice A technician (account 0 when there is none).
    function technician(address account) external view returns (Technician memory) {
        return _technicians[account];
    }

    function _roles(uint8 role) private pure returns (uint8[] memory roles) {
        roles = new uint8[](1);
        roles[0] = role;
    }
}
