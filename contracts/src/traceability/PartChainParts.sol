// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {PartChainParticipants} from "./PartChainParticipants.sol";
import {InvalidFormat, Conflict, NotFound} from "./PartChainErrors.sol";

/// @title PartChainParts
/// @notice PartChain's parts, as the reference chaincode (PartChainChaincode.Parts): registration by OEMs and
/// suppliers in batches of up to 10,000 (the registrant is manufacturer and owner; part ids are unique in
/// the network), scans by any participant, lookups by id, part number, batch and owner. A part's history is
/// its events (PartRegistered, PartScanned …), with actor, location and block time.
abstract contract PartChainParts is PartChainParticipants {
    uint8 public constant COMPONENT = 1;
    uint8 public constant ASSEMBLY = 2;
    uint8 public constant ACTIVE = 1;
    uint8 public constant IN_TRANSIT = 2;
    uint8 public constant INSTALLED = 3;
    uint8 public constant RECALLED = 4;
    uint256 public constant MAX_PARTS_PER_REGISTRATION = 10_000;

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

    mapping(bytes32 partKey => Part) private _parts;
    mapping(bytes32 partNumberKey => bytes32[]) private _byPartNumber;
    mapping(bytes32 batchKey => bytes32[]) private _byBatch;
    mapping(address owner => bytes32[]) private _byOwner;
    mapping(bytes32 partKey => uint256) private _ownerSlot; // position in _byOwner[owner], plus one

    event PartRegistered(bytes32 indexed partKey, address indexed manufacturer, string partId, string partNumber, string batchNumber, uint8 kind, Location location);
    event PartScanned(bytes32 indexed partKey, address indexed actor, string partId, Location location);

    function registerParts(PartRegistration[] calldata parts, Location calldata location) external {
        uint8[] memory roles = new uint8[](2);
        (roles[0], roles[1]) = (OEM, SUPPLIER);
        Participant storage manufacturer = _caller(roles);
        if (parts.length == 0 || parts.length > MAX_PARTS_PER_REGISTRATION) revert InvalidFormat("register 1 to 10000 parts at a time");
        for (uint256 i = 0; i < parts.length; i++) {
            PartRegistration calldata r = parts[i];
            _requireId(r.partId);
            _requireId(r.partNumber);
            _requireId(r.batchNumber);
            if (r.kind != COMPONENT && r.kind != ASSEMBLY) revert InvalidFormat("a part's kind is 1 (component) or 2 (assembly)");
            bytes32 key = keccak256(bytes(r.partId));
            // A duplicate within the batch meets the part stored a few iterations before: the whole call reverts.
            if (_parts[key].registeredAt != 0) revert Conflict("the part id is already registered; part ids are unique in the network");
            _parts[key] = Part(r.partId, r.partNumber, r.batchNumber, manufacturer.account, manufacturer.account, r.kind, ACTIVE, uint64(block.timestamp), "");
            _byPartNumber[keccak256(bytes(r.partNumber))].push(key);
            _byBatch[keccak256(bytes(r.batchNumber))].push(key);
            _addToOwner(manufacturer.account, key);
            emit PartRegistered(key, manufacturer.account, r.partId, r.partNumber, r.batchNumber, r.kind, location);
        }
    }

    function scan(string calldata partId, Location calldata location) external {
        _caller(new uint8[](0));
        _requireId(partId);
        bytes32 key = keccak256(bytes(partId));
        if (_parts[key].registeredAt == 0) revert NotFound("the part is not registered");
        emit PartScanned(key, msg.sender, partId, location);
    }

    function part(string calldata partId) external view returns (Part memory) {
        return _parts[keccak256(bytes(partId))];
    }

    function partsByPartNumber(string calldata partNumber) external view returns (Part[] memory) {
        return _load(_byPartNumber[keccak256(bytes(partNumber))]);
    }

    function partsByBatch(string calldata batchNumber) external view returns (Part[] memory) {
        return _load(_byBatch[keccak256(bytes(batchNumber))]);
    }

    function partsByOwner(address owner) external view returns (Part[] memory) {
        return _load(_byOwner[owner]);
    }

    function _addToOwner(address owner, bytes32 key) internal {
        _byOwner[owner].push(key);
        _ownerSlot[key] = _byOwner[owner].length;
    }

    function _load(bytes32[] storage keys) private view returns (Part[] memory found) {
        found = new Part[](keys.length);
        for (uint256 i = 0; i < keys.length; i++) {
            found[i] = _parts[keys[i]];
        }
    }

    // The chaincode's rule (PartChainKeys.ValidateId): 1 to 128 UTF-16 code units, none a control
    // character (U+0000–U+001F, U+007F–U+009F).
    function _requireId(string calldata id) private pure {
        bytes calldata b = bytes(id);
        uint256 units = 0;
        for (uint256 i = 0; i < b.length; i++) {
            uint8 c = uint8(b[i]);
            if (c < 0x20 || c == 0x7f) revert InvalidFormat("an id needs 1 to 128 printable characters");
            if (c == 0xc2 && i + 1 < b.length && uint8(b[i + 1]) >= 0x80 && uint8(b[i + 1]) <= 0x9f) {
                revert InvalidFormat("an id needs 1 to 128 printable characters");
            }
            if (c < 0x80 || c >= 0xc0) units += c >= 0xf0 ? 2 : 1; // lead bytes; four-byte sequences are surrogate pairs
        }
        if (units == 0 || units > 128) revert InvalidFormat("an id needs 1 to 128 printable characters");
    }
}
