// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {TraceabilityParticipants} from "./TraceabilityParticipants.sol";
import {Unauthorized, InvalidFormat, Conflict, NotFound} from "./TraceabilityErrors.sol";

/// @title TraceabilityParts
/// @notice Traceability's parts, as the reference chaincode (TraceabilityChaincode.Parts): registration by OEMs and
/// suppliers in batches of up to 10,000 (the registrant is manufacturer and owner; part ids are unique in
/// the network), assembly of owned active components into owned assemblies, scans by any participant, batch
/// recalls by the manufacturer, lookups by id, part number, batch, owner and assembly. A part's history is
/// its PartEventRecorded logs (indexed by the part's key), with actor, location and block time.
abstract contract TraceabilityParts is TraceabilityParticipants {
    uint8 internal constant COMPONENT = 1;
    uint8 internal constant ASSEMBLY = 2;
    uint8 internal constant ACTIVE = 1;
    uint8 internal constant IN_TRANSIT = 2;
    uint8 internal constant INSTALLED = 3;
    uint8 internal constant RECALLED = 4;
    uint256 internal constant MAX_PARTS_PER_REGISTRATION = 10_000;

    // History entry types, numbered as the SDK's PartEventType.
    uint8 internal constant REGISTERED = 1;
    uint8 internal constant ASSEMBLED = 2;
    uint8 internal constant SCANNED = 3;
    uint8 internal constant PICKED_UP = 4;
    uint8 internal constant DELIVERED = 5;
    uint8 internal constant HANDOVER_REJECTED = 6;
    uint8 internal constant OWNERSHIP_TRANSFERRED = 7;
    uint8 internal constant RECALL = 8;
    uint8 internal constant OWNERSHIP_CORRECTED = 9;

    struct PartRegistration {
        string partId;
        string partNumber;
        string batchNumber;
        uint8 kind;
    }

    /// @notice Where an event happened: microdegrees (as the SDK's GeoPoint) and an optional site name.
    struct Location {
        int32 latitude;
        int32 longitude;
        string site;
    }

    struct Part {
        string partId;
        string partNumber;
        string batchNumber;
        address manufacturer;
        address owner;
        uint8 kind;
        uint8 status;
        uint64 registeredAt;
        string assemblyId;
    }

    mapping(bytes32 partKey => Part) internal _parts;
    mapping(bytes32 partNumberKey => bytes32[]) private _byPartNumber;
    mapping(bytes32 batchKey => bytes32[]) private _byBatch;
    mapping(address owner => bytes32[]) private _byOwner;
    mapping(bytes32 partKey => uint256) private _ownerSlot; // position in _byOwner[owner], plus one
    mapping(bytes32 assemblyKey => string[]) private _components;

    /// @notice One entry of a part's history. `related` is the other part (assembly), the delivery (handovers,
    /// rejections with `reason`) or the batch (recall); `holder` the new holder of a custody move.
    event PartEventRecorded(
        bytes32 indexed partKey, uint8 kind, address indexed actor, bool located, Location location, string related, address holder, uint8 reason
    );
    event PartsRegistered(address indexed manufacturer, PartRegistration[] parts);
    event PartsAssembled(string assemblyId, string[] componentIds);
    event PartScanned(string partId, Location location);
    event BatchRecalled(string batchNumber, string[] partIds);

    /// @notice A manufacturer registers a batch of parts at `location`; it owns them.
    function registerParts(PartRegistration[] calldata parts, Location calldata location) external {
        Participant storage manufacturer = _maker();
        if (parts.length == 0 || parts.length > MAX_PARTS_PER_REGISTRATION) revert InvalidFormat("register 1 to 10000 parts at a time");
        for (uint256 i = 0; i < parts.length; i++) {
            PartRegistration calldata r = parts[i];
            _requireId(r.partId);
            _requireId(r.partNumber);
            _requireId(r.batchNumber);
            if (r.kind != COMPONENT && r.kind != ASSEMBLY) revert InvalidFormat("kind: 1 component, 2 assembly");
            bytes32 key = keccak256(bytes(r.partId));
            // A duplicate within the batch meets the part stored a few iterations before: the whole call reverts.
            if (_parts[key].registeredAt != 0) revert Conflict("part id already registered");
            _parts[key] = Part(r.partId, r.partNumber, r.batchNumber, manufacturer.account, manufacturer.account, r.kind, ACTIVE, uint64(block.timestamp), "");
            _byPartNumber[keccak256(bytes(r.partNumber))].push(key);
            _byBatch[keccak256(bytes(r.batchNumber))].push(key);
            _addToOwner(manufacturer.account, key);
            _record(key, REGISTERED, true, location, "", address(0), 0);
        }
        emit PartsRegistered(manufacturer.account, parts);
    }

    /// @notice The owner of parts `componentIds` assembles them into `assemblyId` (registered if new) at `location`.
    function assemble(string calldata assemblyId, string[] calldata componentIds, Location calldata location) external {
        Participant storage owner = _maker();
        Part storage target = _ownedActive(assemblyId, owner.account);
        if (target.kind != ASSEMBLY) revert Conflict("not an assembly");
        if (componentIds.length == 0) revert InvalidFormat("give distinct component ids");
        for (uint256 i = 0; i < componentIds.length; i++) {
            for (uint256 j = 0; j < i; j++) {
                if (keccak256(bytes(componentIds[i])) == keccak256(bytes(componentIds[j]))) revert InvalidFormat("give distinct component ids");
            }
        }
        bytes32 assemblyKey = keccak256(bytes(assemblyId));
        for (uint256 i = 0; i < componentIds.length; i++) {
            Part storage component = _ownedActive(componentIds[i], owner.account);
            if (_isAncestorOrSelf(keccak256(bytes(componentIds[i])), assemblyKey)) revert Conflict("an assembly cannot contain itself");
            component.status = INSTALLED;
            component.assemblyId = assemblyId;
            _components[assemblyKey].push(componentIds[i]);
            _record(keccak256(bytes(componentIds[i])), ASSEMBLED, true, location, assemblyId, address(0), 0);
            _record(assemblyKey, ASSEMBLED, true, location, componentIds[i], address(0), 0);
        }
        emit PartsAssembled(assemblyId, componentIds);
    }

    /// @notice A participant records a scan of part `partId` at `location`.
    function scan(string calldata partId, Location calldata location) external {
        _caller(new uint8[](0));
        _requireId(partId);
        bytes32 key = keccak256(bytes(partId));
        if (_parts[key].registeredAt == 0) revert NotFound("the part is not registered");
        _record(key, SCANNED, true, location, "", address(0), 0);
        emit PartScanned(partId, location);
    }

    /// @notice Recalls the caller's own parts of a batch that are not recalled yet.
    function recallBatch(string calldata batchNumber) external {
        Participant storage manufacturer = _maker();
        _requireId(batchNumber);
        bytes32[] storage keys = _byBatch[keccak256(bytes(batchNumber))];
        string[] memory recalled = new string[](keys.length);
        uint256 count = 0;
        Location memory nowhere;
        for (uint256 i = 0; i < keys.length; i++) {
            Part storage p = _parts[keys[i]];
            if (p.manufacturer == manufacturer.account && p.status != RECALLED) {
                p.status = RECALLED;
                _record(keys[i], RECALL, false, nowhere, batchNumber, address(0), 0);
                recalled[count++] = p.partId;
            }
        }
        if (count == 0) revert NotFound("no own parts of the batch to recall");
        assembly ("memory-safe") {
            mstore(recalled, count)
        }
        emit BatchRecalled(batchNumber, recalled);
    }

    /// @notice The part `partId` (registeredAt 0: no such part).
    function part(string calldata partId) external view returns (Part memory) {
        return _parts[keccak256(bytes(partId))];
    }

    /// @notice Every part of `partNumber`, in registration order.
    function partsByPartNumber(string calldata partNumber) external view returns (Part[] memory) {
        return _load(_byPartNumber[keccak256(bytes(partNumber))]);
    }

    /// @notice Every part of batch `batchNumber`, in registration order.
    function partsByBatch(string calldata batchNumber) external view returns (Part[] memory) {
        return _load(_byBatch[keccak256(bytes(batchNumber))]);
    }

    /// @notice Every part `owner` holds now.
    function partsByOwner(address owner) external view returns (Part[] memory) {
        return _load(_byOwner[owner]);
    }

    /// @notice The direct components of assembly `assemblyId`.
    function components(string calldata assemblyId) external view returns (string[] memory) {
        return _components[keccak256(bytes(assemblyId))];
    }

    /// @notice An OEM or supplier, active.
    function _maker() internal view returns (Participant storage) {
        uint8[] memory roles = new uint8[](2);
        (roles[0], roles[1]) = (OEM, SUPPLIER);
        return _caller(roles);
    }

    function _ownedActive(string calldata partId, address owner) internal view returns (Part storage p) {
        _requireId(partId);
        p = _parts[keccak256(bytes(partId))];
        if (p.registeredAt == 0) revert NotFound("the part is not registered");
        if (p.owner != owner) revert Unauthorized(msg.sender, "held by another participant");
        if (p.status != ACTIVE) revert Conflict("the part is not active");
    }

    // True when `candidate` is `assemblyKey` or an assembly above it.
    function _isAncestorOrSelf(bytes32 candidate, bytes32 assemblyKey) private view returns (bool) {
        bytes32 current = assemblyKey;
        for (uint256 depth = 0; depth < 64; depth++) {
            if (current == candidate) return true;
            string storage parent = _parts[current].assemblyId;
            if (bytes(parent).length == 0) return false;
            current = keccak256(bytes(parent));
        }
        return false;
    }

    /// @notice Moves custody of a part, keeping the owner index.
    function _moveTo(bytes32 key, address to) internal {
        Part storage p = _parts[key];
        bytes32[] storage held = _byOwner[p.owner];
        uint256 slot = _ownerSlot[key];
        bytes32 last = held[held.length - 1];
        held[slot - 1] = last;
        _ownerSlot[last] = slot;
        held.pop();
        p.owner = to;
        _addToOwner(to, key);
    }

    function _record(bytes32 key, uint8 kind, bool located, Location memory location, string memory related, address holder, uint8 reason) internal {
        emit PartEventRecorded(key, kind, msg.sender, located, location, related, holder, reason);
    }

    function _addToOwner(address owner, bytes32 key) private {
        _byOwner[owner].push(key);
        _ownerSlot[key] = _byOwner[owner].length;
    }

    function _load(bytes32[] storage keys) private view returns (Part[] memory found) {
        found = new Part[](keys.length);
        for (uint256 i = 0; i < keys.length; i++) {
            found[i] = _parts[keys[i]];
        }
    }

    // The chaincode's rule (TraceabilityKeys.ValidateId): 1 to 128 UTF-16 code units, none a control
    // character (U+0000–U+001F, U+007F–U+009F).
    function _requireId(string calldata id) internal pure {
        bytes calldata b = bytes(id);
        uint256 units = 0;
        for (uint256 i = 0; i < b.length; i++) {
            uint8 c = uint8(b[i]);
            if (c < 0x20 || c == 0x7f) revert InvalidFormat("id: 1 to 128 printable characters");
            if (c == 0xc2 && i + 1 < b.length && uint8(b[i + 1]) >= 0x80 && uint8(b[i + 1]) <= 0x9f) {
                revert InvalidFormat("id: 1 to 128 printable characters");
            }
            if (c < 0x80 || c >= 0xc0) units += c >= 0xf0 ? 2 : 1; // lead bytes; four-byte sequences are surrogate pairs
        }
        if (units == 0 || units > 128) revert InvalidFormat("id: 1 to 128 printable characters");
    }
}
