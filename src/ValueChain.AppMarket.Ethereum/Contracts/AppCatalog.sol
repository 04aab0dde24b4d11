// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {InvalidFormat, Unauthorized} from "../../../contracts/src/shared/SharedErrors.sol";
import {AppMarketInput} from "./AppMarketInput.sol";
import {VersionNotNewer, UnknownPaymentModel} from "./AppMarketErrors.sol";

interface IAppMarketRoles {
    /// @notice Whether `account` is an active member with `role`.
    function isActiveMemberWithRole(address account, uint8 role) external view returns (bool);
}

/// @title AppCatalog
/// @notice The marketplace's app records, the chaincode's publishApp and app reads: a version pins CID, length and
/// SHA-256; only the app's developer publishes versions and versions only go up; every version stays readable.
/// Versions are packed major·2³² + minor·2¹⁶ + patch. Developers are the marketplace's members with role 2.
contract AppCatalog is AppMarketInput {
    uint8 internal constant DEVELOPER = 2;
    address private immutable _deployer;

    /// @notice The marketplace whose members publish here, set once by the deployer.
    IAppMarketRoles public market;

    struct Publication {
        string appId;
        string name;
        uint64 version;
        uint8 model;
        uint256 price;
        uint64 periodSeconds;
        string[] deviceTypes;
        string cid;
        uint64 length;
        bytes32 sha256;
        string[] icons;
        string[] screenshots;
    }

    struct AppRecord {
        string appId;
        string name;
        uint64 version;
        address developer;
        uint64 releasedAt;
        uint8 model;
        uint256 price;
        uint64 periodSeconds;
        string[] deviceTypes;
        string cid;
        uint64 length;
        bytes32 sha256;
        string[] icons;
        string[] screenshots;
        uint64 previousVersion; // 0 for the first
    }

    mapping(string appId => mapping(uint64 version => AppRecord)) internal _apps;
    mapping(string appId => uint64[]) private _versions;
    mapping(string appId => uint64) internal _latest;
    mapping(string deviceType => string[]) private _appsOfType;
    mapping(string deviceType => mapping(string appId => bool)) private _listedForType;

    event AppPublished(string appId, uint64 version);

    constructor() {
        _deployer = msg.sender;
    }

    /// @notice The deployer names the marketplace once.
    function setMarket(IAppMarketRoles market_) external {
        if (msg.sender != _deployer || address(market) != address(0)) revert Unauthorized(msg.sender, "only the deployer sets the market, once");
        market = market_;
    }

    /// @notice A developer publishes a version; later versions come from the app's developer only and go up.
    /// @param p The publication.
    function publishApp(Publication calldata p) external {
        if (!market.isActiveMemberWithRole(msg.sender, DEVELOPER)) revert Unauthorized(msg.sender, "only an active developer publishes apps");
        _requirePublication(p);
        if (p.model < 1 || p.model > 3) revert UnknownPaymentModel("Pricing.Model is not a payment model of this marketplace: use one of one-time, pay-per-use, subscription");
        if (p.price == 0) revert InvalidFormat("Pricing.Price must be above zero");
        if (p.model == SUBSCRIPTION ? p.periodSeconds < 60 : p.periodSeconds != 0) {
            revert InvalidFormat("Pricing.PeriodSeconds must be at least 60 for a subscription and 0 for the other models");
        }
        uint64 latest = _latest[p.appId];
        if (latest != 0) {
            if (_apps[p.appId][latest].developer != msg.sender) revert Unauthorized(msg.sender, "only the app's developer publishes versions of the app");
            if (p.version <= latest) revert VersionNotNewer("the version is not above the app's latest version: versions only go up");
        }
        _storeApp(p, latest);
    }

    /// @notice A version of an app (version 0: the latest); version 0 in the answer when there is none.
    function app(string calldata appId, uint64 version) external view returns (AppRecord memory) {
        return _apps[appId][version == 0 ? _latest[appId] : version];
    }

    /// @notice Every version of an app, oldest first.
    function appVersions(string calldata appId) external view returns (AppRecord[] memory records) {
        uint64[] storage versions = _versions[appId];
        records = new AppRecord[](versions.length);
        for (uint256 i = 0; i < versions.length; i++) records[i] = _apps[appId][versions[i]];
    }

    /// @notice The latest version of every app whose latest version runs on `deviceType`, in publication order.
    function appsByDeviceType(string calldata deviceType) external view returns (AppRecord[] memory records) {
        string[] storage ids = _appsOfType[deviceType];
        AppRecord[] memory found = new AppRecord[](ids.length);
        uint256 count = 0;
        for (uint256 i = 0; i < ids.length; i++) {
            AppRecord storage latest = _apps[ids[i]][_latest[ids[i]]];
            if (_supports(latest, deviceType)) found[count++] = latest;
        }
        records = new AppRecord[](count);
        for (uint256 i = 0; i < count; i++) records[i] = found[i];
    }

    function _storeApp(Publication calldata p, uint64 previous) internal {
        AppRecord storage r = _apps[p.appId][p.version];
        (r.appId, r.name, r.version, r.developer, r.releasedAt) = (p.appId, p.name, p.version, msg.sender, uint64(block.timestamp));
        (r.model, r.price, r.periodSeconds, r.deviceTypes, r.cid) = (p.model, p.price, p.periodSeconds, p.deviceTypes, p.cid);
        (r.length, r.sha256, r.icons, r.screenshots, r.previousVersion) = (p.length, p.sha256, p.icons, p.screenshots, previous);
        _versions[p.appId].push(p.version);
        _latest[p.appId] = p.version;
        for (uint256 i = 0; i < p.deviceTypes.length; i++) {
            if (!_listedForType[p.deviceTypes[i]][p.appId]) {
                _listedForType[p.deviceTypes[i]][p.appId] = true;
                _appsOfType[p.deviceTypes[i]].push(p.appId);
            }
        }
        emit AppPublished(p.appId, p.version);
    }

    function _supports(AppRecord storage a, string memory deviceType) internal view returns (bool) {
        bytes32 wanted = keccak256(bytes(deviceType));
        for (uint256 i = 0; i < a.deviceTypes.length; i++) {
            if (keccak256(bytes(a.deviceTypes[i])) == wanted) return true;
        }
        return false;
    }

    function _requirePublication(Publication calldata p) internal pure {
        _requireId(p.appId, "AppId");
        _requireName(p.name, "Name");
        if (p.version == 0 || p.version >= (1 << 48)) revert InvalidFormat("Version must be major.minor.patch with parts of 0 to 65535, above 0.0.0");
        if (p.deviceTypes.length < 1 || p.deviceTypes.length > 16) revert InvalidFormat("DeviceTypes must hold 1 to 16 entries");
        for (uint256 i = 0; i < p.deviceTypes.length; i++) {
            _requireId(p.deviceTypes[i], "DeviceTypes[]");
            for (uint256 j = 0; j < i; j++) {
                if (keccak256(bytes(p.deviceTypes[i])) == keccak256(bytes(p.deviceTypes[j]))) revert InvalidFormat("DeviceTypes must name each device type once");
            }
        }
        _requireCid(p.cid, "Binary.Cid");
        if (p.length == 0) revert InvalidFormat("Binary.Length must be above zero");
        if (p.sha256 == bytes32(0)) revert InvalidFormat("Binary.Sha256 must be the binary's SHA-256, not zero");
        if (p.icons.length > 16) revert InvalidFormat("Icons must hold 0 to 16 entries");
        if (p.screenshots.length > 16) revert InvalidFormat("Screenshots must hold 0 to 16 entries");
        for (uint256 i = 0; i < p.icons.length; i++) _requireCid(p.icons[i], "Icons/Screenshots[]");
        for (uint256 i = 0; i < p.screenshots.length; i++) _requireCid(p.screenshots[i], "Icons/Screenshots[]");
    }

}
