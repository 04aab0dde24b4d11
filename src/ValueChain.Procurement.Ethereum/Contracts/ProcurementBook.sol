// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Unauthorized, InvalidFormat, Conflict, NotFound} from "../../../contracts/src/shared/SharedErrors.sol";
import {IProcurementMembers} from "./IProcurementMembers.sol";
import {ProcurementMarket} from "./ProcurementMarket.sol";

/// @title ProcurementBook
/// @notice The twin of ProcurementChaincode's service orders and maintenance books, beside the market so that each
/// stays under the contract size limit: a machine books a service engineer of its company; an engineer of the
/// machine's company appends an entry to its append-only book, linked to the previous one by the hash of
/// MaintenanceBookHash, takes the installed material out of the slots (through the market) and closes the named
/// service order; the company's admins grant and revoke third parties the right to read the book (a signed read).
contract ProcurementBook {
    uint8 internal constant ADMIN = 2;
    uint8 internal constant SERVICE_ENGINEER = 5;
    uint8 internal constant BOOKED = 1;
    uint8 internal constant CLOSED = 2;
    uint64 internal constant MAX_QUANTITY = 1_000_000_000_000;

    struct ServiceOrder {
        string serviceId;
        string machineId;
        address engineer;
        string orderId; // "" when the service installs no ordered material
        uint64 bookedAt;
        uint8 status;
        uint64 closedAt;
    }

    struct InstalledMaterial {
        string materialNumber;
        uint64 quantity;
    }

    struct Entry {
        string machineId;
        uint64 sequence;
        address engineer;
        uint64 recordedAt;
        string serviceId; // "" when none
        string description;
        InstalledMaterial[] installed;
        bytes32 previousHash;
        bytes32 hash;
    }

    struct Grant {
        string machineId;
        address grantee;
        address grantedBy;
        uint64 grantedAt;
        uint64 revokedAt; // 0 while active
    }

    /// @notice The marketplace's members.
    IProcurementMembers public immutable members;
    /// @notice The market, which holds the machines and their slots.
    ProcurementMarket public immutable market;

    mapping(string serviceId => ServiceOrder) private _services;
    mapping(string machineId => Entry[]) private _books;
    mapping(string machineId => uint64) private _lastMaintenance;
    mapping(string machineId => Grant[]) private _grants;
    mapping(bytes32 machineAndGrantee => uint256) private _grantIndex; // index + 1; 0 when never granted

    event ServiceBooked(string serviceId);
    event MaintenanceRecorded(string machineId, uint64 sequence, bytes32 hash, string serviceId);
    event BookAccessGranted(string machineId, address indexed grantee);
    event BookAccessRevoked(string machineId, address indexed grantee);

    /// @param members_ The members contract.
    /// @param market_ The market contract, which names this book as its own.
    constructor(IProcurementMembers members_, ProcurementMarket market_) {
        members = members_;
        market = market_;
    }

    /// @notice The calling machine books an active service engineer of its company, for an order of its own or none.
    /// @param serviceId The service order's id, used once.
    /// @param engineer The engineer.
    /// @param orderId The order whose material is installed, or "".
    function bookService(string calldata serviceId, address engineer, string calldata orderId) external {
        ProcurementMarket.Machine memory m = market.machine(market.machineOfKey(msg.sender));
        if (m.key == address(0)) revert Unauthorized(msg.sender, "not a registered machine");
        if (!members.isActiveCompany(m.companyId)) revert Unauthorized(msg.sender, "the machine's company was removed from the marketplace");
        _requireId(serviceId, "serviceId");
        if (!members.isActiveUser(engineer, SERVICE_ENGINEER) || !_same(members.companyOf(engineer), m.companyId)) {
            revert Conflict("the engineer is not an active service engineer of the machine's company");
        }
        if (bytes(orderId).length != 0) {
            ProcurementMarket.Order memory o = market.order(orderId);
            if (o.status == 0) revert NotFound("there is no such order");
            if (!_same(o.machineId, m.machineId)) revert Unauthorized(msg.sender, "the order is another machine's");
        }
        if (_services[serviceId].status != 0) revert Conflict("the service order exists already; a service id is used once");
        _services[serviceId] = ServiceOrder(serviceId, m.machineId, engineer, orderId, uint64(block.timestamp), BOOKED, 0);
        emit ServiceBooked(serviceId);
    }

    /// @notice A service engineer of the machine's company records a maintenance: the next entry of the book.
    /// @param machineId The machine.
    /// @param serviceId The service order it closes, or "".
    /// @param description What was done, 1 to 1000 bytes.
    /// @param installed The materials installed, each once, taken out of the slots.
    function recordMaintenance(string calldata machineId, string calldata serviceId, string calldata description, InstalledMaterial[] calldata installed) external {
        if (!members.isActiveUser(msg.sender, SERVICE_ENGINEER)) revert Unauthorized(msg.sender, "not an active service engineer");
        _requireId(machineId, "machineId");
        if (bytes(serviceId).length != 0) _requireId(serviceId, "serviceId");
        if (!_hasText(bytes(description))) revert InvalidFormat("description: describe the service in 1 to 1000 characters");
        if (installed.length > 32) revert InvalidFormat("installed: list 0 to 32 installed materials");
        // Every installed material's fields are input, checked before any state is read (as the chaincode does), so
        // that a malformed entry is refused as malformed whatever the machine, its company or the service order.
        string[] memory materials = new string[](installed.length);
        uint64[] memory quantities = new uint64[](installed.length);
        bytes memory installedWords;
        for (uint256 i = 0; i < installed.length; i++) {
            _requireId(installed[i].materialNumber, "installed.materialNumber");
            for (uint256 j = 0; j < i; j++) {
                if (_same(installed[j].materialNumber, installed[i].materialNumber)) revert InvalidFormat("installed.materialNumber: list each material once");
            }
            if (installed[i].quantity == 0 || installed[i].quantity > MAX_QUANTITY) revert InvalidFormat("installed.quantity: use 1 to 10^12 units");
            (materials[i], quantities[i]) = (installed[i].materialNumber, installed[i].quantity);
            installedWords = abi.encodePacked(installedWords, keccak256(bytes(installed[i].materialNumber)), uint256(installed[i].quantity));
        }
        ProcurementMarket.Machine memory m = _existingMachine(machineId);
        if (!_same(members.companyOf(msg.sender), m.companyId)) revert Unauthorized(msg.sender, "the machine belongs to another company");
        if (bytes(serviceId).length != 0) {
            ServiceOrder storage service = _services[serviceId];
            if (service.status == 0) revert NotFound("there is no such service order");
            if (!_same(service.machineId, machineId) || service.status != BOOKED) revert Conflict("a service order closes once, for its own machine");
            (service.status, service.closedAt) = (CLOSED, uint64(block.timestamp));
        }
        market.install(machineId, materials, quantities);
        Entry[] storage entries = _books[machineId];
        uint64 sequence = uint64(entries.length);
        bytes32 previous = sequence == 0 ? bytes32(0) : entries[sequence - 1].hash;
        bytes32 hash = keccak256(abi.encode(
            previous, sequence, keccak256(bytes(machineId)), msg.sender, uint64(block.timestamp), keccak256(bytes(serviceId)), keccak256(bytes(description)), keccak256(installedWords)));
        Entry storage entry = entries.push();
        (entry.machineId, entry.sequence, entry.engineer, entry.recordedAt, entry.serviceId, entry.description, entry.previousHash, entry.hash) =
            (machineId, sequence, msg.sender, uint64(block.timestamp), serviceId, description, previous, hash);
        for (uint256 i = 0; i < installed.length; i++) {
            entry.installed.push(installed[i]);
        }
        _lastMaintenance[machineId] = uint64(block.timestamp);
        emit MaintenanceRecorded(machineId, sequence, hash, serviceId);
    }

    /// @notice An admin of the machine's company grants `grantee` the right to read the book.
    /// @param machineId The machine.
    /// @param grantee The reader, not the zero address, without an active grant.
    function grantBookAccess(string calldata machineId, address grantee) external {
        _requireAdminOf(machineId);
        if (grantee == address(0)) revert InvalidFormat("grantee: the zero address cannot read");
        bytes32 key = keccak256(abi.encode(machineId, grantee));
        uint256 index = _grantIndex[key];
        if (index != 0 && _grants[machineId][index - 1].revokedAt == 0) revert Conflict("the grantee already holds a grant for the book");
        Grant memory granted = Grant(machineId, grantee, msg.sender, uint64(block.timestamp), 0);
        if (index == 0) {
            _grants[machineId].push(granted);
            _grantIndex[key] = _grants[machineId].length;
        } else {
            _grants[machineId][index - 1] = granted;
        }
        emit BookAccessGranted(machineId, grantee);
    }

    /// @notice An admin of the machine's company revokes `grantee`'s grant; the record stays with the time.
    /// @param machineId The machine.
    /// @param grantee The reader holding an active grant.
    function revokeBookAccess(string calldata machineId, address grantee) external {
        _requireAdminOf(machineId);
        if (grantee == address(0)) revert InvalidFormat("grantee: the zero address cannot read");
        uint256 index = _grantIndex[keccak256(abi.encode(machineId, grantee))];
        if (index == 0 || _grants[machineId][index - 1].revokedAt != 0) revert NotFound("the grantee holds no grant for the book");
        _grants[machineId][index - 1].revokedAt = uint64(block.timestamp);
        emit BookAccessRevoked(machineId, grantee);
    }

    /// @notice A machine's book, oldest entry first: a signed read by the machine, its company's users or a holder of
    /// an active grant.
    /// @param machineId The machine.
    /// @return The entries.
    function book(string calldata machineId) external view returns (Entry[] memory) {
        _existingMachine(machineId);
        uint256 index = _grantIndex[keccak256(abi.encode(machineId, msg.sender))];
        if (!market.isOwnSide(msg.sender, machineId) && (index == 0 || _grants[machineId][index - 1].revokedAt != 0)) {
            revert Unauthorized(msg.sender, "holds no grant to read the machine's maintenance book");
        }
        return _books[machineId];
    }

    /// @notice A machine's book length and last maintenance time (0 when none).
    /// @param machineId The machine.
    /// @return length How many entries the book holds.
    /// @return lastMaintenanceAt When the last was recorded.
    function bookState(string calldata machineId) external view returns (uint64 length, uint64 lastMaintenanceAt) {
        return (uint64(_books[machineId].length), _lastMaintenance[machineId]);
    }

    /// @notice Every grant of a machine's book, active or revoked, in the order first granted.
    /// @param machineId The machine.
    /// @return The grants.
    function grants(string calldata machineId) external view returns (Grant[] memory) {
        _existingMachine(machineId);
        return _grants[machineId];
    }

    /// @notice A service order (status 0 when there is none), read by its machine and its company only.
    /// @param serviceId The service order.
    /// @return s The record.
    function serviceOrder(string calldata serviceId) external view returns (ServiceOrder memory s) {
        s = _services[serviceId];
        if (s.status != 0 && !market.isOwnSide(msg.sender, s.machineId)) {
            revert Unauthorized(msg.sender, "a machine's service orders are read by the machine and its company only");
        }
    }

    function _existingMachine(string calldata machineId) private view returns (ProcurementMarket.Machine memory m) {
        m = market.machine(machineId);
        if (m.key == address(0)) revert NotFound("there is no such machine");
    }

    function _requireAdminOf(string calldata machineId) private view {
        if (!members.isActiveUser(msg.sender, ADMIN)) revert Unauthorized(msg.sender, "not an active company admin");
        if (!_same(members.companyOf(msg.sender), _existingMachine(machineId).companyId)) revert Unauthorized(msg.sender, "the machine belongs to another company");
    }

    // 1 to 1000 bytes, not only whitespace (the chaincode's rule for a description).
    function _hasText(bytes memory text) private pure returns (bool) {
        if (text.length == 0 || text.length > 1000) return false;
        for (uint256 i = 0; i < text.length; i++) {
            bytes1 b = text[i];
            if (b != 0x20 && (b < 0x09 || b > 0x0d)) return true;
        }
        return false;
    }

    function _requireId(string calldata id, string memory field) private pure {
        bytes calldata b = bytes(id);
        bool valid = b.length >= 1 && b.length <= 64;
        for (uint256 i = 0; valid && i < b.length; i++) {
            valid = uint8(b[i]) > 0x20 && uint8(b[i]) != 0x7f;
        }
        if (!valid) revert InvalidFormat(string.concat(field, ": not an id; use 1 to 64 printable characters without spaces"));
    }

    function _same(string memory a, string memory b) private pure returns (bool) {
        return keccak256(bytes(a)) == keccak256(bytes(b));
    }
}
