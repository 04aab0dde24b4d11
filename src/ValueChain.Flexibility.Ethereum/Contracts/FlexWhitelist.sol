// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Unauthorized, InvalidFormat, Conflict, NotFound} from "./FlexErrors.sol";

/// @title FlexWhitelist
/// @notice The market's whitelist: participants with their role, and smart meters — by address for
/// EIP-712 records, or by P-256 public key for OCMF records (then the meter id is the address-like
/// keccak256 of the key, as the SDK's MeterIds.ForP256). Only verifiers change it; a verifier cannot
/// remove itself, so the whitelist always keeps one.
contract FlexWhitelist {
    /// @notice Roles, numbered as the SDK's MarketRole.
    uint8 public constant VERIFIER = 1;
    uint8 public constant DSO = 2;
    uint8 public constant FLEET_OPERATOR = 3;

    struct Participant {
        address account;
        uint8 role;
        string name;
    }

    struct Meter {
        bool listed;
        bytes p256PublicKey; // empty for a meter known by its address
        bytes32 location; // zero when not given
    }

    mapping(address account => Participant) private _participants;
    mapping(address meterId => Meter) private _meters;

    event ParticipantAdded(address indexed account, uint8 role, string name);
    event ParticipantRemoved(address indexed account, uint8 role, string name);
    event MeterAdded(address indexed meterId, bytes p256PublicKey, bytes32 location);
    event MeterRemoved(address indexed meterId, bytes p256PublicKey, bytes32 location);

    constructor(Participant[] memory genesis) {
        bool hasVerifier = false;
        for (uint256 i = 0; i < genesis.length; i++) {
            _add(genesis[i].account, genesis[i].role, genesis[i].name);
            hasVerifier = hasVerifier || genesis[i].role == VERIFIER;
        }
        if (!hasVerifier) revert InvalidFormat("the genesis participants need a verifier");
    }

    modifier onlyVerifier() {
        if (_participants[msg.sender].role != VERIFIER) revert Unauthorized(msg.sender);
        _;
    }

    /// @notice A verifier whitelists `account` with `role` (1 verifier, 2 DSO, 3 fleet operator) and `name`.
    function addParticipant(address account, uint8 role, string calldata name) external onlyVerifier {
        _add(account, role, name);
    }

    /// @notice A verifier removes `account` from the whitelist.
    function removeParticipant(address account) external onlyVerifier {
        if (account == msg.sender) revert Conflict("a verifier cannot remove itself");
        Participant memory removed = _participants[account];
        if (removed.role == 0) revert NotFound("the account is not whitelisted");
        delete _participants[account];
        emit ParticipantRemoved(account, removed.role, removed.name);
    }

    /// @notice Whitelists a meter that signs EIP-712 records with the key of `meterAddress`.
    function addMeter(address meterAddress, bytes32 location) external onlyVerifier {
        if (meterAddress == address(0)) revert InvalidFormat("a meter needs a non-zero address");
        _addMeter(meterAddress, "", location);
    }

    /// @notice Whitelists a meter that signs OCMF records with an uncompressed P-256 key (65 bytes, 0x04…).
    function addP256Meter(bytes calldata publicKey, bytes32 location) external onlyVerifier {
        if (publicKey.length != 65 || publicKey[0] != 0x04) revert InvalidFormat("expected a 65-byte uncompressed P-256 key");
        if (location == bytes32(0)) revert InvalidFormat("an OCMF meter needs its location: its records carry none");
        _addMeter(meterIdOf(publicKey), publicKey, location);
    }

    /// @notice A verifier removes the meter `meterId`.
    function removeMeter(address meterId) external onlyVerifier {
        Meter memory removed = _meters[meterId];
        if (!removed.listed) revert NotFound("the meter is not whitelisted");
        delete _meters[meterId];
        emit MeterRemoved(meterId, removed.p256PublicKey, removed.location);
    }

    /// @notice The whitelist entry of `account` (role 0: not listed).
    function participant(address account) external view returns (Participant memory) {
        return _participants[account];
    }

    /// @notice The role of `account` (0 when not listed).
    function roleOf(address account) external view returns (uint8) {
        return _participants[account].role;
    }

    /// @notice The whitelist entry of meter `meterId` (listed false: not whitelisted).
    function meter(address meterId) external view returns (Meter memory) {
        return _meters[meterId];
    }

    /// @notice Where a meter is installed (zero for meters whose records carry their location).
    function locationOf(address meterId) external view returns (bytes32) {
        return _meters[meterId].location;
    }

    /// @notice Whether `meterId` is a whitelisted meter.
    function isMeterWhitelisted(address meterId) external view returns (bool) {
        return _meters[meterId].listed;
    }

    /// @notice The meter id of a P-256 key: the last 20 bytes of keccak256 of its 64 coordinate bytes.
    function meterIdOf(bytes calldata publicKey) public pure returns (address) {
        return address(uint160(uint256(keccak256(publicKey[1:]))));
    }

    function _add(address account, uint8 role, string memory name) private {
        if (account == address(0) || bytes(name).length == 0 || role < VERIFIER || role > FLEET_OPERATOR) {
            revert InvalidFormat("a participant needs a non-zero address, a name and a role (1 verifier, 2 DSO, 3 fleet operator)");
        }
        if (_participants[account].role != 0) revert Conflict("the account is already whitelisted");
        _participants[account] = Participant(account, role, name);
        emit ParticipantAdded(account, role, name);
    }

    function _addMeter(address meterId, bytes memory publicKey, bytes32 location) private {
        if (_meters[meterId].listed) revert Conflict("the meter is already whitelisted");
        _meters[meterId] = Meter(true, publicKey, location);
        emit MeterAdded(meterId, publicKey, location);
    }
}
