// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {NotFound, Unauthorized} from "../../../contracts/src/shared/SharedErrors.sol";
import {AppMarketInput} from "./AppMarketInput.sol";
import {AppMarketMembers} from "./AppMarketMembers.sol";

/// @title AppMarketRecords
/// @notice The marketplace's records and their reads, numbered as the SDK's enums: installation statuses
/// (1 Requested, 2 Installed, 3 UpdateRequested, 4 Failed, 5 Removed, 6 Refunded), history actions (1 InstallRequested,
/// 2 Installed, 3 UpdateRequested, 4 Updated, 5 Failed, 6 RolledBack, 7 Removed, 8 Refunded, 9 DeliveryRefused,
/// 10 Renewed) and payment models (1 one-time, 2 pay-per-use, 3 subscription). Versions are packed
/// major·2³² + minor·2¹⁶ + patch. The input rules are the chaincode's, with the same field names in the reasons.
abstract contract AppMarketRecords is AppMarketInput {
    /// @notice The members, with their devices and technicians.
    AppMarketMembers public immutable members;

    constructor(AppMarketMembers members_) {
        members = members_;
    }

    uint8 internal constant STATUS_REQUESTED = 1;
    uint8 internal constant STATUS_INSTALLED = 2;
    uint8 internal constant STATUS_UPDATE_REQUESTED = 3;
    uint8 internal constant STATUS_FAILED = 4;
    uint8 internal constant STATUS_REMOVED = 5;
    uint8 internal constant STATUS_REFUNDED = 6;
    uint8 internal constant ACTION_INSTALL_REQUESTED = 1;
    uint8 internal constant ACTION_INSTALLED = 2;
    uint8 internal constant ACTION_UPDATE_REQUESTED = 3;
    uint8 internal constant ACTION_UPDATED = 4;
    uint8 internal constant ACTION_FAILED = 5;
    uint8 internal constant ACTION_ROLLED_BACK = 6;
    uint8 internal constant ACTION_REMOVED = 7;
    uint8 internal constant ACTION_REFUNDED = 8;
    uint8 internal constant ACTION_DELIVERY_REFUSED = 9;
    uint8 internal constant ACTION_RENEWED = 10;

    struct Installation {
        string deviceId;
        string appId;
        address company;
        address developer;
        uint64 version;
        uint64 pendingVersion; // 0 when none
        uint8 status;
        bool active;
        uint64 purchasedAt;
        uint64 installedAt; // 0 before the first successful install
        address installedBy;
        uint32 purchase;
        uint8 model;
        uint256 price;
        uint64 periodSeconds;
        uint64 paidUntil; // 0 when none
        uint64 usageUnits;
    }

    struct HistoryEntry {
        string appId;
        uint8 action;
        uint64 version;
        address by;
        uint64 time;
        bool remote;
        string detail;
    }

    mapping(string deviceId => mapping(string appId => Installation)) internal _installations;
    mapping(string deviceId => string[]) internal _appsOfDevice;
    mapping(string appId => string[]) private _running;
    mapping(string appId => mapping(string deviceId => uint256)) private _runningIndex; // index + 1
    mapping(string deviceId => HistoryEntry[]) private _history;
    mapping(string deviceId => uint64) internal _counters;

    event InstallationChanged(uint8 action, Installation installation);
    event UsageSettled(string deviceId, string appId, uint64 counter, uint64 units, uint256 paid);
    event UsageRejected(string deviceId, string appId, uint64 counter, uint8 reason);

    /// @notice Every installation of a device, as `reader` may see them.
    function installationsOf(address reader, string calldata deviceId) external view returns (Installation[] memory list) {
        _requireReader(reader, deviceId);
        string[] storage ids = _appsOfDevice[deviceId];
        list = new Installation[](ids.length);
        for (uint256 i = 0; i < ids.length; i++) list[i] = _installations[deviceId][ids[i]];
    }

    /// @notice The active installations of an app: all for its developer, the reader's company's otherwise.
    function devicesRunning(address reader, string calldata appId) external view returns (Installation[] memory list) {
        string[] storage ids = _running[appId];
        Installation[] memory found = new Installation[](ids.length);
        uint256 count = 0;
        for (uint256 i = 0; i < ids.length; i++) {
            if (_installations[ids[i]][appId].developer == reader || _mayRead(reader, members.device(ids[i]))) found[count++] = _installations[ids[i]][appId];
        }
        list = new Installation[](count);
        for (uint256 i = 0; i < count; i++) list[i] = found[i];
    }

    /// @notice The device's history, oldest first, as `reader` may see it.
    function historyOf(address reader, string calldata deviceId) external view returns (HistoryEntry[] memory) {
        _requireReader(reader, deviceId);
        return _history[deviceId];
    }

    // Keeps the index of running devices, appends to the device's history and emits the installation as it is now.
    function _record(Installation storage inst, uint8 action, uint64 version, address by, bool remote, string memory detail) internal {
        string storage appId = inst.appId;
        uint256 index = _runningIndex[appId][inst.deviceId];
        if (inst.active && index == 0) {
            _running[appId].push(inst.deviceId);
            _runningIndex[appId][inst.deviceId] = _running[appId].length;
        } else if (!inst.active && index != 0) {
            string[] storage list = _running[appId];
            string memory moved = list[list.length - 1];
            list[index - 1] = moved;
            _runningIndex[appId][moved] = index;
            list.pop();
            delete _runningIndex[appId][inst.deviceId];
        }
        _history[inst.deviceId].push(HistoryEntry(appId, action, version, by, uint64(block.timestamp), remote, detail));
        emit InstallationChanged(action, inst);
    }

    function _requireDevice(string calldata deviceId) internal view returns (AppMarketMembers.Device memory d) {
        d = members.device(deviceId);
        if (d.company == address(0)) revert NotFound("the device is not registered");
    }

    function _requireInstallation(string calldata deviceId, string calldata appId) internal view returns (Installation storage inst) {
        inst = _installations[deviceId][appId];
        if (inst.status == 0) revert NotFound("the app was never requested on the device");
    }

    function _requireReader(address reader, string calldata deviceId) private view {
        if (!_mayRead(reader, _requireDevice(deviceId))) revert Unauthorized(reader, "only the device's company and its technicians read its installations");
    }

    function _mayRead(address reader, AppMarketMembers.Device memory d) private view returns (bool) {
        if (reader == d.company) return true;
        AppMarketMembers.Technician memory t = members.technician(reader);
        return t.account != address(0) && t.company == d.company;
    }
}
