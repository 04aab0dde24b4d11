// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Escrow} from "../../../contracts/src/shared/Escrow.sol";
import {Unauthorized, InvalidFormat, Conflict, NotFound, DeadlineNotReached} from "../../../contracts/src/shared/SharedErrors.sol";
import {AppCatalog, IAppMarketRoles} from "./AppCatalog.sol";
import {AppMarketMembers} from "./AppMarketMembers.sol";
import {AppMarketRecords} from "./AppMarketRecords.sol";
import {VersionNotNewer, UnsupportedDeviceType, ReportReplayed, SubscriptionLapsed, NotSubscription, UnknownPaymentModel, InvalidSignature} from "./AppMarketErrors.sol";

/// @title AppMarket
/// @notice IIoT Bazaar, the twin of ValueChain's C# AppMarketChaincode with AppMarketMembers (roles 1 Operator,
/// 2 Developer, 3 Company), AppCatalog (app versions that pin CID, length and SHA-256 and only go up) and AppMarketToken: devices and technicians per company,
/// installations with their history, and the three built-in payment models (1 one-time and 3 subscription held in the
/// shared escrow until the device reports a successful install; 2 pay-per-use settled from device-signed EIP-712
/// cumulative reports, many in one transaction). Device reports are EIP-712 typed data in the domain
/// ValueChain.AppMarket / 1 / chain id / this contract. All state is public to node operators; the reads that take
/// a reader only select what an honest client shows.
contract AppMarket is Escrow, AppMarketRecords {
    using SafeERC20 for IERC20;

    uint8 internal constant COMPANY = 3;
    bytes32 private constant DOMAIN_TYPE = keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 private constant INSTALL_TYPE = keccak256("InstallReport(string deviceId,string appId,uint64 version,uint8 outcome,uint64 counter)");
    bytes32 private constant USAGE_TYPE = keccak256("UsageReport(string deviceId,string appId,uint64 units,uint64 counter)");

    /// @notice How long after a request without a report the company may take a held price back, in seconds.
    uint64 public immutable installTimeout;
    /// @notice The most usage reports one settlement takes.
    uint256 public immutable maxReportsPerSettlement;

    struct UsageReport {
        string deviceId;
        string appId;
        uint64 units;
        uint64 counter;
    }

    struct InstallReport {
        string deviceId;
        string appId;
        uint64 version;
        uint8 outcome;
        uint64 counter;
    }

    struct SignedUsage {
        UsageReport report;
        bytes signature;
    }

    /// @notice The app records.
    AppCatalog public immutable catalog;

    constructor(AppMarketMembers members_, IERC20 token, AppCatalog catalog_, uint64 installTimeout_, uint256 maxReports_) Escrow(token) AppMarketRecords(members_) {
        catalog = catalog_;
        installTimeout = installTimeout_;
        maxReportsPerSettlement = maxReports_;
    }

    // ---- Installations ----

    /// @notice A technician of the device's company requests an install (version 0: the latest).
    function requestInstall(string calldata deviceId, string calldata appId, uint64 version, bool remote) external {
        AppMarketMembers.Device memory device = _technicianFor(deviceId);
        AppCatalog.AppRecord memory app = _requireApp(appId, version);
        _requireSupported(app, device.deviceType);
        Installation storage inst = _installations[deviceId][appId];
        if (inst.status == STATUS_REQUESTED || inst.active) revert Conflict("already requested or installed");
        if (inst.status == 0) _appsOfDevice[deviceId].push(appId);
        (inst.deviceId, inst.appId, inst.company, inst.developer, inst.version, inst.pendingVersion) = (deviceId, appId, device.company, app.developer, app.version, 0);
        (inst.status, inst.active, inst.purchasedAt, inst.installedAt, inst.installedBy) = (STATUS_REQUESTED, false, uint64(block.timestamp), 0, msg.sender);
        (inst.purchase, inst.model, inst.price, inst.periodSeconds, inst.paidUntil) = (inst.purchase + 1, app.model, app.price, app.periodSeconds, 0);
        if (app.model != PAY_PER_USE) _lock(_escrowId(inst), device.company, app.developer, app.price, uint64(block.timestamp));
        _record(inst, ACTION_INSTALL_REQUESTED, app.version, msg.sender, remote, "");
    }

    /// @notice A technician requests an update of an installed app to a later version (0: the latest).
    function requestUpdate(string calldata deviceId, string calldata appId, uint64 version, bool remote) external {
        AppMarketMembers.Device memory device = _technicianFor(deviceId);
        Installation storage inst = _requireInstallation(deviceId, appId);
        if (inst.status != STATUS_INSTALLED) revert Conflict("not installed");
        AppCatalog.AppRecord memory app = _requireApp(appId, version);
        if (app.version <= inst.version) revert VersionNotNewer("not above the installed version: no downgrades");
        _requireSupported(app, device.deviceType);
        if (!_hasAccess(inst)) revert SubscriptionLapsed("renew the subscription first");
        (inst.status, inst.pendingVersion) = (STATUS_UPDATE_REQUESTED, app.version);
        _record(inst, ACTION_UPDATE_REQUESTED, app.version, msg.sender, remote, "");
    }

    /// @notice A technician removes an installed app.
    function uninstall(string calldata deviceId, string calldata appId, uint64, bool remote) external {
        _technicianFor(deviceId);
        Installation storage inst = _requireInstallation(deviceId, appId);
        if (!inst.active) revert Conflict("not installed");
        (inst.status, inst.active, inst.pendingVersion) = (STATUS_REMOVED, false, 0);
        _record(inst, ACTION_REMOVED, inst.version, msg.sender, remote, "");
    }

    /// @notice The company takes back a held price when the device did not report within the time-out.
    function refundInstall(string calldata deviceId, string calldata appId) external {
        AppMarketMembers.Device memory device = _requireDevice(deviceId);
        if (msg.sender != device.company) revert Unauthorized(msg.sender, "not the device's company");
        Installation storage inst = _requireInstallation(deviceId, appId);
        if (inst.status != STATUS_REQUESTED) revert Conflict("only an unreported install is refunded");
        uint64 from = inst.purchasedAt + installTimeout;
        if (block.timestamp < from) revert DeadlineNotReached(_escrowId(inst), from, uint64(block.timestamp));
        _notInstalled(inst);
        inst.status = STATUS_REFUNDED;
        _record(inst, ACTION_REFUNDED, inst.version, msg.sender, false, "no report within the install time-out");
    }

    /// @notice The company pays a subscription's next period.
    function renewSubscription(string calldata deviceId, string calldata appId) external {
        _requireRole(COMPANY);
        AppMarketMembers.Device memory device = _requireDevice(deviceId);
        if (device.company != msg.sender) revert Unauthorized(msg.sender, "not the device's company");
        Installation storage inst = _requireInstallation(deviceId, appId);
        if (!inst.active) revert Conflict("not installed");
        if (inst.model != SUBSCRIPTION) revert NotSubscription("no periods to renew");
        _pay(inst, inst.price);
        uint64 from = inst.paidUntil > block.timestamp ? inst.paidUntil : uint64(block.timestamp);
        inst.paidUntil = from + inst.periodSeconds;
        _record(inst, ACTION_RENEWED, inst.version, msg.sender, true, "");
    }

    /// @notice The IoT manager (a technician of the device's company) records that it refused a binary.
    function recordDeliveryRefusal(string calldata deviceId, string calldata appId, uint64 version, string calldata reason) external {
        _technicianFor(deviceId);
        _requireName(reason, "Reason");
        Installation storage inst = _requireInstallation(deviceId, appId);
        if (inst.status == STATUS_REQUESTED && inst.version == version) {
            _notInstalled(inst);
            inst.status = STATUS_FAILED;
        } else if (inst.status == STATUS_UPDATE_REQUESTED && inst.pendingVersion == version) {
            (inst.status, inst.pendingVersion) = (STATUS_INSTALLED, 0);
        } else {
            revert Conflict("no install or update of that version is pending");
        }
        _record(inst, ACTION_DELIVERY_REFUSED, version, msg.sender, false, reason);
    }

    // ---- Device reports ----

    /// @notice Relays a device's signed install report (anyone may).
    function reportInstall(InstallReport calldata r, bytes calldata signature) external {
        if (r.outcome < 1 || r.outcome > 3) revert InvalidFormat("Report.Outcome must be 1 to 3");
        AppMarketMembers.Device memory device = _requireDevice(r.deviceId);
        bytes32 digest = _digest(keccak256(abi.encode(INSTALL_TYPE, keccak256(bytes(r.deviceId)), keccak256(bytes(r.appId)), r.version, r.outcome, r.counter)));
        if (_recover(digest, signature) != device.key) revert InvalidSignature("not signed by the device's key");
        if (r.counter <= _counters[r.deviceId]) revert ReportReplayed("counter not above the last");
        Installation storage inst = _requireInstallation(r.deviceId, r.appId);
        bool installed = r.outcome == 1;
        uint8 failure = r.outcome == 3 ? ACTION_ROLLED_BACK : ACTION_FAILED;
        uint8 action;
        if (inst.status == STATUS_REQUESTED && inst.version == r.version) {
            if (installed) {
                if (inst.model != PAY_PER_USE) _release(_escrowId(inst));
                if (inst.model == SUBSCRIPTION) inst.paidUntil = uint64(block.timestamp) + inst.periodSeconds;
                (inst.status, inst.active, inst.installedAt, action) = (STATUS_INSTALLED, true, uint64(block.timestamp), ACTION_INSTALLED);
            } else {
                _notInstalled(inst);
                (inst.status, action) = (STATUS_FAILED, failure);
            }
        } else if (inst.status == STATUS_UPDATE_REQUESTED && inst.pendingVersion == r.version) {
            if (installed) (inst.version, action) = (r.version, ACTION_UPDATED);
            else action = failure;
            (inst.status, inst.pendingVersion) = (STATUS_INSTALLED, 0);
        } else {
            revert Conflict("no install or update of that version is pending");
        }
        _counters[r.deviceId] = r.counter;
        _record(inst, action, r.version, device.key, false, "");
    }

    /// @notice Settles many devices' signed usage reports in one transaction (anyone may relay); each emits UsageSettled or UsageRejected.
    function settleUsage(SignedUsage[] calldata reports) external {
        if (reports.length == 0 || reports.length > maxReportsPerSettlement) revert InvalidFormat("Reports must hold 1 to MaxReportsPerSettlement reports");
        for (uint256 i = 0; i < reports.length; i++) {
            UsageReport calldata r = reports[i].report;
            _requireId(r.deviceId, "DeviceId");
            _requireId(r.appId, "AppId");
            uint8 reason = _settle(r, reports[i].signature);
            if (reason != 0) emit UsageRejected(r.deviceId, r.appId, r.counter, reason);
        }
    }

    function _settle(UsageReport calldata r, bytes calldata signature) private returns (uint8 reason) {
        AppMarketMembers.Device memory device = members.device(r.deviceId);
        if (device.company == address(0)) return 2; // UnknownDevice
        bytes32 digest = _digest(keccak256(abi.encode(USAGE_TYPE, keccak256(bytes(r.deviceId)), keccak256(bytes(r.appId)), r.units, r.counter)));
        if (_recover(digest, signature) != device.key) return 1; // InvalidSignature
        if (r.counter <= _counters[r.deviceId]) return 5; // Replayed
        Installation storage inst = _installations[r.deviceId][r.appId];
        if (inst.installedAt == 0) return 3; // NotInstalled
        if (inst.model != PAY_PER_USE) return 4; // NotPayPerUse
        if (r.units < inst.usageUnits) return 6; // LowerUsage
        uint64 units = r.units - inst.usageUnits;
        uint256 price = inst.price * units;
        if (escrowToken.balanceOf(inst.company) < price || escrowToken.allowance(inst.company, address(this)) < price) return 7; // InsufficientFunds
        (_counters[r.deviceId], inst.usageUnits) = (r.counter, r.units);
        emit UsageSettled(r.deviceId, r.appId, r.counter, units, price);
        _pay(inst, price);
        return 0;
    }

    // ---- Reads ----

    /// @notice Whether the app is active on the device and paid up now.
    function hasAccess(string calldata deviceId, string calldata appId) external view returns (bool) {
        Installation storage inst = _installations[deviceId][appId];
        return inst.active && _hasAccess(inst);
    }

    /// @notice The device's last accepted report counter.
    function reportCounter(string calldata deviceId) external view returns (uint64) {
        return _counters[deviceId];
    }

    // ---- Internals ----

    function _technicianFor(string calldata deviceId) private view returns (AppMarketMembers.Device memory device) {
        AppMarketMembers.Technician memory t = members.technician(msg.sender);
        if (t.account == address(0)) revert Unauthorized(msg.sender, "not a technician");
        device = _requireDevice(deviceId);
        if (device.company != t.company) revert Unauthorized(msg.sender, "a technician of another company");
        if (!members.isActiveMemberWithRole(t.company, COMPANY)) revert Unauthorized(msg.sender, "the company is no active member");
    }

    function _requireSupported(AppCatalog.AppRecord memory app, string memory deviceType) private pure {
        bytes32 wanted = keccak256(bytes(deviceType));
        for (uint256 i = 0; i < app.deviceTypes.length; i++) {
            if (keccak256(bytes(app.deviceTypes[i])) == wanted) return;
        }
        revert UnsupportedDeviceType("the app does not run on the device's type");
    }

    function _requireApp(string calldata appId, uint64 version) private view returns (AppCatalog.AppRecord memory a) {
        a = catalog.app(appId, version);
        if (a.version == 0) revert NotFound("not published");
    }

    function _hasAccess(Installation storage inst) private view returns (bool) {
        return inst.model != SUBSCRIPTION || block.timestamp < inst.paidUntil;
    }

    function _notInstalled(Installation storage inst) private {
        if (inst.model != PAY_PER_USE) _refund(_escrowId(inst));
    }

    function _pay(Installation storage inst, uint256 amount) private {
        if (amount == 0) return;
        // The token checks the allowance, then the balance, and reverts with the shared errors.
        escrowToken.safeTransferFrom(inst.company, inst.developer, amount);
    }

    function _escrowId(Installation storage inst) private view returns (bytes32) {
        return keccak256(abi.encode(inst.deviceId, inst.appId, inst.purchase));
    }

    function _digest(bytes32 structHash) private view returns (bytes32) {
        bytes32 domain = keccak256(abi.encode(DOMAIN_TYPE, keccak256("ValueChain.AppMarket"), keccak256("1"), block.chainid, address(this)));
        return keccak256(abi.encodePacked("\x19\x01", domain, structHash));
    }

    // As the ecrecover precompile: a malformed signature recovers nothing.
    function _recover(bytes32 digest, bytes calldata signature) private pure returns (address) {
        if (signature.length != 65) return address(0);
        bytes32 r = bytes32(signature[0:32]);
        bytes32 s = bytes32(signature[32:64]);
        uint8 v = uint8(signature[64]);
        return ecrecover(digest, v, r, s);
    }

    function _requireRole(uint8 role) private view {
        if (!members.isActiveMemberWithRole(msg.sender, role)) revert Unauthorized(msg.sender, "wrong role");
    }
}
